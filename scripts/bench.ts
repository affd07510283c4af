// npm run bench: builds a synthetic register and prints timings on PGlite and on PostgreSQL.
// Figures, not pass/fail: targets are in the issues and quoted in the closing notes.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { runFullEvaluation, type EvaluationSummary } from "@/lib/flags/evaluation";
import { updateTransfer } from "@/lib/transfers/service";
import { entities, processingActivities, processors } from "@/db/schema";
import { commitImport } from "@/lib/import/commit";
import { parseImportCsv } from "@/lib/import/parse";
import { SYNTHETIC_REFERENCES, generateImportFile } from "@/lib/import/synthetic";
import { normalizeProcessorName } from "@/lib/processors/normalize-name";
import { buildSyntheticRegister, FULL_SIZE, type SyntheticSize } from "./bench-register";
import { benchExports } from "./bench-exports";
import { loadDashboardFigures } from "@/db/queries/dashboard";
import { BUILD_DIR, benchWebPages } from "./bench-web";

const TODAY = "2026-11-24";
const EDITS = Number(process.env.BENCH_EDITS ?? 50);
const STEADY_PASSES = 3;
const scale = Number(process.env.BENCH_SCALE ?? 1);
const size: SyntheticSize = {
  processors: Math.round(FULL_SIZE.processors * scale),
  transfers: Math.round(FULL_SIZE.transfers * scale),
  agreements: Math.round(FULL_SIZE.agreements * scale),
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/** `databaseEnv` tells a server process started by the web bench where this database is. */
async function benchDatabase(label: string, handle: DatabaseHandle, databaseEnv: { DATABASE_URL: string } | { PGLITE_DIR: string }): Promise<void> {
  console.log(`\n== ${label} ==`);
  await runMigrations(handle);
  await seedReferenceData(handle.db);
  const [, buildMs] = await time(() => buildSyntheticRegister(handle.db, size));
  console.log(`synthetic register: ${size.processors.toLocaleString("en-US")} processors, ${size.transfers.toLocaleString("en-US")} transfers, ${size.agreements.toLocaleString("en-US")} agreements (built in ${ms(buildMs)})`);

  const [first, firstMs] = await time(() => runFullEvaluation({ db: handle.db, today: TODAY }));
  console.log(`full re-evaluation, first pass (writes every flag): ${ms(firstMs)} — ${first.findings.toLocaleString("en-US")} findings`);
  // 155,000 new flags: refresh the planner's statistics as autovacuum would soon after, so that the timings
  // below are those of a register in use, not of plans made for an empty flags table.
  await handle.db.execute(sql`analyze`);
  // The median of three passes: one pass on a shared 2-core machine swings by a few hundred milliseconds
  // (garbage collection, the database's background work), and the median is the typical pass.
  const passes: [EvaluationSummary, number][] = [];
  for (let pass = 0; pass < STEADY_PASSES; pass++) passes.push(await time(() => runFullEvaluation({ db: handle.db, today: TODAY })));
  const [steady, steadyMs] = [...passes].sort((a, b) => a[1] - b[1])[Math.floor(STEADY_PASSES / 2)]!;
  console.log(
    `full re-evaluation, steady state: ${ms(steadyMs)} median of ${STEADY_PASSES} (${passes.map(([, passMs]) => ms(passMs)).join(", ")}) — ` +
      `${steady.findings.toLocaleString("en-US")} findings, ${steady.refreshed + steady.inserted + steady.resolved} changed  [target ≤ 3,000 ms]`,
  );
  console.log(`  phases of the median pass: ${Object.entries(steady.timings).map(([phase, value]) => `${phase} ${value} ms`).join(", ")}`);
  const [, nextDayMs] = await time(() => runFullEvaluation({ db: handle.db, today: "2026-11-25" }));
  console.log(`full re-evaluation, next day (date-driven rules): ${ms(nextDayMs)}`);

  const ids = (
    await handle.db.execute<{ id: string; version: number }>(sql`select id, version from transfers order by md5(id::text || 'bench') limit ${EDITS}`)
  ) as unknown as { rows: { id: string; version: number }[] };
  const durations: number[] = [];
  for (const [index, row] of ids.rows.entries()) {
    const [, editMs] = await time(() =>
      updateTransfer({
        db: handle.db,
        actor: { userId: null, label: "bench" },
        id: row.id,
        today: TODAY,
        input: { version: row.version, encryptionInTransit: index % 2 ? "tls1_3" : "none", estimatedSubjects: 1000 + index },
      }),
    );
    durations.push(editMs);
  }
  console.log(
    `one transfer edit (validate, write, re-evaluate its processor, audit), ${EDITS} edits: p50 ${ms(percentile(durations, 50))}, p95 ${ms(percentile(durations, 95))}  [target p95 ≤ 50 ms]`,
  );
  await benchImport(handle);
  console.log(`process peak RSS so far: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  await benchExports(handle, TODAY);
  // What the first dashboard view after a change costs: the aggregates the page then reuses (the server also
  // computes them ahead after each full evaluation).
  const [, dashboardMs] = await time(() => loadDashboardFigures({ db: handle.db, today: TODAY }));
  console.log(`dashboard figures from scratch (the first view after a write): ${ms(dashboardMs)}`);
  // Last: on PGlite it closes this process's handle so that the server can open the folder.
  await benchWebPages({ handle, databaseEnv });
}

/** Bulk import of a 10,000-row transfers CSV into the synthetic register (issue target: ≤ 30 s). */
async function benchImport(handle: DatabaseHandle): Promise<void> {
  const exporter = (await handle.db.insert(entities).values({ name: SYNTHETIC_REFERENCES.exporterName, country: "US", role: "controller" }).returning())[0]!;
  await handle.db.insert(processingActivities).values({
    name: SYNTHETIC_REFERENCES.activityName,
    controllerEntityId: exporter.id,
    purpose: "Benchmark",
    legalBasis: "contract",
    retentionPeriod: "12 months",
  });
  await handle.db.insert(processors).values(
    SYNTHETIC_REFERENCES.processorNames.map((name) => ({ name, normalizedName: normalizeProcessorName(name), role: "processor" as const, service: "hosting" as const, country: "DE", status: "approved" as const })),
  );
  const csv = generateImportFile(10_000);
  const [result, importMs] = await time(() =>
    commitImport({ db: handle.db, actor: { userId: null, label: "bench" }, file: parseImportCsv(csv, "transfers"), today: TODAY }),
  );
  console.log(`bulk import of 10,000 transfer rows (CSV, validate + commit + flags + audit): ${ms(importMs)}, ${result.created.toLocaleString("en-US")} created  [target ≤ 30,000 ms]`);
}

/** Each database runs in a process of its own, so that one's memory (PGlite's wasm heap) does not slow the other. */
function runEachDatabaseInItsOwnProcess(): void {
  console.log(`bench as of ${TODAY}, scale ${scale} (BENCH_SCALE), ${os.cpus().length} cores, Node ${process.version}`);
  // The web bench serves a production build made once per run: never one left by an earlier run of older code.
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  for (const database of ["pglite", "postgres"]) {
    const result = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], {
      stdio: "inherit",
      env: { ...process.env, BENCH_DB: database },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

async function main(): Promise<void> {
  if (!process.env.BENCH_DB) return runEachDatabaseInItsOwnProcess();
  if (process.env.BENCH_DB === "postgres") return benchPostgres();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-bench-"));
  const pglite = openDatabase({ driver: "pglite", dataDir: path.join(root, "pglite") });
  try {
    await benchDatabase("PGlite (embedded, data folder)", pglite, { PGLITE_DIR: path.join(root, "pglite") });
  } finally {
    await pglite.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `governance_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`\n== PostgreSQL == skipped: unreachable at ${adminUrl} (${(error as Error).message})`);
    return;
  }
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const postgres = openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 });
  try {
    await benchDatabase(`PostgreSQL (${url.host})`, postgres, { DATABASE_URL: url.toString() });
  } finally {
    await postgres.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
