import "server-only";
import { and, asc, count, desc, eq, like, lte, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { loadAgreementFacts, rowsOf } from "./register";
import { dataCategories, flags, noticeStatements, notices, type FlagStatus, type FlagSubjectType, type Notice, type NoticeStatement, type Severity } from "../schema";
import type { AgreementFacts, NoticeActivityFacts, NoticeTransferFacts } from "@/lib/rules/types";

/*
 * The privacy notice's versions and statements (DOMAIN.md §7), and the register's side of the notice rules as
 * a few aggregate reads: the active transfers with their recipient and categories, the activities that sell or
 * share, and (only when the notice promises agreements) the recipients' agreements.
 */

export async function listNotices({ db, page, pageSize }: { db: Executor; page: number; pageSize: number }) {
  const rows = await db
    .select()
    .from(notices)
    .orderBy(desc(notices.effectiveDate), desc(notices.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(notices);
  return { rows, total: total?.n ?? 0 };
}

export async function getNotice({ db, id }: { db: Executor; id: string }): Promise<Notice | undefined> {
  return (await db.select().from(notices).where(eq(notices.id, id)).limit(1))[0];
}

/** The version in force: the latest whose effective date has come (the latest created, on the same date). */
export async function getNoticeInForce({ db, today }: { db: Executor; today: string }): Promise<Notice | undefined> {
  return (
    await db
      .select()
      .from(notices)
      .where(lte(notices.effectiveDate, today))
      .orderBy(desc(notices.effectiveDate), desc(notices.createdAt))
      .limit(1)
  )[0];
}

/** A notice's statements, by kind then as entered. */
export async function listNoticeStatements({ db, noticeId }: { db: Executor; noticeId: string }): Promise<NoticeStatement[]> {
  return db.select().from(noticeStatements).where(eq(noticeStatements.noticeId, noticeId)).orderBy(asc(noticeStatements.kind), asc(noticeStatements.createdAt), asc(noticeStatements.id));
}

export async function getNoticeStatement({ db, id }: { db: Executor; id: string }): Promise<NoticeStatement | undefined> {
  return (await db.select().from(noticeStatements).where(eq(noticeStatements.id, id)).limit(1))[0];
}

export async function dataCategoryExists({ db, key }: { db: Executor; key: string }): Promise<boolean> {
  return (await db.select({ key: dataCategories.key }).from(dataCategories).where(eq(dataCategories.key, key)).limit(1)).length > 0;
}

interface RawNoticeTransfer {
  id: string;
  processor_id: string;
  processor_name: string;
  processor_legal_name: string | null;
  processor_service: NoticeTransferFacts["processorService"];
  exporter_name: string;
  exporter_country: string;
  origin_country: string;
  destination_country: string;
  access_type: NoticeTransferFacts["accessType"];
  encryption_in_transit: NoticeTransferFacts["encryptionInTransit"];
  encryption_at_rest: NoticeTransferFacts["encryptionAtRest"];
  category_keys: string | null;
}

/**
 * Active transfers (lib/rules/predicates.ts isTransferActive: not rejected or ended, end date not passed) to
 * recipients still in the register (not rejected or offboarded), with what the notice rules compare.
 */
export async function listNoticeTransfers({ db, today }: { db: Executor; today: string }): Promise<NoticeTransferFacts[]> {
  const rows = rowsOf<RawNoticeTransfer>(
    await db.execute(sql`
      select t.id, t.processor_id, p.name as processor_name, p.legal_name as processor_legal_name, p.service as processor_service,
        e.name as exporter_name, e.country as exporter_country, t.origin_country, t.destination_country, t.access_type,
        t.encryption_in_transit, t.encryption_at_rest,
        (select string_agg(c.category_key, ',' order by c.category_key) from transfer_data_categories c where c.transfer_id = t.id) as category_keys
      from transfers t
        join processors p on p.id = t.processor_id
        join entities e on e.id = t.exporter_entity_id
      where t.status not in ('rejected', 'ended') and (t.end_date is null or t.end_date >= ${today}::date)
        and p.status not in ('rejected', 'offboarded')
      order by p.name, t.id`),
  );
  return rows.map((row) => ({
    id: row.id,
    processorId: row.processor_id,
    processorName: row.processor_name,
    processorLegalName: row.processor_legal_name,
    processorService: row.processor_service,
    exporterName: row.exporter_name,
    exporterCountry: row.exporter_country,
    originCountry: row.origin_country,
    destinationCountry: row.destination_country,
    accessType: row.access_type,
    encryptionInTransit: row.encryption_in_transit,
    encryptionAtRest: row.encryption_at_rest,
    categoryKeys: row.category_keys ? row.category_keys.split(",") : [],
  }));
}

/** The activities that sell or share (CCPA 1798.140(ad), (ah); data brokerage): few rows. */
export async function listDisclosingActivities({ db }: { db: Executor }): Promise<NoticeActivityFacts[]> {
  const rows = rowsOf<{ id: string; name: string; disclosure_type: NoticeActivityFacts["disclosureType"]; status: NoticeActivityFacts["status"] }>(
    await db.execute(sql`
      select id, name, disclosure_type, status from processing_activities
      where disclosure_type in ('sale', 'sharing', 'data_brokerage') order by name, id`),
  );
  return rows.map((row) => ({ id: row.id, name: row.name, disclosureType: row.disclosure_type, status: row.status }));
}

/** Every agreement with the transfers it lists, and every processor's parent: for the overseas-agreements promise. */
export async function listAgreementCoverage({ db }: { db: Executor }): Promise<{ agreements: AgreementFacts[]; parents: Map<string, string | null> }> {
  const agreements = await loadAgreementFacts({ db, processorIds: null });
  const parents = rowsOf<{ id: string; parent_processor_id: string | null }>(await db.execute(sql`select id, parent_processor_id from processors`));
  return {
    agreements,
    parents: new Map(parents.map((row) => [row.id, row.parent_processor_id])),
  };
}

/** The columns the flag lifecycle compares, of every notice finding (the register's evaluation leaves them alone). */
export async function listStoredNoticeFlagRows({ db }: { db: Executor }) {
  return db
    .select({
      id: flags.id,
      ruleId: flags.ruleId,
      subjectType: flags.subjectType,
      subjectId: flags.subjectId,
      fingerprint: flags.fingerprint,
      status: flags.status,
      acceptedUntil: flags.acceptedUntil,
      acceptedSeverity: flags.acceptedSeverity,
      acceptedFacts: flags.acceptedFacts,
    })
    .from(flags)
    .where(like(flags.ruleId, "notice.%"));
}

/** The French wording of the notice findings just written (the lifecycle's writer stores the English). */
export async function writeNoticeMessagesFr({
  db,
  messages,
}: {
  db: Executor;
  messages: readonly { ruleId: string; subjectType: FlagSubjectType; subjectId: string; messageFr: string }[];
}) {
  if (messages.length === 0) return;
  const payload = JSON.stringify(messages.map((m) => ({ rule_id: m.ruleId, subject_type: m.subjectType, subject_id: m.subjectId, message_fr: m.messageFr })));
  await db.execute(sql`
    update flags f set message_fr = v.message_fr
    from jsonb_to_recordset(${payload}::jsonb) as v(rule_id text, subject_type text, subject_id uuid, message_fr text)
    where f.rule_id = v.rule_id and f.subject_type::text = v.subject_type and f.subject_id = v.subject_id and f.message_fr is distinct from v.message_fr`);
}

export interface NoticeFindingRow {
  id: string;
  ruleId: string;
  subjectType: FlagSubjectType;
  subjectId: string;
  processorId: string | null;
  severity: Severity;
  status: FlagStatus;
  message: string;
  messageFr: string;
  facts: Record<string, unknown>;
  citation: string;
  remediation: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
  acceptedUntil: string | null;
}

const SEVERITY_ORDER = sql`case ${flags.severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

/** One page of the notice findings (open and accepted unless `status` says otherwise), worst first. */
export async function listNoticeFindings({
  db,
  status,
  page = 1,
  pageSize = 50,
}: {
  db: Executor;
  status?: FlagStatus | "unresolved";
  page?: number;
  pageSize?: number;
}): Promise<{ rows: NoticeFindingRow[]; total: number }> {
  const where = and(
    like(flags.ruleId, "notice.%"),
    status === undefined || status === "unresolved" ? sql`${flags.status} <> 'resolved'` : eq(flags.status, status),
  );
  const rows = await db
    .select({
      id: flags.id,
      ruleId: flags.ruleId,
      subjectType: flags.subjectType,
      subjectId: flags.subjectId,
      processorId: flags.processorId,
      severity: flags.severity,
      status: flags.status,
      message: flags.message,
      messageFr: flags.messageFr,
      facts: flags.facts,
      citation: flags.citation,
      remediation: flags.remediation,
      firstSeenAt: flags.firstSeenAt,
      lastSeenAt: flags.lastSeenAt,
      resolvedAt: flags.resolvedAt,
      acceptedUntil: flags.acceptedUntil,
    })
    .from(flags)
    .where(where)
    .orderBy(SEVERITY_ORDER, asc(flags.ruleId), asc(flags.subjectId))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(flags).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Open notice findings by severity, for the dashboard card. */
export async function countOpenNoticeFindings({ db }: { db: Executor }): Promise<Record<Severity, number>> {
  const rows = await db
    .select({ severity: flags.severity, n: count() })
    .from(flags)
    .where(and(like(flags.ruleId, "notice.%"), eq(flags.status, "open")))
    .groupBy(flags.severity);
  const counts: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const row of rows) counts[row.severity] = row.n;
  return counts;
}

/** An active flow as the generated disclosure describes it (lib/notices/generate.ts). */
export interface DisclosureRow {
  transferId: string;
  processorId: string;
  processorName: string;
  processorLegalName: string | null;
  processorWebsite: string | null;
  processorService: NoticeTransferFacts["processorService"];
  processorCountry: string;
  exporterName: string;
  exporterCountry: string;
  originCountry: string;
  destinationCountry: string;
  accessType: NoticeTransferFacts["accessType"];
  mechanism: string;
  activityName: string;
  activityPurpose: string;
  disclosureType: NoticeActivityFacts["disclosureType"];
  categoryKeys: string[];
  /** CCPA categories (A-L) of the categories carried. */
  ccpaCategories: string[];
}

/** Every active flow with its recipient, activity and categories: the register the generated sections describe. */
export async function listDisclosureRows({ db, today }: { db: Executor; today: string }): Promise<DisclosureRow[]> {
  const rows = rowsOf<{
    transfer_id: string;
    processor_id: string;
    processor_name: string;
    processor_legal_name: string | null;
    processor_website: string | null;
    processor_service: DisclosureRow["processorService"];
    processor_country: string;
    exporter_name: string;
    exporter_country: string;
    origin_country: string;
    destination_country: string;
    access_type: DisclosureRow["accessType"];
    mechanism: string;
    activity_name: string;
    activity_purpose: string;
    disclosure_type: DisclosureRow["disclosureType"];
    category_keys: string | null;
    ccpa_categories: string | null;
  }>(
    await db.execute(sql`
      select t.id as transfer_id, p.id as processor_id, p.name as processor_name, p.legal_name as processor_legal_name,
        p.website as processor_website, p.service as processor_service, p.country as processor_country,
        e.name as exporter_name, e.country as exporter_country, t.origin_country, t.destination_country, t.access_type,
        t.mechanism, a.name as activity_name, a.purpose as activity_purpose, a.disclosure_type,
        (select string_agg(c.category_key, ',' order by c.category_key) from transfer_data_categories c where c.transfer_id = t.id) as category_keys,
        (select string_agg(distinct d.ccpa_category::text, ',') from transfer_data_categories c join data_categories d on d.key = c.category_key
          where c.transfer_id = t.id and d.ccpa_category is not null) as ccpa_categories
      from transfers t
        join processors p on p.id = t.processor_id
        join entities e on e.id = t.exporter_entity_id
        join processing_activities a on a.id = t.activity_id
      where t.status not in ('rejected', 'ended') and (t.end_date is null or t.end_date >= ${today}::date)
        and p.status not in ('rejected', 'offboarded')
      order by p.name, t.id`),
  );
  return rows.map((row) => ({
    transferId: row.transfer_id,
    processorId: row.processor_id,
    processorName: row.processor_name,
    processorLegalName: row.processor_legal_name,
    processorWebsite: row.processor_website,
    processorService: row.processor_service,
    processorCountry: row.processor_country,
    exporterName: row.exporter_name,
    exporterCountry: row.exporter_country,
    originCountry: row.origin_country,
    destinationCountry: row.destination_country,
    accessType: row.access_type,
    mechanism: row.mechanism,
    activityName: row.activity_name,
    activityPurpose: row.activity_purpose,
    disclosureType: row.disclosure_type,
    categoryKeys: row.category_keys ? row.category_keys.split(",") : [],
    ccpaCategories: row.ccpa_categories ? row.ccpa_categories.split(",").sort() : [],
  }));
}
