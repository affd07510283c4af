// Full re-evaluation only, on a synthetic register built once and kept between runs:
//   BENCH_DB=postgres [BENCH_PG_NAME=…] [BENCH_RUNS=5] tsx --conditions=react-server scripts/bench-evaluate.ts
//   BENCH_DB=pglite [BENCH_PGLITE_DIR=…] tsx --conditions=react-server scripts/bench-evaluate.ts
// BENCH_DROP=1 removes the kept database afterwards; BENCH_ALTERNATE=1 alternates two days (date-driven
// writes every other run). Prints each run's time, CPU time and phases, then the median of the runs that
// wrote nothing (the steady state) beside its floor: the same reads alone (scripts/bench-floors.ts), timed
// after each run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedReferenceData } from "@/lib/seed/reference";
import { runFullEvaluation, type EvaluationSummary } from "@/lib/flags/evaluation";
import { readRegisterOnce } from "./bench-floors";
import { buildSyntheticRegister, FULL_SIZE } from "./bench-register";

const TODAY = "2026-11-24";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function prepare(handle: DatabaseHandle): Promise<void> {
  await runMigrations(handle);
  const counted = (await handle.db.execute(sql`select count(*)::int as n from processors`)) as unknown as { rows: { n: number }[] };
  if (counted.rows[0]!.n > 0) return;
  await seedReferenceData(handle.db);
  const start = performance.now();
  await buildSyntheticRegister(handle.db, FULL_SIZE);
  console.log(`built the synthetic register in ${Math.round(performance.now() - start)} ms`);
}

async function timeRuns(handle: DatabaseHandle): Promise<void> {
  // CPU time of this process too: the machine is shared, and wall time alone swings with its load.
  const describe = (summary: EvaluationSummary, elapsed: number, cpu: NodeJS.CpuUsage) =>
    `${Math.round(elapsed)} ms (node CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms) — ${summary.findings} findings, +${summary.inserted} ~${summary.refreshed} ↺${summary.reopened} ✓${summary.resolved}; ` +
    Object.entries(summary.timings).map(([phase, value]) => `${phase} ${value}`).join(", ");
  const steady: number[] = [];
  const reads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternate days so that every other run has date-driven changes to write, like a first pass of the day.
    const today = process.env.BENCH_ALTERNATE ? (run % 2 ? "2026-11-25" : TODAY) : TODAY;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const summary = await runFullEvaluation({ db: handle.db, today });
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    if (summary.inserted + summary.refreshed + summary.reopened + summary.resolved === 0) steady.push(elapsed);
    const readStart = performance.now();
    await readRegisterOnce({ db: handle.db, today });
    reads.push(performance.now() - readStart);
    console.log(`run ${run + 1} (${today}): ${describe(summary, elapsed, cpu)}; the same reads alone ${Math.round(reads[reads.length - 1]!)} ms`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const floor = median(reads);
  if (steady.length) {
    const figure = median(steady);
    console.log(
      `steady-state median: ${Math.round(figure)} ms over ${steady.length} runs; floor (the same reads alone, median): ${Math.round(floor)} ms; ratio ×${(figure / floor).toFixed(1)}`,
    );
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_DB === "postgres") {
    const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
    const name = process.env.BENCH_PG_NAME ?? "governance_bench_evaluate";
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 });
    try {
      await prepare(handle);
      await timeRuns(handle);
    } finally {
      await handle.close();
      if (process.env.BENCH_DROP) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    return;
  }
  const dir = process.env.BENCH_PGLITE_DIR ?? path.join(os.tmpdir(), "governance-bench-evaluate");
  const handle = openDatabase({ driver: "pglite", dataDir: dir });
  try {
    await prepare(handle);
    await timeRuns(handle);
  } finally {
    await handle.close();
    if (process.env.BENCH_DROP) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
