import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documents, documentVersions, users, type Document, type DocumentVersion } from "@/db/schema";
import { documentContentUrl, type DocumentListRow, type DocumentOwner, type DocumentRecord, type DocumentVersionRecord } from "@/lib/api/contracts/documents";

/*
 * The documents' reads. A document's current file is its highest version number; the content (bytea) is read
 * only by the download, never by a list.
 */

const versionColumns = {
  documentId: documentVersions.documentId,
  versionNumber: documentVersions.versionNumber,
  fileName: documentVersions.fileName,
  mediaType: documentVersions.mediaType,
  sizeBytes: documentVersions.sizeBytes,
  sha256: documentVersions.sha256,
  uploadedByUserId: documentVersions.uploadedByUserId,
  uploadedByName: users.name,
  uploadedAt: documentVersions.uploadedAt,
};

type VersionRow = { [K in keyof typeof versionColumns]: K extends "uploadedByName" ? string | null : K extends keyof DocumentVersion ? DocumentVersion[K] : never };

function versionRecord(row: VersionRow): DocumentVersionRecord {
  return {
    versionNumber: row.versionNumber,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedByUserId: row.uploadedByUserId,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    contentUrl: documentContentUrl(row.documentId, row.versionNumber),
  };
}

function listRow(document: Document, current: VersionRow): DocumentListRow {
  return {
    id: document.id,
    kind: document.kind,
    title: document.title,
    agreementId: document.agreementId,
    transferId: document.transferId,
    activityId: document.activityId,
    tiaId: document.tiaId,
    version: document.version,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    current: versionRecord(current),
  };
}

const ownerColumn = {
  agreementId: documents.agreementId,
  transferId: documents.transferId,
  activityId: documents.activityId,
  tiaId: documents.tiaId,
} as const;

const isCurrentVersion = sql`${documentVersions.versionNumber} = (select max(v.version_number) from document_versions v where v.document_id = ${documents.id})`;

/** One page of the documents filed with a record, most recently changed first, each with its current version. */
export async function listDocumentsOfOwner({
  db,
  owner,
  page,
  pageSize,
}: {
  db: Executor;
  owner: DocumentOwner;
  page: number;
  pageSize: number;
}): Promise<{ rows: DocumentListRow[]; total: number }> {
  const where = eq(ownerColumn[owner.field], owner.id);
  const [rows, [totals]] = await Promise.all([
    db
      .select({ document: documents, version: versionColumns })
      .from(documents)
      .innerJoin(documentVersions, and(eq(documentVersions.documentId, documents.id), isCurrentVersion))
      .leftJoin(users, eq(users.id, documentVersions.uploadedByUserId))
      .where(where)
      .orderBy(desc(documents.updatedAt), desc(documents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(documents).where(where),
  ]);
  return { rows: rows.map((row) => listRow(row.document, row.version as VersionRow)), total: totals?.total ?? 0 };
}

/** Every document of a record with all its versions, for the record's page (a record has a handful). */
export async function listDocumentsWithVersions({ db, owner, limit = 100 }: { db: Executor; owner: DocumentOwner; limit?: number }): Promise<DocumentRecord[]> {
  const found = await db
    .select()
    .from(documents)
    .where(eq(ownerColumn[owner.field], owner.id))
    .orderBy(desc(documents.updatedAt), desc(documents.id))
    .limit(limit);
  return Promise.all(found.map((document) => withVersions(db, document)));
}

async function withVersions(db: Executor, document: Document): Promise<DocumentRecord> {
  const versions = await db
    .select(versionColumns)
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.uploadedByUserId))
    .where(eq(documentVersions.documentId, document.id))
    .orderBy(desc(documentVersions.versionNumber));
  const records = (versions as VersionRow[]).map(versionRecord);
  return { ...listRow(document, versions[0] as VersionRow), versions: records };
}

/** One document with every version, newest first. */
export async function getDocumentWithVersions({ db, id }: { db: Executor; id: string }): Promise<DocumentRecord | undefined> {
  const [document] = await db.select().from(documents).where(eq(documents.id, id)).limit(1);
  return document ? withVersions(db, document) : undefined;
}

/** One version with its content: what a download sends. */
export async function getDocumentVersionContent({ db, documentId, versionNumber }: { db: Executor; documentId: string; versionNumber: number }) {
  const [row] = await db
    .select({ version: documentVersions, kind: documents.kind, title: documents.title })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.versionNumber, versionNumber)))
    .limit(1);
  return row;
}
