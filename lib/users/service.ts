import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { apiTokens, users } from "@/db/schema";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { generateApiToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { createTokenInput, createUserInput } from "@/lib/validation/user";
import { parseInput } from "@/lib/validation/parse";

export async function createUser({ db, actor, input }: { db: Executor; actor: AuditActor; input: unknown }) {
  const data = parseInput(createUserInput, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return db.transaction(async (tx) => {
    if (await findUserByEmail({ db: tx, email: data.email })) {
      throw new AppError("conflict", `A user with the email ${data.email} already exists.`, {
        fields: [{ path: "email", message: "is already taken" }],
      });
    }
    const [user] = await tx.insert(users).values({ email: data.email, name: data.name, role: data.role, passwordHash }).returning();
    const { passwordHash: _secret, ...visible } = user!;
    await appendAuditEvent({ db: tx, actor, action: "create", recordType: "user", recordId: user!.id, after: visible });
    return visible;
  });
}

/** Creates a personal token carrying its owner's role. The token is returned once and never stored. */
export async function createApiToken({ db, actor, userId, input }: { db: Executor; actor: AuditActor; userId: string; input: unknown }) {
  const data = parseInput(createTokenInput, input);
  const { token, hash, prefix } = generateApiToken();
  return db.transaction(async (tx) => {
    const owner = (await tx.select().from(users).where(eq(users.id, userId)).limit(1))[0];
    if (!owner || owner.disabledAt) throw new AppError("not_found", "No active user for this token.");
    const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null;
    const [row] = await tx.insert(apiTokens).values({ userId, name: data.name, tokenHash: hash, prefix, expiresAt }).returning();
    await appendAuditEvent({
      db: tx,
      actor,
      action: "create",
      recordType: "api_token",
      recordId: row!.id,
      after: { name: row!.name, prefix, userId, expiresAt },
    });
    return { token, id: row!.id, name: row!.name, prefix };
  });
}
