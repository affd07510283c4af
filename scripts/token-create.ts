// npm run token:create -- --email EMAIL --name NAME [--days N]: prints a new API token as the last line.
import { findUserByEmail } from "@/db/queries/users";
import { systemActor } from "@/lib/auth/actor";
import { todayIso } from "@/lib/clock";
import { createApiToken } from "@/lib/users/service";
import { prepareDatabase } from "@/lib/startup";
import { parseArgs } from "./args";
import { closeCliDatabase, runCli } from "./cli";

runCli(async () => {
  const args = parseArgs();
  if (!args.email || !args.name) throw new Error("usage: npm run token:create -- --email EMAIL --name NAME [--days N]");
  const handle = await prepareDatabase();
  const user = await findUserByEmail({ db: handle.db, email: args.email });
  if (!user) throw new Error(`No user with the email ${args.email}.`);
  const { record, token } = await createApiToken({
    ctx: { db: handle.db, actor: systemActor("cli token:create"), today: todayIso() },
    input: { userId: user.id, name: args.name, ...(args.days ? { expiresInDays: Number(args.days) } : {}) },
  });
  await closeCliDatabase();
  console.log(`Token "${record.name}" for ${user.email} (${user.role}); it is shown once, store it now:`);
  console.log(token);
});
