import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documents, documentVersions, processingActivities, safeguardAgreements, tiaAssessments, transfers } from "@/db/schema";
import { addVersionFields, createDocumentFields, ownerOf, type DocumentOwner, type DocumentRecord } from "@/lib/api/contracts/documents";
import type { ServiceActor } from "@/lib/auth/actor";
import { appendAuditEvent } from "@/lib/audit/record";
import { AppError, fieldsError, notFound } from "@/lib/errors";
import { assertMayEdit } from "@/lib/records/ownership";
import { assertMayWriteUnderProcessors } from "@/lib/records/processor-access";
import type { ServiceCall } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { ACCEPTED_DOCUMENT_NAMES, ACCEPTED_DOCUMENT_TYPES, detectDocumentType } from "./content-type";
import { sanitizeFileName } from "./file-name";
import { documentMaxBytes, documentTooLarge } from "./limits";
import { getDocumentVersionContent, getDocumentWithVersions } from "./queries";

/*
 * Documents filed with a record (issue 17, point 2). A document belongs to exactly one agreement, transfer,
 * processing activity or TIA; its files are versions, numbered 1, 2, 3… and never replaced. The server reads
 * each file's type from its bytes, computes its SHA-256 and cleans its name. Who may file a document is who may
 * edit the record it belongs to (an engineer: under their own draft vendor or transfer; a processing activity
 * and its TIA are the DPO's). Every upload and every download is an audit event naming the version and its hash.
 */

export interface UploadedFile {
  /** The name the client gave, as sent. */
  name: string;
  bytes: Uint8Array;
}

/** What is stored of a file once checked: its type from the bytes, its hash, its cleaned name. */
export interface CheckedFile {
  bytes: Uint8Array;
  mediaType: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/** Checks a file before anything is written: present, within the limit, of an accepted type (by content). */
export async function checkDocumentFile(file: UploadedFile | null | undefined, maxBytes = documentMaxBytes()): Promise<CheckedFile> {
  if (!file || file.bytes.byteLength === 0) throw fieldsError("validation_failed", [{ path: "file", message: "is required: choose a file that is not empty" }]);
  if (file.bytes.byteLength > maxBytes) throw documentTooLarge(maxBytes);
  const detected = await detectDocumentType(file.bytes);
  if (!detected.ok) {
    const found = detected.detected ? ` (its content is ${detected.detected})` : "";
    const message = `must be a ${ACCEPTED_DOCUMENT_NAMES} file${found}: the type is read from the content, not the name`;
    throw new AppError("unsupported_media_type", `file: ${message}`, {
      fields: [{ path: "file", message, allowed: ACCEPTED_DOCUMENT_TYPES.map((type) => type.mediaType) }],
    });
  }
  return {
    bytes: file.bytes,
    mediaType: detected.type.mediaType,
    fileName: sanitizeFileName(file.name, detected.type.extension),
    sizeBytes: file.bytes.byteLength,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
  };
}

/** Whether the actor may file documents with this record (throws forbidden, or a 422 naming an unknown owner). */
async function authorizeOwner(tx: Executor, actor: ServiceActor, owner: DocumentOwner): Promise<void> {
  const unknown = () => fieldsError("validation_failed", [{ path: owner.field, message: "no record has this id" }]);
  switch (owner.field) {
    case "agreementId": {
      const [row] = await tx.select({ processorId: safeguardAgreements.processorId }).from(safeguardAgreements).where(eq(safeguardAgreements.id, owner.id));
      if (!row) throw unknown();
      // An agreement belongs to its processor: who may not edit the processor may not file its contracts.
      return assertMayWriteUnderProcessors(tx, actor, [row.processorId]);
    }
    case "transferId":
    case "tiaId": {
      const transferId =
        owner.field === "transferId"
          ? owner.id
          : (await tx.select({ transferId: tiaAssessments.transferId }).from(tiaAssessments).where(eq(tiaAssessments.id, owner.id)))[0]?.transferId;
      if (!transferId) throw unknown();
      const [row] = await tx.select({ createdByUserId: transfers.createdByUserId, status: transfers.status }).from(transfers).where(eq(transfers.id, transferId));
      if (!row) throw unknown();
      // A TIA is about its transfer: whoever may edit the transfer may file its assessment.
      return assertMayEdit(actor, row, "transfer");
    }
    case "activityId": {
      const [row] = await tx.select({ id: processingActivities.id }).from(processingActivities).where(eq(processingActivities.id, owner.id));
      if (!row) throw unknown();
      // lib/activities/service.ts: an existing processing activity is the DPO's to change.
      if (actor.kind === "system" || actor.role === "dpo") return;
      throw new AppError("forbidden", actor.role === "auditor" ? "Auditors have read-only access." : "Only the DPO can file documents with a processing activity.");
    }
  }
}

/** What the audit event of an upload or a download says of a version: which one, its name, type, size and hash. */
function versionFacts(file: Pick<CheckedFile, "fileName" | "mediaType" | "sizeBytes" | "sha256">, versionNumber: number) {
  return { versionNumber, fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 };
}

async function insertVersion(tx: Executor, ctx: ServiceCall["ctx"], documentId: string, versionNumber: number, file: CheckedFile) {
  await tx.insert(documentVersions).values({
    documentId,
    versionNumber,
    fileName: file.fileName,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    content: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
    uploadedByUserId: ctx.actor.userId,
  });
}

/** Files a new document with its first version. `input.fields`: kind, title and one owner id. */
export async function uploadDocument({ ctx, input }: ServiceCall<{ fields: unknown; file: UploadedFile | null }>): Promise<DocumentRecord> {
  const fields = parseInput(createDocumentFields, input.fields);
  const owner = ownerOf(fields);
  const file = await checkDocumentFile(input.file);
  return ctx.db.transaction(async (tx) => {
    await authorizeOwner(tx, ctx.actor, owner);
    const [document] = await tx
      .insert(documents)
      .values({ kind: fields.kind, title: fields.title, [owner.field]: owner.id, createdByUserId: ctx.actor.userId })
      .returning();
    await insertVersion(tx, ctx, document!.id, 1, file);
    await appendAuditEvent({
      db: tx,
      actor: ctx.actor,
      action: "create",
      recordType: "document",
      recordId: document!.id,
      after: { kind: fields.kind, title: fields.title, [owner.field]: owner.id, ...versionFacts(file, 1) },
    });
    return (await getDocumentWithVersions({ db: tx, id: document!.id }))!;
  });
}

/**
 * Adds the next version of a document. The document's row is locked first, so that two uploads at the same
 * moment take 2 and 3 one after the other rather than both reading 1 as the highest. A `version` sent is the
 * document's version the client saw: a stale one is a 409 (the client would otherwise replace a file it has
 * not seen as the current one).
 */
export async function addDocumentVersion({ ctx, input }: ServiceCall<{ id: string; fields: unknown; file: UploadedFile | null }>): Promise<DocumentRecord> {
  const { version } = parseInput(addVersionFields, input.fields);
  const file = await checkDocumentFile(input.file);
  return ctx.db.transaction(async (tx) => {
    const [document] = await tx.select().from(documents).where(eq(documents.id, input.id)).for("update").limit(1);
    if (!document) throw notFound("document", input.id);
    if (version !== undefined && version !== document.version) {
      throw new AppError(
        "version_conflict",
        `This document is at version ${document.version} (a file was added since); you sent version ${version}. Reload it and upload again.`,
        { currentVersion: document.version, updatedAt: document.updatedAt.toISOString() },
      );
    }
    await authorizeOwner(tx, ctx.actor, ownerOf({ agreementId: document.agreementId ?? undefined, transferId: document.transferId ?? undefined, activityId: document.activityId ?? undefined, tiaId: document.tiaId ?? undefined }));
    const [{ highest }] = (await tx
      .select({ highest: sql<number>`coalesce(max(${documentVersions.versionNumber}), 0)::int` })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, document.id))) as [{ highest: number }];
    const versionNumber = Number(highest) + 1;
    await insertVersion(tx, ctx, document.id, versionNumber, file);
    await tx.update(documents).set({ version: sql`${documents.version} + 1`, updatedAt: new Date() }).where(eq(documents.id, document.id));
    await appendAuditEvent({
      db: tx,
      actor: ctx.actor,
      action: "add_version",
      recordType: "document",
      recordId: document.id,
      before: { version: document.version },
      after: { kind: document.kind, title: document.title, version: document.version + 1, ...versionFacts(file, versionNumber) },
    });
    return (await getDocumentWithVersions({ db: tx, id: document.id }))!;
  });
}

/**
 * One version's file for a download, audited: the event (who, which version, its hash) is committed before the
 * first byte leaves, so that no download goes unrecorded.
 */
export async function downloadDocumentVersion({ ctx, input }: ServiceCall<{ id: string; versionNumber: number }>) {
  return ctx.db.transaction(async (tx) => {
    const found = await getDocumentVersionContent({ db: tx, documentId: input.id, versionNumber: input.versionNumber });
    if (!found) throw new AppError("not_found", `No version ${input.versionNumber} of a document with id ${input.id}.`);
    const { version } = found;
    await appendAuditEvent({
      db: tx,
      actor: ctx.actor,
      action: "download",
      recordType: "document",
      recordId: input.id,
      after: { kind: found.kind, title: found.title, ...versionFacts(version, version.versionNumber) },
    });
    return version;
  });
}

/** Whether the actor may file documents with this record: the same rule as the upload's, for a page to offer the form. */
export async function mayFileDocuments({ db, actor, owner }: { db: Executor; actor: ServiceActor; owner: DocumentOwner }): Promise<boolean> {
  if (actor.kind === "user" && actor.role === "auditor") return false;
  try {
    await authorizeOwner(db, actor, owner);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}
