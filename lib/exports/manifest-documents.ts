import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { transferInPopulation, processorInPopulation, type Population } from "@/db/queries/population";
import { rowsOf } from "@/db/queries/register";
import type { ManifestDocument } from "./manifest";

/*
 * The documents an export's manifest lists (issue 17, point 2): the signed agreements and assessments behind the
 * records the export describes, by hash, so that a regulator holding the file can ask for exactly those files.
 *
 * Which documents: the current version (the highest number uploaded by then) of every document filed with a
 * record of the export's population: an agreement of a vendor in it, a transfer in it, a processing activity in
 * it (approved; with pending=include, any not rejected), a TIA of a transfer in it. The same population for every
 * register report, whatever rows the report itself prints (the DOJ report lists only countries of concern, say):
 * the manifest is the file of evidence behind the register the export was taken from. For a past day (asOf), the
 * register's tables are the point-in-time reader's and a version counts if it was uploaded by the end of that day.
 * The audit trail describes events rather than records: its manifest lists every version uploaded in its period,
 * as its upload events name them.
 */

function activityInPopulation(pending: Population, activityId: SQL): SQL {
  const status = pending === "exclude" ? sql`pop_pa.status = 'approved'` : sql`pop_pa.status <> 'rejected'`;
  return sql`exists (select 1 from processing_activities pop_pa where pop_pa.id = ${activityId} and ${status})`;
}

type Row = {
  id: string;
  kind: ManifestDocument["kind"];
  title: string;
  agreement_id: string | null;
  transfer_id: string | null;
  activity_id: string | null;
  tia_id: string | null;
  version_number: number;
  file_name: string;
  sha256: string;
};

function manifestDocument(row: Row): ManifestDocument {
  const record = row.agreement_id
    ? { type: "agreement" as const, id: row.agreement_id }
    : row.transfer_id
      ? { type: "transfer" as const, id: row.transfer_id }
      : row.activity_id
        ? { type: "activity" as const, id: row.activity_id }
        : { type: "tia" as const, id: row.tia_id! };
  return { id: row.id, kind: row.kind, title: row.title, record, version: Number(row.version_number), fileName: row.file_name, sha256: row.sha256 };
}

/** The current document versions of the records in the population (uploaded before `cutoff`, when given). */
export async function listManifestDocuments({ db, pending, cutoff }: { db: Executor; pending: Population; cutoff: Date | null }): Promise<ManifestDocument[]> {
  const uploadedBy = cutoff ? sql`and v.uploaded_at < ${cutoff.toISOString()}::timestamptz` : sql``;
  const result = await db.execute(sql`
    select d.id, d.kind, d.title, d.agreement_id, d.transfer_id, d.activity_id, d.tia_id, v.version_number, v.file_name, v.sha256
    from documents d
    join lateral (
      select v.version_number, v.file_name, v.sha256 from document_versions v
      where v.document_id = d.id ${uploadedBy}
      order by v.version_number desc limit 1
    ) v on true
    where (d.agreement_id is not null and exists (
             select 1 from safeguard_agreements man_a where man_a.id = d.agreement_id and ${processorInPopulation(pending, sql`man_a.processor_id`)}))
       or (d.transfer_id is not null and ${transferInPopulation(pending, sql`d.transfer_id`)})
       or (d.activity_id is not null and ${activityInPopulation(pending, sql`d.activity_id`)})
       or (d.tia_id is not null and exists (
             select 1 from tia_assessments man_t where man_t.id = d.tia_id and ${transferInPopulation(pending, sql`man_t.transfer_id`)}))
    order by d.created_at, d.id`);
  return rowsOf<Row>(result).map(manifestDocument);
}

/** Every version uploaded in the audit trail's period (UTC days, inclusive), in upload order. */
export async function listManifestDocumentVersionsInPeriod({ db, period }: { db: Executor; period: { from: string; to: string } }): Promise<ManifestDocument[]> {
  const start = new Date(`${period.from}T00:00:00.000Z`);
  const end = new Date(new Date(`${period.to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000);
  const result = await db.execute(sql`
    select d.id, d.kind, d.title, d.agreement_id, d.transfer_id, d.activity_id, d.tia_id, v.version_number, v.file_name, v.sha256
    from document_versions v join documents d on d.id = v.document_id
    where v.uploaded_at >= ${start.toISOString()}::timestamptz and v.uploaded_at < ${end.toISOString()}::timestamptz
    order by v.uploaded_at, d.id, v.version_number`);
  return rowsOf<Row>(result).map(manifestDocument);
}
