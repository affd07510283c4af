import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record";
import { downloadExport } from "@/lib/exports/download";
import { verifyExportBytes } from "@/lib/exports/manifest";
import { parseExportQuery } from "@/lib/exports/request";
import { describeOnDatabases } from "./databases";
import { makeTransfer } from "./factories";

/*
 * The export download service (lib/exports/download.ts) called without HTTP, as a CLI would: the same file,
 * manifest and "export" audit event as the API route gives (tests/exports.test.ts checks the route).
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
});
