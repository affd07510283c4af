import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { seedDemoData } from "@/lib/seed/demo";
import { EXPORT_REPORTS, PENDING_MODES, type ExportReport } from "@/lib/exports/request";
import { ROPA_TEMPLATES, type RopaTemplate } from "@/lib/exports/ropa";
import { runExport } from "@/lib/exports/run";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { createTestDatabase } from "./databases";
import { bufferSink } from "./exports-helpers";

/*
 * Issue 12 ("behaviour unchanged: byte-identical CSV exports of the demo"): the SHA-256 of every CSV export
 * of the demo company, on a fresh in-memory PGlite, with the clock and the database's defaults fixed so that
 * two runs write the same bytes. A refactoring that changes one byte of any report fails here.
 *
 *   npx vitest run tests/exports-demo-bytes.test.ts                          # compare with the stored hashes
 *   UPDATE_DEMO_CSV_HASHES=1 npx vitest run tests/exports-demo-bytes.test.ts  # rewrite them (a deliberate change)
 *   DEMO_CSV_DIR=/tmp/csv npx vitest run tests/exports-demo-bytes.test.ts     # also write the files there, to diff
 *
 * The hashes are stored in tests/fixtures/demo-csv-hashes.txt, one "name sha256 bytes" line per export.
 */

// The demo seed names its records with node:crypto's randomUUID: a counter instead, in the order of the calls.
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  let next = 0;
  const randomUUID = () => `00000000-0000-4000-9000-${(++next).toString(16).padStart(12, "0")}` as ReturnType<typeof crypto.randomUUID>;
  return { ...crypto, default: { ...crypto, randomUUID }, randomUUID };
});

const TODAY = "2026-11-24";
const NOW = new Date(`${TODAY}T09:30:00.000Z`);
const HASHES_FILE = fileURLToPath(new URL("./fixtures/demo-csv-hashes.txt", import.meta.url));

/** Every CSV a user can download: each report, each Art. 30 template, with and without pending records. */
function exportsToHash(): { name: string; report: ExportReport; template?: RopaTemplate; includePending: boolean }[] {
  const list: { name: string; report: ExportReport; template?: RopaTemplate; includePending: boolean }[] = [];
  for (const report of EXPORT_REPORTS) {
    for (const pending of PENDING_MODES) {
      const templates: (RopaTemplate | undefined)[] = report === "ropa" ? [...ROPA_TEMPLATES] : [undefined];
      for (const template of templates) {
        list.push({ name: [report, template, pending].filter(Boolean).join("-"), report, template, includePending: pending === "include" });
      }
    }
  }
  return list;
}

/**
 * Ids and timestamps the database makes itself (gen_random_uuid(), now()) would differ on every run:
 * each such default becomes a counter-based uuid and a fixed time, on this test's database only.
 */
async function makeDatabaseDefaultsDeterministic(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  await db.execute(sql`create sequence if not exists test_uuid_seq`);
  await db.execute(
    sql.raw(
      `create or replace function test_uuid() returns uuid language sql as $$ select ('00000000-0000-4000-8000-' || lpad(to_hex(nextval('test_uuid_seq')), 12, '0'))::uuid $$`,
    ),
  );
  const columns = (await db.execute(
    sql`select table_name, column_name, column_default from information_schema.columns
        where table_schema = 'public' and (column_default like 'gen_random_uuid()%' or column_default like 'now()%')`,
  )) as unknown as { rows?: { table_name: string; column_name: string; column_default: string }[] } | { table_name: string; column_name: string; column_default: string }[];
  const rows = Array.isArray(columns) ? columns : (columns.rows ?? []);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const value = row.column_default.startsWith("gen_random_uuid") ? "test_uuid()" : `'${NOW.toISOString()}'::timestamptz`;
    await db.execute(sql.raw(`alter table "${row.table_name}" alter column "${row.column_name}" set default ${value}`));
  }
}

let handle: DatabaseHandle | undefined;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  handle = await createTestDatabase("pglite");
  await makeDatabaseDefaultsDeterministic(handle);
  await seedDemoData(handle.db, { today: TODAY });
  await runFullEvaluation({ db: handle.db, today: TODAY });
});

afterAll(async () => {
  vi.useRealTimers();
  await handle?.close();
});

it("every CSV export of the demo has the stored bytes", async () => {
  const lines: string[] = [];
  for (const { name, report, template, includePending } of exportsToHash()) {
    const sink = bufferSink();
    await runExport({ db: handle!.db, report, format: "csv", template, includePending, generatedAt: NOW, generatedBy: "Demo DPO", out: sink.out });
    const bytes = sink.buffer();
    if (process.env.DEMO_CSV_DIR) writeFileSync(`${process.env.DEMO_CSV_DIR}/${name}.csv`, bytes);
    lines.push(`${name} ${createHash("sha256").update(bytes).digest("hex")} ${bytes.length}`);
  }
  const actual = `${lines.join("\n")}\n`;
  if (process.env.UPDATE_DEMO_CSV_HASHES === "1") writeFileSync(HASHES_FILE, actual);
  expect(actual).toBe(readFileSync(HASHES_FILE, "utf8"));
});
