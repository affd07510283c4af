// npm run export:verify FILE MANIFEST: checks an exported file against its integrity manifest (SHA-256 of
// the bytes; rows too for JSON). Exits 0 "verified", or 1 with the reason.
import { readFile } from "node:fs/promises";
import { verifyExportFile } from "@/lib/exports/manifest";
import { runCli } from "./cli";

runCli(async () => {
  const [filePath, manifestPath] = process.argv.slice(2);
  if (!filePath || !manifestPath) {
    console.error("Usage: npm run export:verify FILE MANIFEST");
    process.exit(1);
  }
  const result = await verifyExportFile({ filePath, manifestText: await readFile(manifestPath, "utf8") });
  if (result.ok) {
    console.log("verified");
    return;
  }
  console.error(`NOT verified: ${result.reason}`);
  process.exit(1);
});
