import "server-only";
import { inArray, is, sql } from "drizzle-orm";
import { PgliteSession } from "drizzle-orm/pglite";
import type { Executor } from "../client";
import { dataCategories, entities, processingActivities, type Transfer } from "../schema";
import type {
  ActivityFacts,
  AgreementFacts,
  CategoryFacts,
  EntityFacts,
  ProcessorFacts,
  RegisterSnapshot,
  TransferRecord,
} from "@/lib/rules/types";

/**
 * The register the rules read: the small tables as facts, the large ones as packed text, one line per row
 * and tab-separated fields. Text crosses to a worker thread as one copy; 100,000 objects would be cloned one
 * by one. Parsed by lib/flags/packed-register.ts.
 */
export interface PackedRegister {
  today: string;
  processors: ProcessorFacts[];
  entities: EntityFacts[];
  activities: ActivityFacts[];
  categories: CategoryFacts[];
  /** 20 fields per line (see loadPacked), ordered by transfer id. */
  transfers: string | null;
  /** "transfer id<TAB>category key" lines, ordered by transfer id (the same order as `transfers`). */
  transferCategories: string | null;
  /** 10 fields per line (see loadPacked). */
  agreements: string | null;
  /** "agreement id<TAB>transfer id" lines: the transfers an agreement lists. */
  agreementTransfers: string | null;
}

/** The register as loaded: packed text on PGlite (see readsPacked), facts built from rows on PostgreSQL. */
export type RegisterFacts = { packed: PackedRegister; snapshot?: undefined } | { snapshot: RegisterSnapshot; packed?: undefined };

/**
 * A transfer that takes data held in mainland China abroad, in SQL: lib/rules/pipl.ts isMainlandExport (Hong
 * Kong and Macau are abroad). `alias` names the transfers table in the query.
 */
function mainlandExport(alias: string) {
  const t = sql.raw(alias);
  return sql`upper(btrim(${t}.origin_country)) = 'CN' and upper(btrim(${t}.destination_country)) <> 'CN'`;
}

/** A mainland export as the PIPL counts read it (lib/rules/pipl.ts, PiplCountedTransfer). */
export interface MainlandExportForCounting {
  transfer: Pick<
    TransferRecord,
    | "id"
    | "exporterEntityId"
    | "processorId"
    | "originCountry"
    | "destinationCountry"
    | "reExportOfForeignData"
    | "piplExemption"
    | "status"
    | "endDate"
    | "estimatedSubjects"
  >;
  /** One entry per kind it carries (sensitive, other); none when it records no category, as piplKinds reads it. */
  categories: { piplSensitive: boolean }[];
}

/** The mainland exports of these exporters, each with the kinds of information it carries, for their PIPL counts. */
export async function listMainlandExportsForCounting({
  db,
  exporterEntityIds,
}: {
  db: Executor;
  exporterEntityIds: readonly string[];
}): Promise<MainlandExportForCounting[]> {
  if (exporterEntityIds.length === 0) return [];
  const rows = rowsOf<{
    id: string;
    exporter_entity_id: string;
    processor_id: string;
    origin_country: string;
    destination_country: string;
    re_export_of_foreign_data: boolean;
    pipl_exemption: TransferRecord["piplExemption"];
    status: TransferRecord["status"];
    end_date: string | null;
    estimated_subjects: number | string;
    sensitive: boolean | null;
    other: boolean | null;
  }>(
    await db.execute(sql`
      select t.id, t.exporter_entity_id, t.processor_id, t.origin_country, t.destination_country,
        t.re_export_of_foreign_data, t.pipl_exemption, t.status, t.end_date::text as end_date, t.estimated_subjects,
        bool_or(d.pipl_sensitive) as sensitive, bool_or(not d.pipl_sensitive) as other
      from transfers t
        left join transfer_data_categories c on c.transfer_id = t.id
        left join data_categories d on d.key = c.category_key
      where t.exporter_entity_id in (${uuidList(exporterEntityIds)}) and ${mainlandExport("t")}
      group by t.id`),
  );
  return rows.map((row) => ({
    transfer: {
      id: row.id,
      exporterEntityId: row.exporter_entity_id,
      processorId: row.processor_id,
      originCountry: row.origin_country,
      destinationCountry: row.destination_country,
      reExportOfForeignData: row.re_export_of_foreign_data,
      piplExemption: row.pipl_exemption,
      status: row.status,
      endDate: row.end_date,
      estimatedSubjects: Number(row.estimated_subjects),
    },
    categories: [...(row.sensitive ? [{ piplSensitive: true }] : []), ...(row.other ? [{ piplSensitive: false }] : [])],
  }));
}

/** Whether each of these categories is PIPL-sensitive (PIPL Art. 28). */
export async function mapPiplSensitiveCategories({ db, keys }: { db: Executor; keys: readonly string[] }): Promise<Map<string, boolean>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select({ key: dataCategories.key, piplSensitive: dataCategories.piplSensitive }).from(dataCategories).where(inArray(dataCategories.key, [...keys]));
  return new Map(rows.map((row) => [row.key, row.piplSensitive]));
}

/** Recipients of the mainland exports of every exporter with a mainland export carrying one of these categories. */
export async function listMainlandExportRecipientsCarrying({ db, categoryKeys }: { db: Executor; categoryKeys: readonly string[] }): Promise<string[]> {
  if (categoryKeys.length === 0) return [];
  const keys = sql.join(categoryKeys.map((key) => sql`${key}`), sql`, `);
  const rows = await db.execute<{ id: string }>(sql`
    select distinct t.processor_id as id from transfers t
    where ${mainlandExport("t")} and t.exporter_entity_id in (
      select x.exporter_entity_id from transfers x join transfer_data_categories c on c.transfer_id = x.id
      where c.category_key in (${keys}) and ${mainlandExport("x")})`);
  return rowsOf<{ id: string }>(rows).map((row) => row.id);
}

/**
 * Loads the part of the register the rules need (lib/flags/register-snapshot.ts turns it into the snapshot).
 * `processorIds: null` loads everything (full re-evaluation); otherwise the given processors, with
 * `withMainlandExportRecipients` the recipients of the mainland exports of every exporter with a mainland
 * export to them (their PIPL counts are shared), the descendants of all these (whose rules read a parent's
 * agreements) and, as context only, their ancestors and the other mainland exports of the exporters evaluated
 * (which add to the counts the rules read).
 */
export async function loadRegisterFacts({
  db,
  processorIds,
  today,
  withMainlandExportRecipients = true,
}: {
  db: Executor;
  processorIds: readonly string[] | null;
  today: string;
  withMainlandExportRecipients?: boolean;
}): Promise<{ facts: RegisterFacts; evaluatedProcessorIds: Set<string> | null }> {
  let evaluated: Set<string> | null = null;
  let withAncestors: string[] | null = null;
  let contextExporters: string[] = [];

  if (processorIds !== null) {
    if (processorIds.length === 0) {
      return { facts: { snapshot: emptySnapshot(today) }, evaluatedProcessorIds: new Set() };
    }
    const ids = sql.join(processorIds.map((id) => sql`${id}::uuid`), sql`, `);
    // A change at these processors can move the PIPL counts of the exporters sending mainland exports to them,
    // and so the flags of those exporters' other mainland exports: their recipients are evaluated too.
    const recipients = withMainlandExportRecipients
      ? sql`
        union
        select t.processor_id from transfers t
        where ${mainlandExport("t")} and t.exporter_entity_id in (
          select x.exporter_entity_id from transfers x where x.processor_id in (${ids}) and ${mainlandExport("x")})`
      : sql``;
    const descendants = await db.execute<{ id: string }>(sql`
      with recursive tree(id) as (
        select id from processors where id in (${ids}) ${recipients}
        union
        select p.id from processors p join tree on p.parent_processor_id = tree.id
      ) select id from tree`);
    evaluated = new Set(rowsOf<{ id: string }>(descendants).map((row) => row.id));
    const evaluatedList = sql.join([...evaluated].map((id) => sql`${id}::uuid`), sql`, `);
    const ancestors = await db.execute<{ id: string }>(sql`
      with recursive chain(id, parent) as (
        select id, parent_processor_id from processors where id in (${evaluatedList})
        union
        select p.id, p.parent_processor_id from processors p join chain on p.id = chain.parent
      ) select id from chain`);
    withAncestors = rowsOf<{ id: string }>(ancestors).map((row) => row.id);
    // The exporters whose counts the evaluated transfers read: their other mainland exports are loaded as
    // context (never evaluated), so that a count is the same here as in a full pass.
    const exporters = await db.execute<{ id: string }>(sql`
      select distinct t.exporter_entity_id as id from transfers t
      where t.processor_id in (${evaluatedList}) and ${mainlandExport("t")}`);
    contextExporters = rowsOf<{ id: string }>(exporters).map((row) => row.id);
  }

  // Sequential on purpose: inside a transaction the queries share one connection.
  const processorWhere = withAncestors ? sql`where id in (${uuidList(withAncestors)})` : sql``;
  const processorResult = await db.execute(sql`${PROCESSOR_COLUMNS} from processors ${processorWhere}`);
  const processorRows = rowsOf<RawProcessorRow>(processorResult);

  const processors = processorRows.map(toProcessorFacts);
  if (readsPacked(db)) {
    const packed = await loadPacked({ db, today, processorIds, evaluated, withAncestors, contextExporters, processors });
    return { facts: { packed }, evaluatedProcessorIds: evaluated };
  }
  const { transferRecords, agreementFacts, categoryRows, entityRows, activityRows } = await loadAsRows({
    db,
    processorIds,
    evaluated,
    withAncestors,
    contextExporters,
  });
  const snapshot: RegisterSnapshot = {
    today,
    entities: entityRows.map(toEntityFacts),
    activities: activityRows.map(toActivityFacts),
    processors,
    agreements: agreementFacts,
    categories: categoryRows.map(toCategoryFacts),
    transfers: transferRecords,
  };
  return { facts: { snapshot }, evaluatedProcessorIds: evaluated };
}

/**
 * The whole register as packed text (see PackedRegister), on either database: what the full
 * re-evaluation hands to its worker thread.
 */
export async function loadPackedRegister({ db, today }: { db: Executor; today: string }): Promise<PackedRegister> {
  const processorRows = rowsOf<RawProcessorRow>(await db.execute(sql`${PROCESSOR_COLUMNS} from processors`));
  return loadPacked({
    db,
    today,
    processorIds: null,
    evaluated: null,
    withAncestors: null,
    contextExporters: [],
    processors: processorRows.map(toProcessorFacts),
  });
}

const PROCESSOR_COLUMNS = sql`
    select id, name, role, service, country, parent_processor_id, dpf_certified, dpf_expiry::text as dpf_expiry,
      dpf_uk_extension, covered_person, owner_user_id, status`;

function toEntityFacts(e: typeof entities.$inferSelect): EntityFacts {
  return { id: e.id, name: e.name, country: e.country, role: e.role, ciio: e.ciio };
}

function toActivityFacts(a: typeof processingActivities.$inferSelect): ActivityFacts {
  return {
    id: a.id,
    name: a.name,
    legalBasis: a.legalBasis,
    art9Condition: a.art9Condition,
    retentionPeriod: a.retentionPeriod,
    disclosureType: a.disclosureType,
  };
}

function toCategoryFacts(c: typeof dataCategories.$inferSelect): CategoryFacts {
  return {
    id: c.key,
    key: c.key,
    name: c.name,
    gdprSpecial: c.gdprSpecial,
    ccpaCategory: c.ccpaCategory,
    ccpaSensitive: c.ccpaSensitive,
    piplSensitive: c.piplSensitive,
    dojCategory: c.dojCategory,
    dojIdentifierKind: c.dojIdentifierKind,
  };
}

interface LargeTablesInput {
  db: Executor;
  processorIds: readonly string[] | null;
  evaluated: Set<string> | null;
  withAncestors: string[] | null;
  /** Exporters whose other mainland exports a scoped load reads as context (their PIPL counts). */
  contextExporters: readonly string[];
}

/**
 * The transfers a load reads (alias `t`): all, or those to the evaluated processors and, as context, the
 * mainland exports of `contextExporters`. Two index-friendly conditions (processor, exporter) rather than a
 * subquery, so that the planner can combine the two indexes.
 */
function transferScope(evaluated: Set<string> | null, contextExporters: readonly string[]) {
  if (evaluated === null) return sql``;
  const own = sql`t.processor_id in (${uuidList([...evaluated])})`;
  if (contextExporters.length === 0) return sql`where ${own}`;
  return sql`where ${own} or (t.exporter_entity_id in (${uuidList(contextExporters)}) and ${mainlandExport("t")})`;
}

/**
 * PGlite hands a result across its wasm boundary field by field: there, 100,000 transfer rows cost several
 * times what the query does, and one packed text value per table (loadPacked) is much cheaper. The pg
 * driver parses rows as they stream in, while the server is still producing them, so on PostgreSQL plain
 * rows (loadAsRows) are the faster of the two.
 */
export function readsPacked(db: Executor): boolean {
  return is(db._.session, PgliteSession);
}

async function loadAsRows({ db, processorIds, evaluated, withAncestors, contextExporters }: LargeTablesInput) {
  // Raw SQL and hand mappings here too: 30,000 agreements in a full pass. Transfer ids come comma-joined.
  const agreementFacts = await loadAgreementFacts({ db, processorIds: withAncestors });
  // Raw SQL and a hand mapping for the one large query: 100,000 transfers in a full pass, where an ORM's
  // per-field mapping and the driver's array parser cost more than the database does. Lists come
  // comma-joined (category keys and region codes contain no commas).
  const transferWhere = transferScope(evaluated, contextExporters);
  const transferResult = await db.execute(sql`
    select t.id, t.activity_id, t.exporter_entity_id, t.processor_id, t.origin_country, t.destination_country,
      t.access_type, array_to_string(t.subject_regions, ',') as subject_regions, t.estimated_subjects, t.volume_unit,
      t.frequency, t.encryption_in_transit, t.encryption_at_rest, t.mechanism, t.tia_date::text as tia_date,
      t.cisa_requirements_met, t.status, t.start_date::text as start_date, t.end_date::text as end_date,
      t.re_export_of_foreign_data, t.doj_exemption, t.important_data, t.pipl_exemption, t.pipl_separate_consent,
      t.pipia_date::text as pipia_date, t.tia_review_reason,
      (select string_agg(c.category_key, ',') from transfer_data_categories c where c.transfer_id = t.id) as category_keys
    from transfers t ${transferWhere}`);
  const categoryRows = await db.select().from(dataCategories);
  // Keys split out of the joined list are slices of it: hand the rules the strings of the category rows
  // (see loadPacked), which every lookup then finds without a character-by-character comparison. Sorted
  // here, as in loadPacked: one order whatever plan the database picks, and messages list them in order.
  const categoryKey = lookupOr(sameStrings(categoryRows.map((c) => c.key)));
  const transferRecords = rowsOf<RawTransferRow>(transferResult).map((row) =>
    transferRecordFromRow(row, (keys) => keys.map(categoryKey).sort()),
  );
  const entityRows = await db.select().from(entities);
  const activityIds = [...new Set(transferRecords.map((row) => row.activityId))];
  const activityRows =
    activityIds.length === 0
      ? []
      : await db.select().from(processingActivities).where(processorIds === null ? undefined : inArray(processingActivities.id, activityIds));
  return {
    transferRecords,
    agreementFacts,
    categoryRows,
    entityRows,
    activityRows,
  };
}

async function loadPacked({
  db,
  today,
  processorIds,
  evaluated,
  withAncestors,
  contextExporters,
  processors,
}: LargeTablesInput & { today: string; processors: ProcessorFacts[] }): Promise<PackedRegister> {
  /*
   * The large tables come as one text value each (tab-separated fields, one line per row) instead of one
   * result row per record: a full pass reads 100,000 transfers and 275,000 category links, and bringing that
   * many rows across PGlite's wasm boundary field by field costs several times what the query does. Every
   * field here is a uuid, an enum, a date, a boolean, a number or a country,
   * region or category code: none can hold a tab or a newline. Free text (names) stays in ordinary rows; the
   * one free text of a transfer the rules read, the TIA review reason (a short sentence, and rare), comes last
   * with its tabs and line breaks turned into spaces.
   */
  const transferWhere = transferScope(evaluated, contextExporters);
  const categoryWhere = evaluated ? sql`where c.transfer_id in (select t.id from transfers t ${transferWhere})` : sql``;
  const agreementWhere = withAncestors ? sql`where a.processor_id in (${uuidList(withAncestors)})` : sql``;
  const packed = rowsOf<{ transfers: string | null; categories: string | null; agreements: string | null; links: string | null }>(
    await db.execute(sql`
      select
        (select string_agg(t.id::text || E'\t' || t.activity_id::text || E'\t' || t.exporter_entity_id::text || E'\t' ||
            t.processor_id::text || E'\t' || t.origin_country || E'\t' || t.destination_country || E'\t' ||
            t.access_type::text || E'\t' || array_to_string(t.subject_regions, ',') || E'\t' ||
            t.estimated_subjects::text || E'\t' || t.volume_unit::text || E'\t' || t.frequency::text || E'\t' ||
            t.encryption_in_transit::text || E'\t' || t.encryption_at_rest::text || E'\t' || t.mechanism::text || E'\t' ||
            coalesce(t.tia_date::text, '') || E'\t' || t.cisa_requirements_met::text || E'\t' || t.status::text || E'\t' ||
            coalesce(t.start_date::text, '') || E'\t' || coalesce(t.end_date::text, '') || E'\t' ||
            t.re_export_of_foreign_data::text || E'\t' || coalesce(t.doj_exemption::text, '') || E'\t' ||
            t.important_data::text || E'\t' || coalesce(t.pipl_exemption::text, '') || E'\t' ||
            t.pipl_separate_consent::text || E'\t' || coalesce(t.pipia_date::text, '') || E'\t' ||
            coalesce(translate(t.tia_review_reason, E'\t\n\r', '   '), ''), E'\n' order by t.id)
          from transfers t ${transferWhere}) as transfers,
        (select string_agg(c.transfer_id::text || E'\t' || c.category_key, E'\n' order by c.transfer_id)
          from transfer_data_categories c ${categoryWhere}) as categories,
        (select string_agg(a.id::text || E'\t' || a.processor_id::text || E'\t' || a.type::text || E'\t' ||
            coalesce(a.scc_module::text, '') || E'\t' || coalesce(a.signed_date::text, '') || E'\t' ||
            coalesce(a.effective_date::text, '') || E'\t' || coalesce(a.expiry_date::text, '') || E'\t' ||
            a.permits_subprocessing::text || E'\t' || a.flow_down::text || E'\t' || a.covers_all_transfers::text, E'\n')
          from safeguard_agreements a ${agreementWhere}) as agreements,
        (select string_agg(x.agreement_id::text || E'\t' || x.transfer_id::text, E'\n')
          from agreement_transfers x join safeguard_agreements a on a.id = x.agreement_id ${agreementWhere}) as links`),
  )[0]!;
  const categoryRows = await db.select().from(dataCategories);
  const entityRows = await db.select().from(entities);
  const activityIds = processorIds === null ? null : packedActivityIds(packed.transfers);
  const activityRows =
    activityIds === null
      ? await db.select().from(processingActivities)
      : activityIds.length === 0
        ? []
        : await db.select().from(processingActivities).where(inArray(processingActivities.id, activityIds));
  return {
    today,
    processors,
    entities: entityRows.map(toEntityFacts),
    activities: activityRows.map(toActivityFacts),
    categories: categoryRows.map(toCategoryFacts),
    transfers: packed.transfers,
    transferCategories: packed.categories,
    agreements: packed.agreements,
    agreementTransfers: packed.links,
  };
}

/** A transfers row as the database returns it (snake_case; dates as text). */
export interface RawTransferRow {
  id: string;
  activity_id: string;
  exporter_entity_id: string;
  processor_id: string;
  origin_country: string;
  destination_country: string;
  access_type: Transfer["accessType"];
  subject_regions: string | null;
  estimated_subjects: number | string;
  volume_unit: Transfer["volumeUnit"];
  frequency: Transfer["frequency"];
  encryption_in_transit: Transfer["encryptionInTransit"];
  encryption_at_rest: Transfer["encryptionAtRest"];
  mechanism: Transfer["mechanism"];
  tia_date: string | null;
  cisa_requirements_met: boolean;
  status: Transfer["status"];
  start_date: string | null;
  end_date: string | null;
  re_export_of_foreign_data: boolean;
  doj_exemption: Transfer["dojExemption"];
  important_data: boolean;
  pipl_exemption: Transfer["piplExemption"];
  pipl_separate_consent: boolean;
  pipia_date: string | null;
  /** Absent from a query that does not select it (the DOJ report does not need it). */
  tia_review_reason?: string | null;
  category_keys: string | null;
}

/** The rules' view of a transfers row (shared by the snapshot loader and the DOJ report). */
export function transferRecordFromRow(
  t: RawTransferRow,
  categoryIds: (keys: string[]) => string[] = (keys) => keys,
): TransferRecord {
  return {
    id: t.id,
    activityId: t.activity_id,
    exporterEntityId: t.exporter_entity_id,
    processorId: t.processor_id,
    originCountry: t.origin_country,
    destinationCountry: t.destination_country,
    accessType: t.access_type,
    subjectRegions: t.subject_regions ? t.subject_regions.split(",") : [],
    estimatedSubjects: Number(t.estimated_subjects),
    volumeUnit: t.volume_unit,
    frequency: t.frequency,
    encryptionInTransit: t.encryption_in_transit,
    encryptionAtRest: t.encryption_at_rest,
    mechanism: t.mechanism,
    tiaDate: t.tia_date,
    tiaReviewReason: t.tia_review_reason ?? null,
    cisaRequirementsMet: t.cisa_requirements_met,
    status: t.status,
    startDate: t.start_date,
    endDate: t.end_date,
    reExportOfForeignData: t.re_export_of_foreign_data,
    dojExemption: t.doj_exemption,
    importantData: t.important_data,
    piplExemption: t.pipl_exemption,
    piplSeparateConsent: t.pipl_separate_consent,
    pipiaDate: t.pipia_date,
    categoryIds: t.category_keys ? categoryIds(t.category_keys.split(",")) : [],
  };
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

function emptySnapshot(today: string): RegisterSnapshot {
  return { today, entities: [], activities: [], processors: [], agreements: [], categories: [], transfers: [] };
}

/** The activity ids the packed transfers refer to (field 1 of each line): a scoped load reads only those activities. */
function packedActivityIds(transfers: string | null): string[] {
  if (transfers === null) return [];
  const ids = new Set<string>();
  for (const line of transfers.split("\n")) {
    const start = line.indexOf("\t") + 1;
    ids.add(line.slice(start, line.indexOf("\t", start)));
  }
  return [...ids];
}

/** The very string of each value, to swap a slice cut out of a joined list for it (see loadAsRows). */
function lookupOr(strings: Map<string, string>): (value: string) => string {
  return (value) => strings.get(value) ?? value;
}

function sameStrings(values: readonly string[]): Map<string, string> {
  return new Map(values.map((value) => [value, value]));
}

const uuidList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

interface RawAgreementRow {
  id: string;
  processor_id: string;
  type: AgreementFacts["type"];
  scc_module: AgreementFacts["sccModule"];
  signed_date: string | null;
  effective_date: string | null;
  expiry_date: string | null;
  permits_subprocessing: boolean;
  flow_down: boolean;
  covers_all_transfers: boolean;
  transfer_ids: string | null;
}

/** The agreements of these processors (all when null), as the rules read them, with the transfers each lists. */
export async function loadAgreementFacts({ db, processorIds }: { db: Executor; processorIds: readonly string[] | null }): Promise<AgreementFacts[]> {
  const where = processorIds ? sql`where a.processor_id in (${uuidList(processorIds)})` : sql``;
  const rows = rowsOf<RawAgreementRow>(
    await db.execute(sql`
      select a.id, a.processor_id, a.type, a.scc_module, a.signed_date::text as signed_date,
        a.effective_date::text as effective_date, a.expiry_date::text as expiry_date, a.permits_subprocessing,
        a.flow_down, a.covers_all_transfers,
        (select string_agg(x.transfer_id::text, ',') from agreement_transfers x where x.agreement_id = a.id) as transfer_ids
      from safeguard_agreements a ${where}`),
  );
  return rows.map(toAgreementFacts);
}

function toAgreementFacts(a: RawAgreementRow): AgreementFacts {
  return {
    id: a.id,
    processorId: a.processor_id,
    type: a.type,
    sccModule: a.scc_module,
    signedDate: a.signed_date,
    effectiveDate: a.effective_date,
    expiryDate: a.expiry_date,
    permitsSubprocessing: a.permits_subprocessing,
    flowDown: a.flow_down,
    coversAllTransfers: a.covers_all_transfers,
    transferIds: a.transfer_ids ? a.transfer_ids.split(",") : [],
  };
}

interface RawProcessorRow {
  id: string;
  name: string;
  role: ProcessorFacts["role"];
  service: ProcessorFacts["service"];
  country: string;
  parent_processor_id: string | null;
  dpf_certified: boolean;
  dpf_expiry: string | null;
  dpf_uk_extension: boolean;
  covered_person: boolean;
  owner_user_id: string | null;
  status: ProcessorFacts["status"];
}

function toProcessorFacts(p: RawProcessorRow): ProcessorFacts {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    service: p.service,
    country: p.country,
    parentProcessorId: p.parent_processor_id,
    dpfCertified: p.dpf_certified,
    dpfExpiry: p.dpf_expiry,
    dpfUkExtension: p.dpf_uk_extension,
    coveredPerson: p.covered_person,
    ownerUserId: p.owner_user_id,
    status: p.status,
  };
}
