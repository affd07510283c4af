import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  auditEvents,
  processingActivities,
  type AgreementType,
  type Art9Condition,
  type EncryptionAtRest,
  type EncryptionInTransit,
  type LegalBasis,
  type ProcessorRole,
  type ProcessorService,
  type RecordStatus,
  type SccModule,
  type SecurityMeasure,
  type TransferMechanism,
  type TransferStatus,
} from "../schema";

/*
 * The GDPR Art. 30(1) record: one row per processing activity (approved ones only, unless pending records are
 * included: an engineer's proposed activity waits for the DPO), with aggregates over the activity's transfers
 * (of record only, unless pending records are included). Three lateral sub-queries per activity each read
 * its transfers once and compute all their aggregates together (string_agg distinct ... filter): the
 * transfers themselves, their data categories, and the agreements covering them. The database, not the
 * process, holds the transfers; keyset paging on the activity id bounds the rows in memory.
 *
 * Lists of names are "; "-separated and sorted; a country list is ","-separated ISO codes; enum values stay
 * codes (arrays, sorted): lib/exports names countries and codes in the export's language.
 */

/** One data category of an activity's transfers. */
export interface RopaCategory {
  key: string;
  name: string;
  /** GDPR Art. 9(1) special category. */
  special: boolean;
}

/** The kind of a recipient (its service and role), for the "categories of recipients". */
export interface RopaRecipientKind {
  service: ProcessorService;
  role: ProcessorRole;
}

/** An agreement covering a third-country transfer: its type and, for SCCs, the module. */
export interface RopaAgreementKind {
  type: AgreementType;
  sccModule: SccModule | null;
}

/** A recipient behind a pending aggregate: its own review status and the transfer's. */
export interface RopaPendingRecipient {
  name: string;
  processorStatus: RecordStatus;
  transferStatus: TransferStatus;
}

export interface RopaRow {
  id: string;
  name: string;
  /** When the activity's record was created and last changed (the CNIL fiche's two dates). */
  createdAt: Date;
  updatedAt: Date;
  controllerName: string;
  controllerLegalName: string | null;
  controllerCountry: string;
  controllerAddress: string | null;
  controllerPhone: string | null;
  dpoContact: string | null;
  /** GDPR Art. 27 representative in the Union. */
  representativeContact: string | null;
  /** UK GDPR Art. 27 representative in the United Kingdom. */
  ukRepresentativeContact: string | null;
  /** The activity's review status: anything but approved is pending (listed only with pending records included). */
  activityStatus: RecordStatus;
  jointController: string | null;
  businessFunction: string | null;
  purpose: string;
  legalBasis: LegalBasis;
  legitimateInterest: string | null;
  art9Condition: Art9Condition | null;
  dataSubjectCategories: string | null;
  retentionPeriod: string | null;
  securityMeasures: string | null;
  /** The CNIL model register's checklist of security measures, in the tuple's order. */
  securityChecklist: SecurityMeasure[];
  /** The software or applications used (CNIL model register). */
  applications: string | null;
  source: string | null;
  automatedDecisionMaking: boolean;
  dpiaRequired: boolean;
  dpiaReference: string | null;
  /** The UK ICO template's further columns (migration 0006). */
  liaReference: string | null;
  consentRecordReference: string | null;
  breachOccurred: boolean;
  breachRecordReference: string | null;
  schedule1Condition: string | null;
  policyDocumentReference: string | null;
  retainedPerPolicy: boolean | null;
  policyDeviationReason: string | null;
  transferCount: number;
  dataCategoryNames: string | null;
  dataCategoryKeys: string | null;
  specialCategoryNames: string | null;
  /** Key, name and Art. 9 status together, for groupings by key (the CNIL register's categories). */
  dataCategoryList: RopaCategory[] | null;
  /** Distinct kinds of recipient (service and role), of all the transfers and of those to third countries. */
  recipientKinds: RopaRecipientKind[];
  thirdCountryRecipientKinds: RopaRecipientKind[];
  recipientNames: string | null;
  /** CNIL splits recipients: internal (group affiliates), external bodies (controllers), processors. */
  internalRecipientNames: string | null;
  externalRecipientNames: string | null;
  processorRecipientNames: string | null;
  thirdCountryCodes: string | null;
  locationCodes: string | null;
  /** Codes, sorted: the exports name them through the label catalogue. */
  thirdCountryMechanisms: TransferMechanism[];
  thirdCountryAgreements: RopaAgreementKind[];
  agreementDocumentRefs: string | null;
  encryptionInTransit: EncryptionInTransit[];
  encryptionAtRest: EncryptionAtRest[];
  /** With pending records included, the record says which of its aggregates rest on unapproved ones. */
  pendingTransferCount: number;
  pendingRecipients: RopaPendingRecipient[];
}

const columns = {
  id: "id",
  name: "name",
  createdAt: "created_at",
  updatedAt: "updated_at",
  controllerName: "controller_name",
  controllerLegalName: "controller_legal_name",
  controllerCountry: "controller_country",
  controllerAddress: "controller_address",
  controllerPhone: "controller_phone",
  dpoContact: "dpo_contact",
  representativeContact: "representative_contact",
  ukRepresentativeContact: "uk_representative_contact",
  activityStatus: "activity_status",
  jointController: "joint_controller",
  businessFunction: "business_function",
  purpose: "purpose",
  legalBasis: "legal_basis",
  legitimateInterest: "legitimate_interest",
  art9Condition: "art9_condition",
  dataSubjectCategories: "data_subject_categories",
  retentionPeriod: "retention_period",
  securityMeasures: "security_measures",
  securityChecklist: "security_checklist",
  applications: "applications",
  source: "source",
  automatedDecisionMaking: "automated_decision_making",
  dpiaRequired: "dpia_required",
  dpiaReference: "dpia_reference",
  liaReference: "lia_reference",
  consentRecordReference: "consent_record_reference",
  breachOccurred: "breach_occurred",
  breachRecordReference: "breach_record_reference",
  schedule1Condition: "schedule1_condition",
  policyDocumentReference: "policy_document_reference",
  retainedPerPolicy: "retained_per_policy",
  policyDeviationReason: "policy_deviation_reason",
  transferCount: "transfer_count",
  dataCategoryNames: "data_category_names",
  dataCategoryKeys: "data_category_keys",
  specialCategoryNames: "special_category_names",
  dataCategoryList: "data_category_list",
  recipientKinds: "recipient_kinds",
  thirdCountryRecipientKinds: "third_country_recipient_kinds",
  recipientNames: "recipient_names",
  internalRecipientNames: "internal_recipient_names",
  externalRecipientNames: "external_recipient_names",
  processorRecipientNames: "processor_recipient_names",
  thirdCountryCodes: "third_country_codes",
  locationCodes: "location_codes",
  thirdCountryMechanisms: "third_country_mechanisms",
  thirdCountryAgreements: "third_country_agreements",
  agreementDocumentRefs: "agreement_document_refs",
  encryptionInTransit: "encryption_in_transit",
  encryptionAtRest: "encryption_at_rest",
  pendingTransferCount: "pending_transfer_count",
  pendingRecipients: "pending_recipients",
} as const satisfies Record<keyof RopaRow, string>;

function selectRopaBatch(db: Executor, includePending: boolean, after: string | null, limit: number) {
  // The activity's transfers in scope, joined to their recipient (t, p); e is the activity's controller.
  const scope = includePending ? sql`` : sql` and t.status = 'approved' and p.status = 'approved'`;
  const ofActivity = sql`from transfers t join processors p on p.id = t.processor_id`;
  const where = sql`where t.activity_id = a.id${scope}`;
  const filtered = (filter?: string) => (filter ? ` filter (where ${filter})` : "");
  const agg = (value: string, filter?: string, separator = "; ") =>
    sql.raw(`string_agg(distinct (${value})::text, '${separator}' order by (${value})::text)${filtered(filter)}`);
  // Codes stay codes here (text[] and jsonb, which both drivers parse): the exports name them per language.
  const codes = (value: string, filter?: string) => sql.raw(`array_agg(distinct (${value})::text order by (${value})::text)${filtered(filter)}`);
  const objects = (fields: string, filter?: string) => sql.raw(`jsonb_agg(distinct jsonb_build_object(${fields}))${filtered(filter)}`);
  const thirdCountry = "t.destination_country <> e.country";
  const pending = "not (t.status = 'approved' and p.status = 'approved')";
  const kind = "'service', p.service, 'role', p.role";
  const cursor = after === null ? sql`true` : sql`a.id > ${after}::uuid`;
  const activityScope = includePending ? sql`` : sql` and a.status = 'approved'`;
  return db.execute(sql`
    select a.id, a.name, a.created_at, a.updated_at, e.name as controller_name, e.legal_name as controller_legal_name, e.country as controller_country,
      e.address as controller_address, e.phone as controller_phone, e.dpo_contact, e.representative_contact, e.uk_representative_contact,
      a.status as activity_status, a.joint_controller, a.business_function,
      a.purpose, a.legal_basis, a.legitimate_interest, a.art9_condition, array_to_string(a.data_subject_categories, '; ') as data_subject_categories,
      a.retention_period, a.security_measures, a.security_checklist::text[] as security_checklist, a.applications,
      a.source, a.automated_decision_making, a.dpia_required, a.dpia_reference,
      a.lia_reference, a.consent_record_reference, a.breach_occurred, a.breach_record_reference,
      a.schedule1_condition, a.policy_document_reference, a.retained_per_policy, a.policy_deviation_reason,
      tr.*, cat.*, ag.*
    from processing_activities a
      join entities e on e.id = a.controller_entity_id
      cross join lateral (
        select count(distinct t.id)::int as transfer_count,
          ${objects(kind)} as recipient_kinds,
          ${objects(kind, thirdCountry)} as third_country_recipient_kinds,
          ${agg("p.name")} as recipient_names,
          ${agg("p.name", "p.role = 'affiliate'")} as internal_recipient_names,
          ${agg("p.name", "p.role in ('controller', 'joint_controller')")} as external_recipient_names,
          ${agg("p.name", "p.role in ('processor', 'sub_processor')")} as processor_recipient_names,
          ${agg("t.destination_country", thirdCountry, ",")} as third_country_codes,
          ${agg("location.code", undefined, ",")} as location_codes,
          ${codes("t.mechanism", thirdCountry)} as third_country_mechanisms,
          ${codes("t.encryption_in_transit")} as encryption_in_transit,
          ${codes("t.encryption_at_rest")} as encryption_at_rest,
          (count(distinct t.id) filter (where ${sql.raw(pending)}))::int as pending_transfer_count,
          ${objects("'name', p.name, 'processorStatus', p.status, 'transferStatus', t.status", pending)} as pending_recipients
        ${ofActivity}
          -- Where the data is: each transfer's origin and destination (hence the distinct counts above).
          cross join lateral unnest(array[t.origin_country, t.destination_country]) as location(code)
        ${where}
      ) tr
      cross join lateral (
        select ${agg("dc.name")} as data_category_names,
          ${agg("dc.key")} as data_category_keys,
          ${agg("dc.name", "dc.gdpr_special")} as special_category_names,
          jsonb_agg(distinct jsonb_build_object('key', dc.key, 'name', dc.name, 'special', dc.gdpr_special)) as data_category_list
        ${ofActivity}
          join transfer_data_categories tdc on tdc.transfer_id = t.id
          join data_categories dc on dc.key = tdc.category_key
        ${where}
      ) cat
      cross join lateral (
        -- The agreements covering each transfer: its processor's, covering all its transfers or listing it.
        select ${objects("'type', sa.type, 'sccModule', sa.scc_module", thirdCountry)} as third_country_agreements,
          ${agg("sa.document_ref", "sa.document_ref is not null")} as agreement_document_refs
        ${ofActivity}
          join safeguard_agreements sa on sa.processor_id = t.processor_id
            and (sa.covers_all_transfers or exists (select 1 from agreement_transfers x where x.agreement_id = sa.id and x.transfer_id = t.id))
        ${where}
      ) ag
    where ${cursor}${activityScope}
    order by a.id
    limit ${limit}`);
}

/** A jsonb or text[] aggregate as the driver returns it (parsed, or a JSON string), none as []. */
function list<T>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value as T[];
  if (typeof value === "string" && value.startsWith("[")) return JSON.parse(value) as T[];
  throw new TypeError(`Unexpected aggregate from the database: ${String(value).slice(0, 40)}`);
}

/** Sorted by a text key, as string_agg's `order by` sorts the other aggregates (the exports' order is stable). */
function sortedBy<T>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function toRow(raw: Record<string, unknown>): RopaRow {
  const row = Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, raw[column] ?? null])) as unknown as RopaRow;
  row.createdAt = new Date(row.createdAt);
  row.updatedAt = new Date(row.updatedAt);
  row.transferCount = Number(row.transferCount ?? 0);
  row.pendingTransferCount = Number(row.pendingTransferCount ?? 0);
  row.automatedDecisionMaking = Boolean(row.automatedDecisionMaking);
  row.dpiaRequired = Boolean(row.dpiaRequired);
  row.breachOccurred = Boolean(row.breachOccurred);
  row.securityChecklist = list<SecurityMeasure>(row.securityChecklist);
  const kindKey = (kind: RopaRecipientKind) => `${kind.service} (${kind.role})`;
  row.recipientKinds = sortedBy(list<RopaRecipientKind>(row.recipientKinds), kindKey);
  row.thirdCountryRecipientKinds = sortedBy(list<RopaRecipientKind>(row.thirdCountryRecipientKinds), kindKey);
  row.thirdCountryMechanisms = list<TransferMechanism>(row.thirdCountryMechanisms);
  row.thirdCountryAgreements = sortedBy(list<RopaAgreementKind>(row.thirdCountryAgreements), (kind) => `${kind.type} ${kind.sccModule ?? ""}`);
  row.encryptionInTransit = list<EncryptionInTransit>(row.encryptionInTransit);
  row.encryptionAtRest = list<EncryptionAtRest>(row.encryptionAtRest);
  row.pendingRecipients = sortedBy(list<RopaPendingRecipient>(row.pendingRecipients), (recipient) => `${recipient.name} ${recipient.processorStatus} ${recipient.transferStatus}`);
  if (row.dataCategoryList !== null) row.dataCategoryList = list<RopaCategory>(row.dataCategoryList);
  return row;
}

export interface IterateRopaInput {
  db: Executor;
  /** Rows per statement; the register is never read whole. */
  batchSize?: number;
  /**
   * false: approved activities only, their aggregates over approved transfers to approved processors. true:
   * every activity and every transfer. An approved activity is listed even with no transfer in scope: Art.
   * 30(1) is a record of the processing, not of the transfers.
   */
  includePending: boolean;
}

/**
 * The Art. 30(1) record (DOMAIN.md §5), one row per processing activity, in id order, in keyset batches
 * (`id > last id ... limit n`): one statement per batch and one batch in memory.
 */
export async function* iterateRopa({ db, batchSize = 500, includePending }: IterateRopaInput): AsyncGenerator<RopaRow, void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  let lastId: string | null = null;
  for (;;) {
    const result = await selectRopaBatch(db, includePending, lastId, batchSize);
    const batch = (result as unknown as { rows: Record<string, unknown>[] }).rows.map(toRow);
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    lastId = batch[batch.length - 1]!.id;
  }
}

/** The activities' ids and names in the record's order and scope: the PDF's table of contents, read before the record. */
export async function listRopaSections({ db, includePending }: { db: Executor; includePending: boolean }): Promise<{ key: string; title: string }[]> {
  return db
    .select({ key: processingActivities.id, title: processingActivities.name })
    .from(processingActivities)
    .where(includePending ? undefined : eq(processingActivities.status, "approved"))
    .orderBy(asc(processingActivities.id));
}

/**
 * The hash of the latest audit event: a manifest that names it pins the export to a point of the chain,
 * which `npm run audit:verify` checks. Null when the trail is empty.
 */
export async function getAuditChainHead({ db }: { db: Executor }): Promise<string | null> {
  const rows = await db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return rows[0]?.hash ?? null;
}

