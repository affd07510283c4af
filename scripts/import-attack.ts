// npx tsx scripts/import-attack.ts: issue 14's import attack, measured. Run by hand against a server that is
// already running (this script starts nothing): README, "Benchmark".
//
//   BASE_URL=http://127.0.0.1:3999 TOKEN=<an engineer's API token> npx tsx scripts/import-attack.ts
//
// PARALLEL clients (default 8) upload FILE_MB (3) XLSX workbooks to POST /api/v1/import?dryRun=true, each
// again as soon as it is answered, for SECONDS (20) per kind of file:
//   valid  IMPORT_MAX_ROWS transfer rows (20,000 unless ROWS says), padded with notes to FILE_MB: the
//          heaviest file the limits let through, validated in full;
//   flood  FILE_MB of short transfer rows, far more rows than the limit;
//   bomb   FILE_MB that inflates to about a thousand times more (empty rows, a zip bomb);
//   wrong  IMPORT_MAX_ROWS rows of which every cell is wrong, padded to FILE_MB: the most problems a file can
//          make the dry run report.
// FILES_DIR (optional) keeps the generated files there and reuses them on the next run (generating them takes
// minutes of CPU): one per kind, FILE_MB and ROWS.
// Meanwhile it reads the server's resident memory (VmRSS of the process listening on BASE_URL's port, from
// /proc, or SERVER_PID) every 200 ms and asks GET /api/health every 500 ms. It prints, per kind and overall,
// the answers by status, the peak RSS and whether /api/health kept answering, and exits 1 when the server
// stopped answering or its RSS reached RSS_LIMIT_MB (512).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { TRANSFER_COLUMNS } from "@/lib/import/columns";
import { DEFAULT_IMPORT_LIMITS } from "@/lib/import/limits";
import { SYNTHETIC_REFERENCES } from "@/lib/import/synthetic";
import { repeatedPart, SHEET_HEAD, SHEET_TAIL, workbook } from "../tests/hostile-xlsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MB = 1024 * 1024;

const env = process.env;
const BASE_URL = (env.BASE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const TOKEN = env.TOKEN ?? "";
const PARALLEL = Number(env.PARALLEL ?? 8);
const SECONDS = Number(env.SECONDS ?? 20);
const FILE_BYTES = Number(env.FILE_MB ?? 3) * MB;
const ROWS = Number(env.ROWS ?? DEFAULT_IMPORT_LIMITS.maxRows);
const RSS_LIMIT_MB = Number(env.RSS_LIMIT_MB ?? 512);
const KINDS = (env.KINDS ?? "valid,flood,bomb,wrong").split(",").map((kind) => kind.trim()) as Kind[];
const FILES_DIR = env.FILES_DIR?.trim() || null;

type Kind = "valid" | "flood" | "bomb" | "wrong";

// ---------------------------------------------------------------------------------------------------------
// The files.

const DESTINATIONS = ["DE", "FR", "IE", "GB", "JP", "SG", "CA", "US"];

/**
 * A transfers workbook as Excel writes one (shared strings, styles), of `rows` rows with `notes` characters of
 * random text each; `wrong`: every cell a value no column accepts.
 */
async function transfersWorkbook(rows: number, notes: number, wrong = false): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("transfers");
  const header = TRANSFER_COLUMNS.map((column) => column.name);
  sheet.addRow(header);
  for (let i = 0; i < rows; i++) {
    if (wrong) {
      sheet.addRow(header.map((name) => `?${name}-${i}-${randomText(notes)}`));
      continue;
    }
    const values: Record<string, string | number> = {
      externalId: `attack-${String(i + 1).padStart(7, "0")}`,
      processorName: SYNTHETIC_REFERENCES.processorNames[i % SYNTHETIC_REFERENCES.processorNames.length]!,
      activityName: SYNTHETIC_REFERENCES.activityName,
      exporterName: SYNTHETIC_REFERENCES.exporterName,
      originCountry: "US",
      destinationCountry: DESTINATIONS[i % DESTINATIONS.length]!,
      accessType: "storage",
      dataCategories: "user.contact.email;user.name",
      estimatedSubjects: 100 + (i % 900),
      mechanism: "none",
      status: "draft",
      notes: notes > 0 ? randomText(notes) : "",
    };
    sheet.addRow(header.map((name) => values[name] ?? ""));
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

function randomText(length: number): string {
  return Buffer.from(Array.from({ length: Math.ceil((length * 3) / 4) }, () => Math.floor(Math.random() * 256))).toString("base64").slice(0, length);
}

/** Scales `build(n)` linearly in n until the file is within 5 % of FILE_BYTES. */
async function sized(build: (n: number) => Promise<Uint8Array<ArrayBuffer>>, first: number): Promise<Uint8Array<ArrayBuffer>> {
  let n = first;
  let file = await build(n);
  for (let attempt = 0; attempt < 4 && Math.abs(file.byteLength - FILE_BYTES) > FILE_BYTES * 0.05; attempt++) {
    n = Math.max(1, Math.round((n * FILE_BYTES) / file.byteLength));
    file = await build(n);
  }
  return file;
}

/** The file of `kind`, from FILES_DIR when an earlier run left it there. */
async function fileOf(kind: Kind): Promise<Uint8Array<ArrayBuffer>> {
  if (!FILES_DIR) return buildFile(kind);
  const cached = path.join(FILES_DIR, `${kind}-${env.FILE_MB ?? 3}MB-${ROWS}rows.xlsx`);
  if (fs.existsSync(cached)) return new Uint8Array(fs.readFileSync(cached));
  const file = await buildFile(kind);
  fs.mkdirSync(FILES_DIR, { recursive: true });
  fs.writeFileSync(cached, file);
  return file;
}

async function buildFile(kind: Kind): Promise<Uint8Array<ArrayBuffer>> {
  if (kind === "valid") return sized((notes) => transfersWorkbook(ROWS, notes), 100);
  if (kind === "flood") return sized((rows) => transfersWorkbook(rows, 0), 100_000);
  if (kind === "wrong") return sized((padding) => transfersWorkbook(ROWS, padding, true), 4);
  // About 1,000:1: a few MB of compressed empty rows for gigabytes of sheet, its size understated.
  const row = "<row/>".repeat(100_000);
  return sized(async (count) => workbook(repeatedPart("sheet", { prefix: SHEET_HEAD, unit: row, count, suffix: SHEET_TAIL, claimedSize: 4096 })), 1000);
}

// ---------------------------------------------------------------------------------------------------------
// The server's process and memory.

/** The pid listening on `port`: the socket's inode in /proc/net/tcp{,6}, then the process holding it. */
function listenerPid(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT, st 0A is LISTEN, the inode is the 10th field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A" && fields[9]) inodes.add(fields[9]);
    }
  }
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of fs.readdirSync(`/proc/${entry}/fd`)) {
        const target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      }
    } catch {
      // Another user's process, or one that just ended.
    }
  }
  return null;
}

/** A line of /proc/<pid>/status in MB (VmRSS: resident now; VmHWM: the kernel's peak since the process started). */
function statusMb(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The attack.

interface Wave {
  kind: Kind;
  fileMb: number;
  statuses: Map<string, number>;
  details: Map<string, string>;
  /** The server's RSS as the wave starts (its file built): what it idles at after the waves before. */
  startRssMb: number;
  peakRssMb: number;
  health: { asked: number; answered: number; slowestMs: number };
}

async function upload(file: Uint8Array<ArrayBuffer>): Promise<{ status: string; detail: string }> {
  try {
    const response = await fetch(`${BASE_URL}/api/v1/import?dryRun=true`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": XLSX },
      body: file,
      signal: AbortSignal.timeout(300_000),
    });
    const text = await response.text();
    let detail = "";
    try {
      const body = JSON.parse(text) as { detail?: string; valid?: boolean; problems?: unknown[] };
      detail = body.detail ?? (body.valid !== undefined ? `dry run: valid=${body.valid}, ${body.problems?.length ?? 0} problems` : "");
    } catch {
      detail = text.slice(0, 100);
    }
    return { status: String(response.status), detail };
  } catch (error) {
    return { status: "no answer", detail: error instanceof Error ? error.message : String(error) };
  }
}

async function attack(kind: Kind, pid: number): Promise<Wave> {
  const file = await fileOf(kind);
  const startRssMb = statusMb(pid, "VmRSS") ?? 0;
  const wave: Wave = { kind, fileMb: file.byteLength / MB, statuses: new Map(), details: new Map(), startRssMb, peakRssMb: startRssMb, health: { asked: 0, answered: 0, slowestMs: 0 } };
  const deadline = Date.now() + SECONDS * 1000;
  let running = true;

  const sampler = setInterval(() => {
    wave.peakRssMb = Math.max(wave.peakRssMb, statusMb(pid, "VmRSS") ?? 0);
  }, 200);
  const healthChecks = (async () => {
    while (running) {
      const started = performance.now();
      wave.health.asked++;
      try {
        const response = await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(10_000) });
        if (response.ok) wave.health.answered++;
        await response.text();
      } catch {
        // Counted as not answered.
      }
      wave.health.slowestMs = Math.max(wave.health.slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const clients = Array.from({ length: PARALLEL }, async () => {
    while (Date.now() < deadline) {
      const { status, detail } = await upload(file);
      wave.statuses.set(status, (wave.statuses.get(status) ?? 0) + 1);
      if (!wave.details.has(status)) wave.details.set(status, detail);
    }
  });
  await Promise.all(clients);
  running = false;
  await healthChecks;
  clearInterval(sampler);
  wave.peakRssMb = Math.max(wave.peakRssMb, statusMb(pid, "VmRSS") ?? 0);
  return wave;
}

async function main() {
  if (!TOKEN) throw new Error("Set TOKEN to an engineer's (or the DPO's) API token: npm run token:create -- --email EMAIL --name attack");
  const port = Number(new URL(BASE_URL).port || 80);
  const pid = env.SERVER_PID ? Number(env.SERVER_PID) : listenerPid(port);
  if (!pid || statusMb(pid, "VmRSS") === null) throw new Error(`No process of ours listens on port ${port}: start the server first, or set SERVER_PID.`);
  const before = await fetch(`${BASE_URL}/api/health`).then((response) => response.status).catch(() => 0);
  if (before !== 200) throw new Error(`${BASE_URL}/api/health does not answer 200 before the attack.`);

  console.log(`[import-attack] ${BASE_URL}, server pid ${pid}, RSS ${statusMb(pid, "VmRSS")!.toFixed(0)} MB; ${PARALLEL} clients, ${SECONDS} s per kind of file`);
  const waves: Wave[] = [];
  for (const kind of KINDS) {
    const wave = await attack(kind, pid);
    waves.push(wave);
    const answers = [...wave.statuses].map(([status, count]) => `${count} × ${status}`).join(", ");
    console.log(`\n${kind}: ${wave.fileMb.toFixed(2)} MB XLSX, ${answers}`);
    for (const [status, detail] of wave.details) console.log(`  ${status}: ${detail.slice(0, 160)}`);
    console.log(`  RSS ${wave.startRssMb.toFixed(0)} MB at the start, peak ${wave.peakRssMb.toFixed(0)} MB; /api/health answered ${wave.health.answered}/${wave.health.asked}, slowest ${Math.round(wave.health.slowestMs)} ms`);
  }

  const after = await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(10_000) }).then((response) => response.status).catch(() => 0);
  const peak = Math.max(...waves.map((wave) => wave.peakRssMb));
  const kept = waves.every((wave) => wave.health.answered === wave.health.asked) && after === 200;
  console.log(`\npeak RSS ${peak.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB; the kernel's high-water mark since start: ${statusMb(pid, "VmHWM")?.toFixed(0) ?? "?"} MB)`);
  console.log(`the server kept answering /api/health: ${kept ? "yes" : "NO"} (after the attack: ${after || "no answer"})`);
  process.exitCode = kept && peak < RSS_LIMIT_MB ? 0 : 1;
}

main().catch((error) => {
  console.error(`[import-attack] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
