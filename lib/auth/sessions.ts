import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, type User } from "@/db/schema";
import { appendAuditEvent } from "@/lib/audit/record";
import { userActor } from "./actor";

/*
 * Sessions that end (issue 14). A session is a signed JWT in a cookie, valid until it expires: signing out
 * only deletes the browser's copy, so a copied cookie kept working. The user row carries a session version;
 * the JWT records the version it was issued under, and the guard compares the two on every request (the same
 * read that already re-checks the role and the disabled flag, so it costs nothing more). Signing out, a
 * password change, a role change and disabling the account increment the version, which refuses every cookie
 * issued before. One counter per user, not a revocation list: signing out ends the user's sessions in every
 * browser, which is what a shared-screen or a stolen-cookie sign-out needs.
 */

/**
 * Whether a session issued under `claimedVersion` is still valid. A cookie issued before session versions
 * existed carries none: it counts as version 0, the column's default, so it stays valid only until the
 * user's first sign-out or password or role change.
 */
export function isSessionCurrent(claimedVersion: number | undefined, user: Pick<User, "sessionVersion">): boolean {
  return (claimedVersion ?? 0) === user.sessionVersion;
}

/**
 * Signing out: increments the user's session version, so the cookie just deleted (and any copy of it) is
 * refused from now on, and audits the sign-out. Only a current session may do it: replaying an old, already
 * refused cookie to next-auth's sign-out changes nothing, so it cannot be used to sign a user out repeatedly.
 * Returns whether the sessions were ended.
 */
export async function endSessionsOnSignOut({ db, userId, claimedVersion }: { db: Executor; userId: string; claimedVersion: number | undefined }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [ended] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, userId), eq(users.sessionVersion, claimedVersion ?? 0)))
      .returning();
    if (!ended) return false;
    await appendAuditEvent({ db: tx, actor: userActor(ended), action: "sign_out", recordType: "user", recordId: ended.id });
    return true;
  });
}
