// npm run flags:evaluate: re-evaluates every rule on the whole register (e.g. from a daily cron).
import { todayIso } from "@/lib/clock";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { isIsoDate } from "@/lib/rules/iso-date";
import { prepareDatabase } from "@/lib/startup";
import { closeCliDatabase, runCli } from "./cli";

runCli(async () => {
  // --today YYYY-MM-DD evaluates as of another date (e.g. to preview what expires next month).
  const index = process.argv.indexOf("--today");
  const today = index > 0 ? process.argv[index + 1] : todayIso();
  if (!isIsoDate(today)) throw new Error("--today must be a date as YYYY-MM-DD");
  const handle = await prepareDatabase();
  const started = Date.now();
  const summary = await runFullEvaluation({ db: handle.db, today });
  console.log(
    `Evaluated ${summary.transfers} transfers of ${summary.processors} processors as of ${today} in ${Date.now() - started} ms: ` +
      `${summary.findings} findings; ${summary.inserted} new, ${summary.refreshed} updated, ${summary.reopened} reopened, ${summary.resolved} resolved.`,
  );
  await closeCliDatabase();
});
