// npm run user:create -- --email EMAIL --role dpo|engineer|auditor [--name NAME] [--password PASSWORD]
// Without --password, asks for it (hidden) on the terminal.
import readline from "node:readline";
import { systemActor } from "@/lib/auth/actor";
import { todayIso } from "@/lib/clock";
import { createUserClosingSetup } from "@/lib/setup/service";
import { prepareDatabase } from "@/lib/startup";
import { parseArgs } from "./args";
import { closeCliDatabase, runCli } from "./cli";

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      write.call(rl, s.startsWith(question) ? question : "");
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

runCli(async () => {
  const args = parseArgs();
  if (!args.email || !args.role) throw new Error("usage: npm run user:create -- --email EMAIL --role dpo|engineer|auditor [--name NAME] [--password PASSWORD]");
  let password = args.password;
  if (!password) {
    if (!process.stdin.isTTY) throw new Error("--password is required when there is no terminal to ask on");
    password = await askHidden("Password (12 characters or more): ");
  }
  const handle = await prepareDatabase();
  // A DPO created here also closes the first-run set-up: the code printed in the server log stops working.
  const { record: user, setupCodeRetired } = await createUserClosingSetup({
    ctx: { db: handle.db, actor: systemActor("cli user:create"), today: todayIso() },
    input: { email: args.email, role: args.role, name: args.name ?? args.email.split("@")[0], password },
  });
  console.log(`Created ${user.role} ${user.email} (${user.id}).`);
  if (setupCodeRetired) console.log("The pending set-up code is no longer valid: /setup now sends everyone to sign-in.");
  await closeCliDatabase();
});
