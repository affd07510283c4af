// The exports part of `npm run bench`: time and peak memory of the CSV and XLSX transfer-register exports
// and of the PDF Art. 30 record, on the synthetic register (issue targets: CSV ≤ 5 s, XLSX ≤ 20 s, peak RSS
// of the server ≤ 512 MB).
//
// Peak RSS is measured where it means something: each export runs in a fresh child process that opens the
// same database, runs the export into a hashing sink (the bytes a client would download, hashed and
// dropped) and reports process.resourceUsage().maxRSS, its lifetime high-water mark, which therefore covers
// that export and nothing the benchmark did before. For PGlite, which admits one process per data folder,
// the child opens a copy of the folder taken after a CHECKPOINT (so the copy is a clean cluster); the
// child's RSS then includes the embedded database, as the server's would.
//
// The floor of the CSV, in a child of its own too: the database writing the same rows as CSV by itself
// (COPY, see bench-floors.ts) into the same hashing sink. The XLSX is compared with the same floor: the
// rows it must read are those; the rest is the work of the format.
//
// Used by scripts/bench.ts: `await benchExports(handle, TODAY)` once the synthetic register is built and its
// flags evaluated. This file is also the child's entry point (BENCH_EXPORT_JOB in its environment).
import { spawn } from "node:child_process";
import type { Writable } from "node:stream";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { createHashingSink } from "@/lib/exports/manifest";
import type { ExportFormat, ExportReport } from "@/lib/exports/request";
import { runExport } from "@/lib/exports/run";
import { copyTransferRegisterPglite, copyTransferRegisterPostgres } from "./bench-floors";

interface ExportJob {
  label: string;
  report: ExportReport;
  format: ExportFormat;
  target: string;
}

const JOBS: readonly ExportJob[] = [
  { label: "transfer register, CSV", report: "transfers", format: "csv", target: "≤ 5,000 ms" },
  { label: "transfer register, XLSX", report: "transfers", format: "xlsx", target: "≤ 20,000 ms" },
  { label: "Art. 30 record, PDF", report: "ropa", format: "pdf", target: "" },
];

/** What the child is told: where the database is, and which export to run or the COPY floor. */
type ChildJob = {
  driver: "pglite" | "postgres";
  location: string;
  today: string;
} & ({ kind: "export"; report: ExportReport; format: ExportFormat } | { kind: "copy" });

interface ChildResult {
  rows: number;
  bytes: number;
  exportMs: number;
  /** RSS once the database is open, before the export. */
  baselineRss: number;
  /** process.resourceUsage().maxRSS, in bytes. */
  peakRss: number;
}

/** One export (or the COPY floor) as the bench's table reports it. */
export interface ExportTiming extends ChildResult {
  label: string;
  report: ExportReport | "copy";
  format: ExportFormat;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
const RSS_TARGET = 512 * MB;
const CHILD_ENV = "BENCH_EXPORT_JOB";

/** The file to run in the child: this one, from the project root (npm run bench runs there). */
function entryPoint(): string {
  return path.join(process.cwd(), "scripts", "bench-exports.ts");
}

function runChild(job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // The same runtime flags (tsx's loader, --conditions=react-server) as this process.
    const child = spawn(process.execPath, [...process.execArgv, entryPoint()], {
      env: { ...process.env, [CHILD_ENV]: JSON.stringify(job) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = output.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) return reject(new Error(`export child exited with ${code}: ${output.trim()}`));
      resolve(JSON.parse(line) as ChildResult);
    });
  });
}

/** Where a child can open the same data: PostgreSQL's URL, or a checkpointed copy of the PGlite folder. */
async function shareableLocation(handle: DatabaseHandle): Promise<{ driver: "pglite" | "postgres"; location: string; cleanup: () => void }> {
  if (handle.driver === "postgres") {
    const url = (handle.pool?.options as { connectionString?: string } | undefined)?.connectionString;
    if (!url) throw new Error("benchExports: the PostgreSQL handle has no connection string");
    return { driver: "postgres", location: url, cleanup: () => undefined };
  }
  if (handle.location === "memory") throw new Error("benchExports: an in-memory PGlite cannot be shared with a child process; use a data folder");
  await handle.db.execute(sql`checkpoint`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-bench-exports-"));
  const copy = path.join(root, "pglite");
  fs.cpSync(handle.location, copy, { recursive: true });
  return { driver: "pglite", location: copy, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/**
 * Prints, for each export: time, rows, size, and the peak RSS of a process doing only that export (with
 * the database it opened), against the targets; then the COPY floor. Returns them all, the floor last.
 */
export async function benchExports(handle: DatabaseHandle, today: string): Promise<ExportTiming[]> {
  const shared = await shareableLocation(handle);
  const timings: ExportTiming[] = [];
  try {
    for (const job of JOBS) {
      const result = await runChild({ kind: "export", driver: shared.driver, location: shared.location, report: job.report, format: job.format, today });
      console.log(
        `export ${job.label}: ${Math.round(result.exportMs).toLocaleString("en-US")} ms, ${result.rows.toLocaleString("en-US")} rows, ${mb(result.bytes)}; ` +
          `peak RSS ${mb(result.peakRss)} (${mb(result.baselineRss)} with the database open, before the export)` +
          `  [target${job.target ? ` ${job.target},` : ""} peak RSS ≤ ${mb(RSS_TARGET)}]`,
      );
      timings.push({ ...result, label: job.label, report: job.report, format: job.format });
    }
    const copy = await runChild({ kind: "copy", driver: shared.driver, location: shared.location, today });
    console.log(
      `floor: COPY of the same transfer-register rows to CSV by the database itself: ${Math.round(copy.exportMs).toLocaleString("en-US")} ms, ` +
        `${copy.rows.toLocaleString("en-US")} rows, ${mb(copy.bytes)}; peak RSS ${mb(copy.peakRss)}`,
    );
    timings.push({ ...copy, label: "COPY (same select) to CSV", report: "copy", format: "csv" });
  } finally {
    shared.cleanup();
  }
  return timings;
}

/** The COPY floor into `out`: streamed from PostgreSQL, in one Blob from PGlite. Resolves with its rows. */
async function copyInto(handle: DatabaseHandle, job: ChildJob, out: Writable): Promise<number> {
  if (handle.pool) return copyTransferRegisterPostgres({ pool: handle.pool, out });
  return copyTransferRegisterPglite({ client: (handle.db as unknown as { $client: PGlite }).$client, out });
}

function finish(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function childMain(job: ChildJob): Promise<void> {
  const handle =
    job.driver === "postgres" ? openDatabase({ driver: "postgres", url: job.location, maxConnections: 2 }) : openDatabase({ driver: "pglite", dataDir: job.location });
  try {
    // A first statement opens the database (PGlite loads its wasm and the folder) before the baseline.
    await handle.db.execute(sql`select count(*) from transfers`);
    const baselineRss = process.memoryUsage.rss();
    const sink = createHashingSink();
    const start = performance.now();
    const rows =
      job.kind === "copy"
        ? await copyInto(handle, job, sink.stream)
        : (
            await runExport({
              db: handle.db,
              report: job.report,
              format: job.format,
              template: "generic",
              includePending: false,
              out: sink.stream,
              generatedAt: new Date(`${job.today}T12:00:00Z`),
              generatedBy: "bench",
            })
          ).rowCount;
    if (job.kind === "copy") await finish(sink.stream);
    const exportMs = performance.now() - start;
    const output: ChildResult = { rows, bytes: sink.byteLength(), exportMs, baselineRss, peakRss: process.resourceUsage().maxRSS * 1024 };
    console.log(JSON.stringify(output));
  } finally {
    await handle.close();
  }
}

const childJob = process.env[CHILD_ENV];
if (childJob) {
  childMain(JSON.parse(childJob) as ChildJob).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
