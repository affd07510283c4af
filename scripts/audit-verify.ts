// npm run audit:verify [-- MANIFEST.json …]: checks the audit trail — every event's hash, link and MAC, and the
// chain against its signed heads (the newest checkpoint in the database, the head file, and the manifests
// given) — and exits 1 naming what is missing or altered, e.g. "events 1041-1043 missing: the signed head of
// 2026-12-03T10:00:12Z (head file …) counts 1043 events, the table holds 1040".
import { readFile } from "node:fs/promises";
import path from "node:path";
import { auditHeadFilePath, databaseIdentity } from "@/lib/audit/head-file";
import { auditKeySource } from "@/lib/audit/key";
import { verifyAuditTrail, type HeadToCheck } from "@/lib/audit/verify";
import { AppError } from "@/lib/errors";
import { parseManifest } from "@/lib/exports/manifest";
import { prepareDatabase } from "@/lib/startup";
import { closeCliDatabase, runCli } from "./cli";

/** The signed heads of the manifests named on the command line; a manifest from before signed heads only warns. */
async function manifestHeads(paths: readonly string[]): Promise<{ heads: HeadToCheck[]; warnings: string[] }> {
  const heads: HeadToCheck[] = [];
  const warnings: string[] = [];
  for (const file of paths) {
    const parsed = parseManifest(await readFile(file, "utf8"));
    if (!parsed.ok) throw new AppError("validation_failed", `${file}: ${parsed.reason}`, { fields: [{ path: file, message: parsed.reason }] });
    if (parsed.manifest.auditHead) heads.push({ source: `manifest ${path.basename(file)}`, head: parsed.manifest.auditHead });
    else warnings.push(`manifest ${path.basename(file)} carries no signed audit head (it predates them): not compared`);
  }
  return { heads, warnings };
}

runCli(async () => {
  const manifests = await manifestHeads(process.argv.slice(2).filter((arg) => !arg.startsWith("--")));
  const handle = await prepareDatabase();
  const result = await verifyAuditTrail({
    db: handle.db,
    headFile: auditHeadFilePath(handle),
    databaseIdentity: await databaseIdentity(handle),
    manifests: manifests.heads,
  });
  await closeCliDatabase();

  const { chain } = result;
  if (chain.ok) {
    console.log(
      `Audit chain intact: ${chain.checked} events, head ${chain.headHash} (event ${chain.lastEventId}); ` +
        `${chain.keyed} MACs verified with the audit key (${auditKeySource()})`,
    );
    for (const head of result.heads) console.log(`  ${head.ok ? "matches" : "FAILS  "} ${head.source}: ${head.ok ? head.detail : "see below"}`);
  } else {
    console.error(`Audit chain BROKEN at event ${chain.brokenAt}: ${chain.reason}. ${chain.checked} events before it verify.`);
  }
  for (const warning of [...manifests.warnings, ...result.warnings]) console.log(`warning: ${warning}`);
  if (result.ok) return;
  for (const failure of chain.ok ? result.failures : result.failures.slice(1)) console.error(`Audit trail FAILED: ${failure}`);
  process.exit(1);
});
