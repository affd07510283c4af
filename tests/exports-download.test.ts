import { parse } from "csv-parse/sync";
import { and, eq, gt, inArray } from "drizzle-orm";
import { afterEach, beforeAll, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { isAuditHeadSignatureValid } from "@/lib/audit/head";
import { resolveAuditKey } from "@/lib/audit/key";
import type { AuditActor } from "@/lib/audit/record";
import { acquireExportSlot, runningExports } from "@/lib/exports/concurrency";
import { downloadExport } from "@/lib/exports/download";
import { verifyExportBytes } from "@/lib/exports/manifest";
import { parseExportQuery } from "@/lib/exports/request";
import { describeOnDatabases } from "./databases";
import { makeTransfer } from "./factories";

/*
 * The export download service (lib/exports/download.ts) called without HTTP, as a CLI would: the same file,
 * manifest and audit events as the API route gives (tests/exports.test.ts checks the route): "export_started"
 * before the first byte, then "export" (completed) or "export_aborted"; at most EXPORT_CONCURRENCY at a time.
 */

const TODAY = "2026-03-01";
const CLI_ACTOR: AuditActor = { userId: null, tokenId: null, label: "cli: export" };

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describeOnDatabases("export download service", (use) => {
  beforeAll(async () => {
    await makeTransfer(use().db, { today: TODAY });
    await makeTransfer(use().db, { today: TODAY });
  });

  const exportEvents = () => use().db.select().from(auditEvents).where(eq(auditEvents.action, "export"));

  it("streams the file, then resolves its manifest and records it in the audit event", async () => {
    const generatedAt = new Date(`${TODAY}T08:00:00.000Z`);
    const download = await downloadExport({
      ctx: { db: use().db, actor: CLI_ACTOR },
      input: { report: "transfers", query: parseExportQuery(new URLSearchParams()), generatedBy: "Export CLI", generatedAt },
    });
    if (download.kind !== "file") throw new Error("expected a file download");
    expect(download.contentType).toBe("text/csv; charset=utf-8");
    expect(download.fileName).toBe(`transfer-register-${TODAY}.csv`);
    expect(download.contentDisposition).toBe(`attachment; filename="transfer-register-${TODAY}.csv"`);

    const bytes = await bytesOf(download.stream);
    const manifest = await download.manifest;
    expect(parse(bytes, { bom: true })).toHaveLength(1 + 2);
    // The chain's signed head travels with the file, out of the database's reach (npm run audit:verify -- MANIFEST).
    expect(manifest.auditHead).toMatchObject({ eventCount: expect.any(Number), lastEventId: expect.any(Number) });
    expect(isAuditHeadSignatureValid(resolveAuditKey(), manifest.auditHead!)).toBe(true);
    expect(manifest).toMatchObject({ report: "transfers", format: "csv", generatedBy: "Export CLI", rowCount: 2, fileName: download.fileName });
    expect(verifyExportBytes(bytes, manifest)).toEqual({ ok: true });

    const event = (await exportEvents()).at(-1)!;
    expect(event).toMatchObject({
      recordType: "export",
      recordId: "transfers",
      actorUserId: null,
      actorLabel: "cli: export",
      occurredAt: generatedAt,
      after: { format: "csv", pending: "exclude", rows: 2, sha256: manifest.sha256, bytes: bytes.length, requested: "file", manifest },
    });
  });

  it("manifest=1: the manifest of a fresh export, audited as requested for its manifest", async () => {
    const before = (await exportEvents()).length;
    const download = await downloadExport({
      ctx: { db: use().db, actor: CLI_ACTOR },
      input: { report: "transfers", query: parseExportQuery(new URLSearchParams("manifest=1&pending=include")), generatedBy: "Export CLI" },
    });
    if (download.kind !== "manifest") throw new Error("expected a manifest");
    expect(download.manifest).toMatchObject({ report: "transfers", includePending: true, rowCount: 2 });
    const events = await exportEvents();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ after: { pending: "include", requested: "manifest", manifest: download.manifest } });
  });

  it("an unknown report is not_found, and nothing is audited", async () => {
    const before = (await exportEvents()).length;
    await expect(
      downloadExport({ ctx: { db: use().db, actor: CLI_ACTOR }, input: { report: "processors", query: parseExportQuery(new URLSearchParams()), generatedBy: "x" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await exportEvents()).toHaveLength(before);
  });

  const lifecycle = async (afterId: number) =>
    use()
      .db.select()
      .from(auditEvents)
      .where(and(gt(auditEvents.id, afterId), inArray(auditEvents.action, ["export_started", "export", "export_aborted"])))
      .orderBy(auditEvents.id);
  const lastEventId = async () => (await use().db.select({ id: auditEvents.id }).from(auditEvents)).reduce((max, row) => Math.max(max, row.id), 0);
  const startDownload = async (query = "") => {
    const download = await downloadExport({
      ctx: { db: use().db, actor: CLI_ACTOR },
      input: { report: "transfers", query: parseExportQuery(new URLSearchParams(query)), generatedBy: "Export CLI" },
    });
    if (download.kind !== "file") throw new Error("expected a file download");
    return download;
  };

  it("records the start before the first byte, then the completion", async () => {
    const since = await lastEventId();
    const download = await startDownload();
    // Committed before anything is read: an export that never ends is on record.
    expect((await lifecycle(since)).map((event) => event.action)).toEqual(["export_started"]);
    await bytesOf(download.stream);
    await download.manifest;
    const events = await lifecycle(since);
    expect(events.map((event) => event.action)).toEqual(["export_started", "export"]);
    expect(events[0]).toMatchObject({ recordType: "export", recordId: "transfers", actorLabel: "cli: export", after: { format: "csv", requested: "file", fileName: download.fileName } });
  });

  it("a client that closes the stream mid-download leaves export_aborted, and frees its slot", async () => {
    const since = await lastEventId();
    const download = await startDownload();
    expect(runningExports()).toBe(1);
    download.stream.destroy();
    await expect(download.manifest).rejects.toThrow();
    const events = await lifecycle(since);
    expect(events.map((event) => event.action)).toEqual(["export_started", "export_aborted"]);
    expect(events[1]).toMatchObject({
      recordId: "transfers",
      after: { format: "csv", requested: "file", fileName: download.fileName, reason: "The client closed the download before its end.", bytesWritten: expect.any(Number) },
    });
    expect(runningExports()).toBe(0);
  });

  const savedConcurrency = process.env.EXPORT_CONCURRENCY;
  afterEach(() => {
    if (savedConcurrency === undefined) delete process.env.EXPORT_CONCURRENCY;
    else process.env.EXPORT_CONCURRENCY = savedConcurrency;
  });

  it("beyond EXPORT_CONCURRENCY an export is refused with 429 and Retry-After, and nothing is audited", async () => {
    process.env.EXPORT_CONCURRENCY = "2";
    // Two exports running elsewhere in this instance (a running download holds its slot until it has ended:
    // the test above sees it taken while the file streams).
    const elsewhere = [acquireExportSlot(), acquireExportSlot()];
    const since = await lastEventId();
    const refused = await startDownload().catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "rate_limited", status: 429, details: { retryAfterSeconds: 5, limit: 2 } });
    expect((refused as Error).message).toBe("This server runs at most 2 exports at a time and 2 are running: try again in 5 seconds.");
    // The manifest=1 form is as heavy: refused too.
    await expect(
      downloadExport({ ctx: { db: use().db, actor: CLI_ACTOR }, input: { report: "transfers", query: parseExportQuery(new URLSearchParams("manifest=1")), generatedBy: "x" } }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    expect(await lifecycle(since)).toEqual([]);

    // Once one has ended, the next one runs.
    elsewhere[0]!();
    const next = await startDownload();
    expect(runningExports()).toBe(2);
    await bytesOf(next.stream);
    await next.manifest;
    elsewhere[1]!();
    expect(runningExports()).toBe(0);
  });
});
