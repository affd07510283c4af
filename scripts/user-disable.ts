// npm run user:disable -- --email EMAIL [--enable]: disables (or re-enables) a user; their sessions and
// API tokens stop working at once.
import { findUserByEmail } from "@/db/queries/users";
import { systemActor } from "@/lib/auth/actor";
import { todayIso } from "@/lib/clock";
import { prepareDatabase } from "@/lib/startup";
import { disableUser, enableUser } from "@/lib/users/service";
import { parseArgs } from "./args";
import { closeCliDatabase, runCli } from "./cli";

runCli(async () => {
  const args = parseArgs();
  if (!args.email) throw new Error("usage: npm run user:disable -- --email EMAIL [--enable]");
  const enable = args.enable === "true";
  const handle = await prepareDatabase();
  const user = await findUserByEmail({ db: handle.db, email: args.email });
  if (!user) throw new Error(`No user with the email ${args.email}.`);
  // The same service as the users page: audited with before and after; no version, so it acts on the account as it is now.
  const ctx = { db: handle.db, actor: systemActor("cli user:disable"), today: todayIso() };
  await (enable ? enableUser : disableUser)({ ctx, input: { userId: user.id } });
  console.log(`${enable ? "Enabled" : "Disabled"} ${user.email}.`);
  await closeCliDatabase();
});
