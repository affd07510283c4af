import "server-only";
import { inArray, is, sql } from "drizzle-orm";
import { PgliteSession } from "drizzle-orm/pglite";
import type { Executor } from "../client";
import { dataCategories, entities, processingActivities, type Transfer } from "../schema";
import {
  ACCESS_TYPES,
  AGREEMENT_TYPES,
  ENCRYPTION_AT_REST,
  ENCRYPTION_IN_TRANSIT,
  FREQUENCIES,
  SCC_MODULES,
  TRANSFER_MECHANISMS,
  TRANSFER_STATUSES,
  VOLUME_UNITS,
} from "../schema/enums";
import type { RegisterSnapshot, TransferRecord } from "@/lib/rules/snapshot";
import type { AgreementFacts, ProcessorFacts } from "@/lib/rules/types";

/**
 * Loads the part of the register the rules need, as plain facts. `processorIds: null` loads everything
 * (full re-evaluation); otherwise the given processors, their descendants (whose rules read a parent's
 * agreements) and, as context only, their ancestors.
 */
export async function loadRegisterSnapshot({
  db,
  processorIds,
  today,
}: {
  db: Executor;
  processorIds: readonly string[] | null;
  today: string;
}): Promise<{ snapshot: RegisterSnapshot; evaluatedProcessorIds: Set<string> | null }> {
  let evaluated: Set<string> | null = null;
  let withAncestors: string[] | null = null;

  if (processorIds !== null) {
    if (processorIds.length === 0) {
      return { snapshot: emptySnapshot(today), evaluatedProcessorIds: new Set() };
    }
    const ids = sql.join(processorIds.map((id) => sql`${id}::uuid`), sql`, `);
    const descendants = await db.execute<{ id: string }>(sql`
      with recursive tree(id) as (
        select id from processors where id in (${ids})
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
  }

  // Sequential on purpose: inside a transaction the queries share one connection.
  const processorWhere = withAncestors ? sql`where id in (${uuidList(withAncestors)})` : sql``;
  const processorResult = await db.execute(sql`
    select id, name, role, service, country, parent_processor_id, dpf_certified, dpf_expiry::text as dpf_expiry,
      covered_person, owner_user_id, status
    from processors ${processorWhere}`);
  const processorRows = rowsOf<RawProcessorRow>(processorResult);

  const large = readsPacked(db)
    ? await loadPacked({ db, processorIds, evaluated, withAncestors, loadedProcessorIds: processorRows.map((p) => p.id) })
    : await loadAsRows({ db, processorIds, evaluated, withAncestors });
  const { transferRecords, agreementFacts, categoryRows, entityRows, activityRows } = large;

  const snapshot: RegisterSnapshot = {
    today,
    entities: entityRows.map((e) => ({ id: e.id, name: e.name, country: e.country })),
    activities: activityRows.map((a) => ({
      id: a.id,
      name: a.name,
      legalBasis: a.legalBasis,
      art9Condition: a.art9Condition,
      retentionPeriod: a.retentionPeriod,
      disclosureType: a.disclosureType,
    })),
    processors: processorRows.map(toProcessorFacts),
    agreements: agreementFacts,
    categories: categoryRows.map((c) => ({
      id: c.key,
      key: c.key,
      gdprSpecial: c.gdprSpecial,
      ccpaCategory: c.ccpaCategory,
      ccpaSensitive: c.ccpaSensitive,
      piplSensitive: c.piplSensitive,
      dojCategory: c.dojCategory,
      dojListedIdentifier: c.dojListedIdentifier,
    })),
    transfers: transferRecords,
  };
  return { snapshot, evaluatedProcessorIds: evaluated };
}

interface LargeTablesInput {
  db: Executor;
  processorIds: readonly string[] | null;
  evaluated: Set<string> | null;
  withAncestors: string[] | null;
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

async function loadAsRows({ db, processorIds, evaluated, withAncestors }: LargeTablesInput) {
  // Raw SQL and hand mappings here too: 30,000 agreements in a full pass. Transfer ids come comma-joined.
  const agreementWhere = withAncestors ? sql`where a.processor_id in (${uuidList(withAncestors)})` : sql``;
  const agreementRows = rowsOf<RawAgreementRow>(
    await db.execute(sql`
      select a.id, a.processor_id, a.type, a.scc_module, a.signed_date::text as signed_date,
        a.effective_date::text as effective_date, a.expiry_date::text as expiry_date, a.permits_subprocessing,
        a.flow_down, a.covers_all_transfers,
        (select string_agg(x.transfer_id::text, ',') from agreement_transfers x where x.agreement_id = a.id) as transfer_ids
      from safeguard_agreements a ${agreementWhere}`),
  );
  // Raw SQL and a hand mapping for the one large query: 100,000 transfers in a full pass, where an ORM's
  // per-field mapping and the driver's array parser cost more than the database does. Lists come
  // comma-joined (category keys and region codes contain no commas).
  const transferWhere = evaluated ? sql`where t.processor_id in (${uuidList([...evaluated])})` : sql``;
  const transferResult = await db.execute(sql`
    select t.id, t.activity_id, t.exporter_entity_id, t.processor_id, t.origin_country, t.destination_country,
      t.access_type, array_to_string(t.subject_regions, ',') as subject_regions, t.estimated_subjects, t.volume_unit,
      t.frequency, t.encryption_in_transit, t.encryption_at_rest, t.mechanism, t.tia_date::text as tia_date,
      t.cisa_requirements_met, t.status, t.start_date::text as start_date, t.end_date::text as end_date,
      t.re_export_of_foreign_data,
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
    agreementFacts: agreementRows.map(toAgreementFacts),
    categoryRows,
    entityRows,
    activityRows,
  };
}

async function loadPacked({
  db,
  processorIds,
  evaluated,
  withAncestors,
  loadedProcessorIds,
}: LargeTablesInput & { loadedProcessorIds: string[] }) {
  /*
   * The large tables come as one text value each (tab-separated fields, one line per row) instead of one
   * result row per record: a full pass reads 100,000 transfers and 275,000 category links, and bringing that
   * many rows across PGlite's wasm boundary field by field costs several times what the query does. Every
   * field here is a uuid, an enum, a date, a boolean, a number or a country,
   * region or category code: none can hold a tab or a newline. Free text (names) stays in ordinary rows.
   */
  const transferWhere = evaluated ? sql`where t.processor_id in (${uuidList([...evaluated])})` : sql``;
  const categoryWhere = evaluated
    ? sql`where c.transfer_id in (select id from transfers where processor_id in (${uuidList([...evaluated])}))`
    : sql``;
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
            t.re_export_of_foreign_data::text, E'\n' order by t.id)
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
  const transferLines = splitLines(packed.transfers, TRANSFER_FIELDS);
  const activityIds = [...new Set(transferLines.map((f) => f[1]!))];
  const activityRows =
    activityIds.length === 0
      ? []
      : await db.select().from(processingActivities).where(processorIds === null ? undefined : inArray(processingActivities.id, activityIds));

  /*
   * References into the small tables are swapped for the very string the referenced row holds. An id cut
   * out of the packed text is a slice of it, and V8 compares a slice with another string the slow way on
   * every map lookup: the rules look up each transfer's processor, activity, exporter and categories.
   */
  const reference = {
    processor: lookupOr(sameStrings(loadedProcessorIds)),
    activity: lookupOr(sameStrings(activityRows.map((a) => a.id))),
    entity: lookupOr(sameStrings(entityRows.map((e) => e.id))),
    category: lookupOr(sameStrings(categoryRows.map((c) => c.key))),
  };
  // Both lists come in transfer id order: a transfer's categories are the run of lines starting with its id.
  const categoryLines = new PackedPairs(packed.categories);
  const transferRecords = transferLines.map((f) =>
    // One order for a transfer's categories whatever plan the database picks: messages list them in order.
    transferRecordFromFields(f, categoryLines.take(f[0]!).map(reference.category).sort(), reference),
  );
  if (!categoryLines.done()) throw new Error("Register snapshot: category links out of transfer order");
  const agreementTransferIds = groupPairs(packed.links);
  const agreementFacts = splitLines(packed.agreements, AGREEMENT_FIELDS).map((f) =>
    agreementFactsFromFields(f, agreementTransferIds.get(f[0]!) ?? [], reference.processor),
  );

  return { transferRecords, agreementFacts, categoryRows, entityRows, activityRows };
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
    cisaRequirementsMet: t.cisa_requirements_met,
    status: t.status,
    startDate: t.start_date,
    endDate: t.end_date,
    reExportOfForeignData: t.re_export_of_foreign_data,
    categoryIds: t.category_keys ? categoryIds(t.category_keys.split(",")) : [],
  };
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

function emptySnapshot(today: string): RegisterSnapshot {
  return { today, entities: [], activities: [], processors: [], agreements: [], categories: [], transfers: [] };
}

const uuidList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** The lines of a packed text value, each split into exactly `fields` fields (anything else is a bug, not data). */
function splitLines(text: string | null, fields: number): string[][] {
  if (text === null) return [];
  return text.split("\n").map((line) => {
    const values = line.split("\t");
    if (values.length !== fields) throw new Error(`Register snapshot: expected ${fields} fields, got ${values.length}`);
    return values;
  });
}

/**
 * "key<TAB>value" lines sorted by key, read in step with another list in the same order: take(key) returns
 * the values of the run of lines for that key, without building a map of every key.
 */
class PackedPairs {
  private position = 0;
  constructor(private readonly text: string | null) {}

  take(key: string): string[] {
    const values: string[] = [];
    const text = this.text;
    if (text === null) return values;
    while (this.position < text.length && text.startsWith(key, this.position) && text.charCodeAt(this.position + key.length) === TAB) {
      const start = this.position + key.length + 1;
      const end = text.indexOf("\n", start);
      values.push(text.slice(start, end === -1 ? text.length : end));
      this.position = end === -1 ? text.length : end + 1;
    }
    return values;
  }

  done(): boolean {
    return this.text === null || this.position >= this.text.length;
  }
}

const TAB = 9;

/** "key<TAB>value" lines grouped by key. */
function groupPairs(text: string | null): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  if (text === null) return groups;
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t");
    const key = line.slice(0, tab);
    const value = line.slice(tab + 1);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [value]);
    else list.push(value);
  }
  return groups;
}

/**
 * Enum values as the very strings the rules compare them with, for the same reason as the references
 * above: a value of 13 characters or more cut out of the packed text is a slice, and the rules compare
 * mechanisms and agreement types with === and includes() on every transfer.
 */
function enumOf<T extends string>(values: readonly T[]): (value: string) => T {
  const strings = new Map<string, T>(values.map((value) => [value, value]));
  return (value) => strings.get(value) ?? (value as T);
}

const ENUM = {
  accessType: enumOf(ACCESS_TYPES),
  volumeUnit: enumOf(VOLUME_UNITS),
  frequency: enumOf(FREQUENCIES),
  encryptionInTransit: enumOf(ENCRYPTION_IN_TRANSIT),
  encryptionAtRest: enumOf(ENCRYPTION_AT_REST),
  mechanism: enumOf(TRANSFER_MECHANISMS),
  transferStatus: enumOf(TRANSFER_STATUSES),
  agreementType: enumOf(AGREEMENT_TYPES),
  sccModule: enumOf(SCC_MODULES),
};

const TRANSFER_FIELDS = 20;

interface References {
  processor(id: string): string;
  activity(id: string): string;
  entity(id: string): string;
}

function sameStrings(values: readonly string[]): Map<string, string> {
  return new Map(values.map((value) => [value, value]));
}

function lookupOr(strings: Map<string, string>): (value: string) => string {
  return (value) => strings.get(value) ?? value;
}

function transferRecordFromFields(f: string[], categoryIds: string[], reference: References): TransferRecord {
  return {
    id: f[0]!,
    activityId: reference.activity(f[1]!),
    exporterEntityId: reference.entity(f[2]!),
    processorId: reference.processor(f[3]!),
    originCountry: f[4]!,
    destinationCountry: f[5]!,
    accessType: ENUM.accessType(f[6]!),
    subjectRegions: f[7] ? f[7].split(",") : [],
    estimatedSubjects: Number(f[8]),
    volumeUnit: ENUM.volumeUnit(f[9]!),
    frequency: ENUM.frequency(f[10]!),
    encryptionInTransit: ENUM.encryptionInTransit(f[11]!),
    encryptionAtRest: ENUM.encryptionAtRest(f[12]!),
    mechanism: ENUM.mechanism(f[13]!),
    tiaDate: f[14] || null,
    cisaRequirementsMet: f[15] === "true",
    status: ENUM.transferStatus(f[16]!),
    startDate: f[17] || null,
    endDate: f[18] || null,
    reExportOfForeignData: f[19] === "true",
    categoryIds,
  };
}

const AGREEMENT_FIELDS = 10;

function agreementFactsFromFields(f: string[], transferIds: string[], processor: (id: string) => string): AgreementFacts {
  return {
    id: f[0]!,
    processorId: processor(f[1]!),
    type: ENUM.agreementType(f[2]!),
    sccModule: f[3] ? ENUM.sccModule(f[3]) : null,
    signedDate: f[4] || null,
    effectiveDate: f[5] || null,
    expiryDate: f[6] || null,
    permitsSubprocessing: f[7] === "true",
    flowDown: f[8] === "true",
    coversAllTransfers: f[9] === "true",
    transferIds,
  };
}

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
    coveredPerson: p.covered_person,
    ownerUserId: p.owner_user_id,
    status: p.status,
  };
}
