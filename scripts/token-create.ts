// npm run token:create -- --email EMAIL --name NAME [--days N]: prints a new API token as the last line.
import { closeDatabase } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { createApiToken } from "@/lib/users/service";
import { prepareDatabase } from "@/lib/startup";
import { parseArgs } from "./args";
import { runCli } from "./cli";

runCli(async () => {
  const args = parseArgs();
  if (!args.email || !args.name) throw new Error("usage: npm run token:create -- --email EMAIL --name NAME [--days N]");
  const handle = await prepareDatabase();
  const user = await findUserByEmail({ db: handle.db, email: args.email });
  if (!user) throw new Error(`No user with the email ${args.email}.`);
  const created = await createApiToken({
    db: handle.db,
    actor: { ...SYSTEM_ACTOR, label: "cli token:create" },
    userId: user.id,
    input: { name: args.name, ...(args.days ? { expiresInDays: Number(args.days) } : {}) },
  });
  await closeDatabase();
  console.log(`Token "${created.name}" for ${user.email} (${user.role}); it is shown once, store it now:`);
  console.log(created.token);
});
