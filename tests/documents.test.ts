import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, documentVersions, processors } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { addDocumentVersion } from "@/lib/documents/service";
import { sampleDocx, sampleExe, samplePdf, samplePlainZip, samplePng } from "@/lib/documents/sample-files";
import { downloadExport } from "@/lib/exports/download";
import { parseExportQuery } from "@/lib/exports/request";
import { createApiToken, createUser } from "@/lib/users/service";
import * as documentContent from "../app/api/v1/documents/[id]/versions/[n]/content/route";
import * as documentVersionsRoute from "../app/api/v1/documents/[id]/versions/route";
import * as documentItem from "../app/api/v1/documents/[id]/route";
import * as documentCollection from "../app/api/v1/documents/route";
import { describeOnDatabases } from "./databases";
import { makeActivity, makeAgreement, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * Documents through the REST API, called as Next.js calls the route handlers (a Request with a bearer token):
 * upload, versions, the type read from the bytes, the size limit, the audited download, who may upload where,
 * and the export manifest listing each document's hash.
 */

const BASE = "http://localhost:3000";
const TODAY = "2026-03-01";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function form(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type?: string }): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  if (file) body.set("file", new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type ?? "application/octet-stream" }), file.name);
  return body;
}

function call(handler: unknown, { method = "GET", url, token, body, params = {}, headers = {} }: { method?: string; url: string; token: string; body?: BodyInit; params?: Record<string, string>; headers?: Record<string, string> }) {
  const request = new Request(`${BASE}${url}`, { method, headers: { authorization: `Bearer ${token}`, ...headers }, body });
  return (handler as Handler)(request, { params: Promise.resolve(params) });
}

describeOnDatabases("documents", (use) => {
  const tokens = { dpo: "", engineer: "", auditor: "" };
  const userIds = { dpo: "", engineer: "", auditor: "" };

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const { db } = use();
    for (const role of ["dpo", "engineer", "auditor"] as const) {
      const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: TODAY }, input: { email: `${role}@documents.test`, name: `Documents ${role}`, role } });
      userIds[role] = user.id;
      tokens[role] = (await createApiToken({ ctx: { db, actor: SYSTEM_ACTOR, today: TODAY }, input: { userId: user.id, name: "tests" } })).token;
    }
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  afterEach(() => {
    delete process.env.DOCUMENT_MAX_BYTES;
  });

  const upload = (token: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type?: string }) =>
    call(documentCollection.POST, { method: "POST", url: "/api/v1/documents", token, body: form(fields, file) });

  it("uploads a signed SCC to an agreement: version 1, SHA-256 computed by the server, listed and read back", async () => {
    const { db } = use();
    const agreement = await makeAgreement(db, (await makeProcessor(db)).id, { type: "scc" });
    const pdf = samplePdf("SCC module 2");
    // The browser's claimed type is ignored: the bytes say PDF.
    const created = await upload(tokens.dpo, { kind: "scc", title: "SCCs module 2, signed", agreementId: agreement.id }, { bytes: pdf, name: "../SCC signed.pdf", type: "text/html" });
    expect(created.status).toBe(201);
    const { data } = await created.json();
    expect(created.headers.get("location")).toBe(`/api/v1/documents/${data.id}`);
    expect(data).toMatchObject({ kind: "scc", title: "SCCs module 2, signed", agreementId: agreement.id, transferId: null, version: 1 });
    expect(data.current).toMatchObject({ versionNumber: 1, fileName: "SCC signed.pdf", mediaType: "application/pdf", sizeBytes: pdf.byteLength, sha256: sha256(pdf), uploadedByUserId: userIds.dpo, uploadedByName: "Documents dpo" });
    expect(data.versions).toHaveLength(1);

    const listed = await call(documentCollection.GET, { url: `/api/v1/documents?agreementId=${agreement.id}`, token: tokens.auditor });
    expect(listed.status).toBe(200);
    const page = await listed.json();
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(page.data[0]).toMatchObject({ id: data.id, current: { sha256: sha256(pdf) } });

    const read = await call(documentItem.GET, { url: `/api/v1/documents/${data.id}`, token: tokens.engineer, params: { id: data.id } });
    expect((await read.json()).data.current.sha256).toBe(sha256(pdf));

    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.recordType, "document"), eq(auditEvents.recordId, data.id), eq(auditEvents.action, "create")));
    expect(event).toMatchObject({ actorUserId: userIds.dpo, after: expect.objectContaining({ versionNumber: 1, sha256: sha256(pdf), agreementId: agreement.id }) });
  });

  it("adds versions that increment, never colliding when two uploads race, and refuses a stale version with 409", async () => {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY });
    const created = await (await upload(tokens.dpo, { kind: "tia", title: "TIA", transferId: transfer.id }, { bytes: samplePdf("v1"), name: "tia.pdf" })).json();
    const id = created.data.id as string;

    const second = await call(documentVersionsRoute.POST, { method: "POST", url: `/api/v1/documents/${id}/versions`, token: tokens.dpo, params: { id }, body: form({ version: "1" }, { bytes: sampleDocx(), name: "tia v2.docx" }) });
    expect(second.status).toBe(201);
    const afterSecond = (await second.json()).data;
    expect(afterSecond).toMatchObject({ version: 2, current: { versionNumber: 2, fileName: "tia v2.docx", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } });
    expect(afterSecond.versions.map((version: { versionNumber: number }) => version.versionNumber)).toEqual([2, 1]);

    const stale = await call(documentVersionsRoute.POST, { method: "POST", url: `/api/v1/documents/${id}/versions`, token: tokens.dpo, params: { id }, body: form({ version: "1" }, { bytes: samplePng(), name: "scan.png" }) });
    expect(stale.status).toBe(409);
    expect((await stale.json()).currentVersion).toBe(2);

    // Two uploads at once, neither naming a version: the document row's lock orders them, 3 then 4.
    const ctx = { db, actor: { kind: "user" as const, userId: userIds.dpo, tokenId: null, label: "Documents dpo", role: "dpo" as const }, today: TODAY };
    const raced = await Promise.all([
      addDocumentVersion({ ctx, input: { id, fields: {}, file: { name: "a.pdf", bytes: samplePdf("a") } } }),
      addDocumentVersion({ ctx, input: { id, fields: {}, file: { name: "b.pdf", bytes: samplePdf("b") } } }),
    ]);
    expect(raced.map((record) => record.current.versionNumber).sort()).toEqual([3, 4]);
    const numbers = (await db.select({ n: documentVersions.versionNumber }).from(documentVersions).where(eq(documentVersions.documentId, id))).map((row) => row.n).sort();
    expect(numbers).toEqual([1, 2, 3, 4]);
  });

  it("refuses an executable, a plain zip and a missing file, naming the field `file`", async () => {
    const { db } = use();
    const agreement = await makeAgreement(db, (await makeProcessor(db)).id);
    for (const [bytes, name] of [[sampleExe(), "dpa.pdf"], [samplePlainZip(), "dpa.docx"]] as const) {
      const refused = await upload(tokens.dpo, { kind: "dpa", title: "DPA", agreementId: agreement.id }, { bytes, name });
      expect(refused.status).toBe(415);
      const problem = await refused.json();
      expect(problem.errors[0]).toMatchObject({ path: "file", allowed: expect.arrayContaining(["application/pdf"]) });
      expect(problem.detail).toMatch(/PDF, DOCX, ODT, PNG or JPEG/);
    }
    const missing = await upload(tokens.dpo, { kind: "dpa", title: "DPA", agreementId: agreement.id });
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors[0].path).toBe("file");
    const noOwner = await upload(tokens.dpo, { kind: "dpa", title: "DPA" }, { bytes: samplePdf(), name: "dpa.pdf" });
    expect(noOwner.status).toBe(422);
    const unknownOwner = await upload(tokens.dpo, { kind: "dpa", title: "DPA", transferId: crypto.randomUUID() }, { bytes: samplePdf(), name: "dpa.pdf" });
    expect(unknownOwner.status).toBe(422);
    expect((await unknownOwner.json()).errors[0].path).toBe("transferId");
  });

  it("refuses a file over DOCUMENT_MAX_BYTES with 413 naming the limit, before reading a body that declares more", async () => {
    const { db } = use();
    const agreement = await makeAgreement(db, (await makeProcessor(db)).id);
    process.env.DOCUMENT_MAX_BYTES = "1000";
    const big = samplePdf("x".repeat(2000));
    const refused = await upload(tokens.dpo, { kind: "dpa", title: "DPA", agreementId: agreement.id }, { bytes: big, name: "big.pdf" });
    expect(refused.status).toBe(413);
    const problem = await refused.json();
    expect(problem).toMatchObject({ limit: { name: "DOCUMENT_MAX_BYTES", value: 1000 } });
    expect(problem.detail).toMatch(/DOCUMENT_MAX_BYTES/);
    expect(problem.errors[0].path).toBe("file");

    // A declared length past the limit is refused without reading: the body here would never end.
    const endless = new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(1024)) });
    const declared = await (documentCollection.POST as unknown as Handler)(
      new Request(`${BASE}/api/v1/documents`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.dpo}`, "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024) },
        body: endless,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(declared.status).toBe(413);
  });

  it("downloads a version as an attachment with nosniff, and audits who downloaded which version and its hash", async () => {
    const { db } = use();
    const agreement = await makeAgreement(db, (await makeProcessor(db)).id);
    const pdf = samplePdf("Contrat");
    const { data } = await (await upload(tokens.dpo, { kind: "dpa", title: "Contrat", agreementId: agreement.id }, { bytes: pdf, name: "Contrat signé.pdf" })).json();
    const response = await call(documentContent.GET, { url: `/api/v1/documents/${data.id}/versions/1/content`, token: tokens.auditor, params: { id: data.id, n: "1" } });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Contrat sign_.pdf"; filename*=UTF-8''Contrat%20sign%C3%A9.pdf`);

    const downloads = await db.select().from(auditEvents).where(and(eq(auditEvents.recordId, data.id), eq(auditEvents.action, "download")));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatchObject({ actorUserId: userIds.auditor, recordType: "document", after: expect.objectContaining({ versionNumber: 1, sha256: sha256(pdf) }) });

    const missing = await call(documentContent.GET, { url: `/api/v1/documents/${data.id}/versions/2/content`, token: tokens.auditor, params: { id: data.id, n: "2" } });
    expect(missing.status).toBe(404);
  });

  it("lets an engineer upload only under records they may edit, and never an auditor", async () => {
    const { db } = use();
    const theirs = await makeAgreement(db, (await makeProcessor(db)).id);
    const refused = await upload(tokens.engineer, { kind: "dpa", title: "DPA", agreementId: theirs.id }, { bytes: samplePdf(), name: "dpa.pdf" });
    expect(refused.status).toBe(403);
    const entity = await makeEntity(db);
    const activity = await makeActivity(db, entity.id);
    expect((await upload(tokens.engineer, { kind: "dpia", title: "DPIA", activityId: activity.id }, { bytes: samplePdf(), name: "dpia.pdf" })).status).toBe(403);
    expect((await upload(tokens.auditor, { kind: "dpa", title: "DPA", agreementId: theirs.id }, { bytes: samplePdf(), name: "dpa.pdf" })).status).toBe(403);

    const own = await makeProcessor(db, { status: "draft", createdByUserId: userIds.engineer });
    const ownAgreement = await makeAgreement(db, own.id);
    expect((await upload(tokens.engineer, { kind: "dpa", title: "DPA", agreementId: ownAgreement.id }, { bytes: samplePdf(), name: "dpa.pdf" })).status).toBe(201);
    // Once the DPO has approved the vendor, its record is the DPO's: no new version from the engineer.
    const { data } = await (await call(documentCollection.GET, { url: `/api/v1/documents?agreementId=${ownAgreement.id}`, token: tokens.engineer })).json();
    await db.update(processors).set({ status: "approved" }).where(eq(processors.id, own.id));
    const later = await call(documentVersionsRoute.POST, { method: "POST", url: `/api/v1/documents/${data[0].id}/versions`, token: tokens.engineer, params: { id: data[0].id }, body: form({}, { bytes: samplePdf("v2"), name: "dpa.pdf" }) });
    expect(later.status).toBe(403);
  });

  it("lists each document of the exported register in the export's manifest, by its current version's SHA-256", async () => {
    const { db } = use();
    const processor = await makeProcessor(db);
    const agreement = await makeAgreement(db, processor.id, { type: "scc" });
    const { transfer } = await makeTransfer(db, { today: TODAY, processorId: processor.id });
    const agreementDoc = (await (await upload(tokens.dpo, { kind: "scc", title: "SCCs", agreementId: agreement.id }, { bytes: samplePdf("scc v1"), name: "scc.pdf" })).json()).data;
    const v2 = samplePdf("scc v2");
    await call(documentVersionsRoute.POST, { method: "POST", url: `/api/v1/documents/${agreementDoc.id}/versions`, token: tokens.dpo, params: { id: agreementDoc.id }, body: form({}, { bytes: v2, name: "scc.pdf" }) });
    const transferDoc = (await (await upload(tokens.dpo, { kind: "tia", title: "TIA", transferId: transfer.id }, { bytes: samplePng(), name: "tia.png" })).json()).data;
    // A draft vendor's contract is outside the register of record.
    const draftAgreement = await makeAgreement(db, (await makeProcessor(db, { status: "draft" })).id);
    const draftDoc = (await (await upload(tokens.dpo, { kind: "dpa", title: "Draft DPA", agreementId: draftAgreement.id }, { bytes: samplePdf("draft"), name: "draft.pdf" })).json()).data;

    const exported = await downloadExport({
      ctx: { db, actor: { userId: null, tokenId: null, label: "test" } },
      input: { report: "transfers", query: parseExportQuery(new URLSearchParams("manifest=1")), generatedBy: "test" },
    });
    if (exported.kind !== "manifest") throw new Error("expected a manifest");
    const listed = exported.manifest.documents ?? [];
    expect(listed).toContainEqual({ id: agreementDoc.id, kind: "scc", title: "SCCs", record: { type: "agreement", id: agreement.id }, version: 2, fileName: "scc.pdf", sha256: sha256(v2) });
    expect(listed).toContainEqual({ id: transferDoc.id, kind: "tia", title: "TIA", record: { type: "transfer", id: transfer.id }, version: 1, fileName: "tia.png", sha256: sha256(samplePng()) });
    expect(listed.map((document) => document.id)).not.toContain(draftDoc.id);

    const withPending = await downloadExport({
      ctx: { db, actor: { userId: null, tokenId: null, label: "test" } },
      input: { report: "transfers", query: parseExportQuery(new URLSearchParams("manifest=1&pending=include")), generatedBy: "test" },
    });
    if (withPending.kind !== "manifest") throw new Error("expected a manifest");
    expect((withPending.manifest.documents ?? []).map((document) => document.id)).toContain(draftDoc.id);
  });
});
