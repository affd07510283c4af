// npm run user:disable -- --email EMAIL [--enable]: disables (or re-enables) a user; their sessions and
// API tokens stop working at once.
import { eq, sql } from "drizzle-orm";
import { closeDatabase } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { users } from "@/db/schema";
import { appendAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record";
import { prepareDatabase } from "@/lib/startup";
import { parseArgs } from "./args";
import { runCli } from "./cli";

runCli(async () => {
  const args = parseArgs();
  if (!args.email) throw new Error("usage: npm run user:disable -- --email EMAIL [--enable]");
  const enable = args.enable === "true";
  const handle = await prepareDatabase();
  const user = await findUserByEmail({ db: handle.db, email: args.email });
  if (!user) throw new Error(`No user with the email ${args.email}.`);
  await handle.db.transaction(async (tx) => {
    const disabledAt = enable ? null : new Date();
    await tx.update(users).set({ disabledAt, version: sql`${users.version} + 1`, updatedAt: new Date() }).where(eq(users.id, user.id));
    await appendAuditEvent({
      db: tx,
      actor: { ...SYSTEM_ACTOR, label: "cli user:disable" },
      action: enable ? "enable" : "disable",
      recordType: "user",
      recordId: user.id,
      before: { disabledAt: user.disabledAt },
      after: { disabledAt },
    });
  });
  console.log(`${enable ? "Enabled" : "Disabled"} ${user.email}.`);
  await closeDatabase();
});
