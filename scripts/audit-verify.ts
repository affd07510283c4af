// npm run audit:verify: checks the audit trail's hash chain; exits 1 naming the first broken event.
import { closeDatabase } from "@/db/client";
import { verifyAuditChain } from "@/lib/audit/verify";
import { prepareDatabase } from "@/lib/startup";
import { runCli } from "./cli";

runCli(async () => {
  const handle = await prepareDatabase();
  const result = await verifyAuditChain({ db: handle.db });
  await closeDatabase();
  if (result.ok) {
    console.log(`Audit chain intact: ${result.checked} events, head ${result.headHash}`);
    return;
  }
  console.error(`Audit chain BROKEN at event ${result.brokenAt}: ${result.reason}. ${result.checked} events before it verify.`);
  process.exit(1);
});
