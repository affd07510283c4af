import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import type { ProcessorRole, ProcessorService, RecordStatus, Severity } from "../schema";

/*
 * The sub-processor list (GDPR Art. 28(2), 28(4)): every recipient in engagement order, each processor
 * followed by the sub-processors it engaged, with the chain from the top and whether the parent's contract
 * lets it sub-process with the same obligations flowed down.
 *
 * Order: the chain of names from the top (case-insensitive, then id), computed top-down by a recursive CTE
 * over the processors table; batches are keyset-paged on that path, so each batch is one statement and
 * memory holds one batch. A processor whose parents form a cycle (the services refuse one, but the table
 * does not) is not reachable from a top-level processor: it is listed last, at level 0, rather than lost.
 */

export interface SubprocessorRow {
  id: string;
  /** 0 for a processor the company engaged itself, 1 for its sub-processor, and so on. */
  level: number;
  /** Names from the top-level processor down to this one. */
  chain: string[];
  /** The keyset cursor. */
  sortPath: string[];
  name: string;
  legalName: string | null;
  role: ProcessorRole;
  service: ProcessorService;
  country: string;
  status: RecordStatus;
  parentId: string | null;
  parentName: string | null;
  parentStatus: RecordStatus | null;
  /** The parent has an active agreement permitting sub-processing; null for a top-level processor. */
  parentPermitsSubprocessing: boolean | null;
  /** ... and flowing its obligations down (Art. 28(4)). */
  parentFlowDown: boolean | null;
  dpfCertified: boolean;
  dpfExpiry: string | null;
  coveredPerson: boolean;
  website: string | null;
  agreementTypes: string | null;
  agreementExpiryDates: string | null;
  agreementDocumentRefs: string | null;
  transferCount: number;
  destinations: string | null;
  categoryKeys: string | null;
  openFlagCount: number;
  worstOpenSeverity: Severity | null;
  openFlagRuleIds: string | null;
}

interface RawSubprocessorRow {
  id: string;
  level: number;
  chain: string[] | string;
  sort_path: string[] | string;
  name: string;
  legal_name: string | null;
  role: ProcessorRole;
  service: ProcessorService;
  country: string;
  status: RecordStatus;
  parent_id: string | null;
  parent_name: string | null;
  parent_status: RecordStatus | null;
  parent_permits: boolean | null;
  parent_flow_down: boolean | null;
  dpf_certified: boolean;
  dpf_expiry: string | null;
  covered_person: boolean;
  website: string | null;
  agreement_types: string | null;
  agreement_expiry_dates: string | null;
  agreement_document_refs: string | null;
  transfer_count: number | string;
  destinations: string | null;
  category_keys: string | null;
  open_flag_count: number | string;
  worst_open_severity: Severity | null;
  open_flag_rule_ids: string | null;
}

/** text[] arrives parsed from pg and PGlite alike; the literal form is handled in case a driver leaves it. */
function textArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, "");
  if (!inner) return [];
  return (inner.match(/"((?:[^"\\]|\\.)*)"|[^,]+/g) ?? []).map((item) =>
    item.startsWith('"') ? item.slice(1, -1).replace(/\\(.)/g, "$1") : item,
  );
}

function selectBatch(db: Executor, { includePending, today, after, limit }: { includePending: boolean; today: string; after: string[] | null; limit: number }) {
  const scope: SQL = includePending ? sql`true` : sql`p.status = 'approved'`;
  const cursor: SQL = after === null ? sql`true` : sql`o.sort_path > ${sql`array[${sql.join(after.map((part) => sql`${part}`), sql`, `)}]::text[]`}`;
  // Active on `today`: signed, effective and not expired (lib/rules/predicates.ts isAgreementActive).
  const active = (alias: string) => {
    const a = sql.raw(alias);
    return sql`${a}.signed_date is not null and ${a}.signed_date <= ${today}::date and (${a}.effective_date is null or ${a}.effective_date <= ${today}::date) and (${a}.expiry_date is null or ${a}.expiry_date >= ${today}::date)`;
  };
  const transferScope: SQL = includePending ? sql`` : sql` and t.status = 'approved'`;
  return db.execute(sql`
    with recursive tree(id, level, ids, chain, sort_path) as (
      select p.id, 0, array[p.id], array[p.name], array[lower(p.name) || chr(31) || p.id::text]
      from processors p
      where p.parent_processor_id is null
      union all
      select c.id, t.level + 1, t.ids || c.id, t.chain || c.name, t.sort_path || (lower(c.name) || chr(31) || c.id::text)
      from processors c join tree t on c.parent_processor_id = t.id
      where not c.id = any(t.ids) and t.level < 100
    ),
    ordered as (
      select p.id,
        coalesce(t.level, 0) as level,
        coalesce(t.chain, array[p.name]) as chain,
        coalesce(t.sort_path, array[chr(127) || 'cycle', lower(p.name) || chr(31) || p.id::text]) as sort_path
      from processors p left join tree t on t.id = p.id
      where ${scope}
    )
    select o.id, o.level, o.chain, o.sort_path,
      p.name, p.legal_name, p.role, p.service, p.country, p.status, p.website,
      p.dpf_certified, p.dpf_expiry::text as dpf_expiry, p.covered_person,
      parent.id as parent_id, parent.name as parent_name, parent.status as parent_status,
      case when parent.id is null then null else exists (
        select 1 from safeguard_agreements a where a.processor_id = parent.id and a.permits_subprocessing and ${active("a")}
      ) end as parent_permits,
      case when parent.id is null then null else exists (
        select 1 from safeguard_agreements a where a.processor_id = parent.id and a.permits_subprocessing and a.flow_down and ${active("a")}
      ) end as parent_flow_down,
      (select string_agg(a.type::text || coalesce(' ' || a.scc_module::text, ''), '; ' order by a.type, a.expiry_date desc nulls last, a.id)
        from safeguard_agreements a where a.processor_id = p.id) as agreement_types,
      (select string_agg(coalesce(a.expiry_date::text, '—'), '; ' order by a.type, a.expiry_date desc nulls last, a.id)
        from safeguard_agreements a where a.processor_id = p.id) as agreement_expiry_dates,
      (select string_agg(coalesce(a.document_ref, '—'), '; ' order by a.type, a.expiry_date desc nulls last, a.id)
        from safeguard_agreements a where a.processor_id = p.id) as agreement_document_refs,
      (select count(*)::int from transfers t where t.processor_id = p.id${transferScope}) as transfer_count,
      (select string_agg(distinct t.destination_country, ', ' order by t.destination_country)
        from transfers t where t.processor_id = p.id${transferScope}) as destinations,
      (select string_agg(distinct c.category_key, '; ' order by c.category_key)
        from transfers t join transfer_data_categories c on c.transfer_id = t.id where t.processor_id = p.id${transferScope}) as category_keys,
      (select count(*)::int from flags f where f.processor_id = p.id and f.status = 'open') as open_flag_count,
      (select max(f.severity) from flags f where f.processor_id = p.id and f.status = 'open') as worst_open_severity,
      (select string_agg(distinct f.rule_id, '; ' order by f.rule_id) from flags f where f.processor_id = p.id and f.status = 'open') as open_flag_rule_ids
    from ordered o
      join processors p on p.id = o.id
      left join processors parent on parent.id = p.parent_processor_id
    where ${cursor}
    order by o.sort_path
    limit ${limit}`);
}

function toRow(raw: RawSubprocessorRow): SubprocessorRow {
  return {
    id: raw.id,
    level: Number(raw.level),
    chain: textArray(raw.chain),
    sortPath: textArray(raw.sort_path),
    name: raw.name,
    legalName: raw.legal_name,
    role: raw.role,
    service: raw.service,
    country: raw.country,
    status: raw.status,
    parentId: raw.parent_id,
    parentName: raw.parent_name,
    parentStatus: raw.parent_status,
    parentPermitsSubprocessing: raw.parent_permits,
    parentFlowDown: raw.parent_flow_down,
    dpfCertified: raw.dpf_certified,
    dpfExpiry: raw.dpf_expiry,
    coveredPerson: raw.covered_person,
    website: raw.website,
    agreementTypes: raw.agreement_types,
    agreementExpiryDates: raw.agreement_expiry_dates,
    agreementDocumentRefs: raw.agreement_document_refs,
    transferCount: Number(raw.transfer_count),
    destinations: raw.destinations,
    categoryKeys: raw.category_keys,
    openFlagCount: Number(raw.open_flag_count),
    worstOpenSeverity: raw.worst_open_severity,
    openFlagRuleIds: raw.open_flag_rule_ids,
  };
}

export interface IterateSubprocessorsInput {
  db: Executor;
  /** false: approved processors only (their chains still name a pending parent); true: every processor. */
  includePending: boolean;
  /** The date agreements are judged active on (the report's as-of date). */
  today: string;
  batchSize?: number;
}

/** Every processor in engagement order (see above), in keyset batches. */
export async function* iterateSubprocessors({ db, includePending, today, batchSize = 500 }: IterateSubprocessorsInput): AsyncGenerator<SubprocessorRow, void, undefined> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be YYYY-MM-DD, not ${today}`);
  let after: string[] | null = null;
  for (;;) {
    const result = await selectBatch(db, { includePending, today, after, limit: batchSize });
    const batch = (result as unknown as { rows: RawSubprocessorRow[] }).rows.map(toRow);
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.sortPath;
  }
}
