import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applyFlagPlan, listStoredFlags } from "@/lib/flags/stored-flags";
import { loadRegisterSnapshot } from "@/lib/flags/register-snapshot";
import { AppError } from "@/lib/errors";
import { planFlagChanges } from "@/lib/flags/lifecycle";
import { reevaluateNoticeFindings } from "@/lib/notices/evaluation";
import { evaluateRegister, findingProcessors, type RegisterSnapshot } from "@/lib/rules/snapshot";

/*
 * The register as it stood at the end of a past day, for every report. Each table the reports read is
 * shadowed by a temporary table of the same name (pg_temp is searched before public), filled as follows:
 *
 *  - processors, transfers, safeguard_agreements, processing_activities, notices and notice_statements: rebuilt
 *    forward from the audit trail. Every write path records the record's full row in its event (create, update,
 *    review, import, delete); a record's state is its latest full snapshot before the cut-off, overlaid with the
 *    later partial events (a review carrying a transfer along records only its new status), and a record whose
 *    latest event is a deletion (no `after`) is gone. Records written outside the audited paths (seeds, set-up
 *    scripts) are read from the `before` of their first audited change, or live if never changed, when created by
 *    the day.
 *  - transfer_data_categories and agreement_transfers: from the same snapshots, which carry a transfer's
 *    category keys (`dataCategories`) and an agreement's listed transfers (`transferIds`).
 *  - entities and data_categories: reference data that no service creates (seeds, set-up scripts), so the
 *    trail may not hold their creation. They are rolled back from the live rows instead: a row changed
 *    after the cut-off reads as the `before` of its first later event, one created after it is left out.
 *  - flags: the rule engine's findings on the rebuilt register as of that day, through the same lifecycle
 *    as the live flags, starting from the risks the DPO had accepted by then (the `accept_risk` events).
 *    The trail holds no event for the engine's own opening and resolving of flags, so a flag accepted,
 *    then resolved and reopened before the day reads as still accepted.
 */

/** Register tables rebuilt from the audit trail, with the audit record type whose snapshots fill them. */
const AUDITED_TABLES = [
  { table: "processors", recordType: "processor" },
  { table: "transfers", recordType: "transfer" },
  { table: "safeguard_agreements", recordType: "agreement" },
  { table: "processing_activities", recordType: "activity" },
  // The privacy notice in force on the day and its statements: the notice findings are judged against them.
  { table: "notices", recordType: "notice" },
  { table: "notice_statements", recordType: "notice_statement" },
] as const;

/** Reference tables rolled back from their live rows, with the column their audit events' record id names. */
const REFERENCE_TABLES = [
  { table: "entities", recordType: "entity", key: "id" },
  { table: "data_categories", recordType: "data_category", key: "key" },
] as const;

const CHILD_TABLES = ["transfer_data_categories", "agreement_transfers"] as const;

/** Every table the reports read, shadowed for the duration of the as-of read. */
const SHADOWED_TABLES = [
  ...AUDITED_TABLES.map(({ table }) => table),
  ...CHILD_TABLES,
  ...REFERENCE_TABLES.map(({ table }) => table),
  "flags",
] as const;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function endOfDayUtc(asOf: string): Date {
  const start = DATE_PATTERN.test(asOf) ? new Date(`${asOf}T00:00:00.000Z`) : null;
  if (!start || Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== asOf) {
    throw new AppError("validation_failed", "asOf must be a calendar date written YYYY-MM-DD.", {
      fields: [{ path: "asOf", message: "Expected a date YYYY-MM-DD." }],
    });
  }
  return new Date(start.getTime() + 24 * 60 * 60 * 1000);
}

/**
 * Values of columns added after snapshots began to be written, for a snapshot without them: what the record
 * was then. A NOT NULL column missing from an old snapshot would otherwise read as null (and fail the insert).
 * Activities recorded before the DPO's review existed were the DPO's own, approved (the migration's default);
 * an entity was not marked a CIIO.
 */
const LEGACY_VALUES: Readonly<Record<string, Record<string, unknown>>> = {
  processing_activities: { status: "approved" },
  entities: { ciio: false },
  // Migration 0004 (issue 15): facts recorded as false or absent until someone records them.
  transfers: { importantData: false, piplSeparateConsent: false, reExportOfForeignData: false },
  processors: { dpfUkExtension: false },
};

/**
 * `cross join lateral` this: a camelCase snapshot (drizzle row) as a row `r` of the snake_case table.
 * In FROM, not in the select list, where `(f(x)).*` would call the function once per column.
 */
function snakeRow(table: string, snapshot: string) {
  const legacy = LEGACY_VALUES[table];
  // The snapshot's own keys win over the legacy values (jsonb `||` keeps the right-hand side's).
  const state = legacy ? `('${JSON.stringify(legacy)}'::jsonb || ${snapshot})` : snapshot;
  return sql.raw(`jsonb_populate_record(null::pg_temp.${table}, (
    select jsonb_object_agg(lower(regexp_replace(key, '([A-Z])', '_\\1', 'g')), value) from jsonb_each(${state})
  )) r`);
}

/**
 * Each audited record's state at the cut-off, camelCase as the events hold it, into pg_temp.as_of_states.
 * The overlay reads the events of one record at a time through the (record_type, record_id) index.
 * A record whose trail starts after the cut-off with a change (not its creation) existed before the trail
 * did (a seed, a set-up script): the `before` of that first change is its state, if created by then.
 */
async function collectAuditedStates(tx: Executor, cutoff: string) {
  const types = sql.join(AUDITED_TABLES.map(({ recordType }) => sql`${recordType}`), sql`, `);
  await tx.execute(sql`
    create temp table as_of_states as
    with latest as (
      select distinct on (record_type, record_id) record_type, record_id, after is null as gone
      from audit_events
      where record_type in (${types}) and record_id is not null and occurred_at < ${cutoff}::timestamptz
      order by record_type, record_id, id desc
    ), snapshot as (
      select distinct on (record_type, record_id) record_type, record_id, id
      from audit_events
      where record_type in (${types}) and record_id is not null and occurred_at < ${cutoff}::timestamptz
        and (after -> 'id') is not null
      order by record_type, record_id, id desc
    ), first_later as (
      select distinct on (record_type, record_id) record_type, record_id, before
      from audit_events
      where record_type in (${types}) and record_id is not null and occurred_at >= ${cutoff}::timestamptz
      order by record_type, record_id, id
    )
    select s.record_type, s.record_id, (
      -- Later keys win: the snapshot, then each later (partial) event in chain order.
      select jsonb_object_agg(kv.key, kv.value order by e.id)
      from audit_events e cross join lateral jsonb_each(e.after) kv
      where e.record_type = s.record_type and e.record_id = s.record_id and e.id >= s.id
        and e.occurred_at < ${cutoff}::timestamptz and e.after is not null
    ) as state
    from snapshot s join latest l on l.record_type = s.record_type and l.record_id = s.record_id
    where not l.gone
    union all
    select f.record_type, f.record_id, f.before
    from first_later f
    where (f.before -> 'id') is not null and (f.before ->> 'createdAt')::timestamptz < ${cutoff}::timestamptz
      and not exists (select 1 from latest l where l.record_type = f.record_type and l.record_id = f.record_id)`);
}

/** The record has no audit event at all: written outside the audited paths (a seed, a set-up script). */
function unaudited(recordType: string, id: string) {
  return sql`not exists (select 1 from audit_events e where e.record_type = ${recordType} and e.record_id = ${sql.raw(id)}::text)`;
}

async function rebuildAuditedTables(tx: Executor, cutoff: string) {
  for (const { table, recordType } of AUDITED_TABLES) {
    await tx.execute(sql`
      insert into ${sql.raw(`pg_temp.${table}`)}
      select r.* from pg_temp.as_of_states s cross join lateral ${snakeRow(table, "s.state")} where s.record_type = ${recordType}`);
    // The trail cannot say anything about a record it never saw: taken as it is now, if created by then.
    await tx.execute(sql`
      insert into ${sql.raw(`pg_temp.${table}`)}
      select * from ${sql.raw(`public.${table}`)} r where r.created_at < ${cutoff}::timestamptz and ${unaudited(recordType, "r.id")}`);
  }
  await tx.execute(sql`
    insert into pg_temp.transfer_data_categories (transfer_id, category_key)
    select distinct t.id, k.key
    from pg_temp.as_of_states s
      join pg_temp.transfers t on t.id::text = s.record_id
      cross join lateral jsonb_array_elements_text(coalesce(s.state -> 'dataCategories', '[]'::jsonb)) k(key)
    where s.record_type = 'transfer'`);
  await tx.execute(sql`
    insert into pg_temp.agreement_transfers (agreement_id, transfer_id)
    select distinct a.id, t.id
    from pg_temp.as_of_states s
      join pg_temp.safeguard_agreements a on a.id::text = s.record_id
      cross join lateral jsonb_array_elements_text(coalesce(s.state -> 'transferIds', '[]'::jsonb)) x(transfer_id)
      join pg_temp.transfers t on t.id::text = x.transfer_id
    where s.record_type = 'agreement'`);
  await tx.execute(sql`
    insert into pg_temp.transfer_data_categories
    select c.* from public.transfer_data_categories c join pg_temp.transfers t on t.id = c.transfer_id
    where ${unaudited("transfer", "c.transfer_id")}`);
  await tx.execute(sql`
    insert into pg_temp.agreement_transfers
    select x.* from public.agreement_transfers x
      join pg_temp.safeguard_agreements a on a.id = x.agreement_id
      join pg_temp.transfers t on t.id = x.transfer_id
    where ${unaudited("agreement", "x.agreement_id")}`);
}

async function rollBackReferenceTables(tx: Executor, cutoff: string) {
  for (const { table, recordType, key } of REFERENCE_TABLES) {
    const changedSince = sql`select record_id from audit_events
      where record_type = ${recordType} and record_id is not null and occurred_at >= ${cutoff}::timestamptz`;
    await tx.execute(sql`
      insert into ${sql.raw(`pg_temp.${table}`)}
      select * from ${sql.raw(`public.${table}`)} where ${sql.raw(key)}::text not in (${changedSince})`);
    await tx.execute(sql`
      insert into ${sql.raw(`pg_temp.${table}`)}
      select r.*
      from (
        select distinct on (record_id) before
        from audit_events
        where record_type = ${recordType} and record_id is not null and occurred_at >= ${cutoff}::timestamptz
        order by record_id, id
      ) first
        cross join lateral ${snakeRow(table, "first.before")}
      where first.before is not null`);
  }
}

/**
 * A past register can name a record the trail does not hold (one written outside the audited paths after
 * the day): such a transfer or agreement cannot be judged, and the reports' joins leave it out too.
 */
function withResolvableReferences(snapshot: RegisterSnapshot): RegisterSnapshot {
  const ids = (rows: readonly { id: string }[]) => new Set(rows.map((row) => row.id));
  const [entities, activities, processors] = [ids(snapshot.entities), ids(snapshot.activities), ids(snapshot.processors)];
  const transfers = snapshot.transfers.filter(
    (t) => entities.has(t.exporterEntityId) && activities.has(t.activityId) && processors.has(t.processorId),
  );
  return {
    ...snapshot,
    agreements: snapshot.agreements.filter((a) => processors.has(a.processorId)),
    transfers,
  };
}

/**
 * The flags as of the day: the risks accepted by then (latest `accept_risk` event per flag, its identity
 * and accepted facts from the live row: a flag row lives for ever), then the engine's plan against the
 * findings on the rebuilt register, applied by the same writer as the live flags.
 */
async function rebuildFlags(tx: Executor, { cutoff, today }: { cutoff: string; today: string }) {
  await tx.execute(sql`
    insert into pg_temp.flags (id, rule_id, subject_type, subject_id, processor_id, severity, message, facts, fingerprint,
      citation, remediation, status, first_seen_at, last_seen_at, accepted_by_user_id, accepted_at, acceptance_justification,
      accepted_until, accepted_severity, accepted_facts)
    select f.id, f.rule_id, f.subject_type, f.subject_id, f.processor_id, f.severity, f.message, f.facts, '',
      f.citation, f.remediation, 'accepted', f.first_seen_at, f.last_seen_at, a.actor_user_id, a.occurred_at, a.after ->> 'justification',
      (a.after ->> 'acceptedUntil')::date, coalesce(f.accepted_severity, f.severity), coalesce(f.accepted_facts, f.facts)
    from (
      select distinct on (record_id) record_id, occurred_at, actor_user_id, action, after
      from audit_events
      where record_type = 'flag' and record_id is not null and occurred_at < ${cutoff}::timestamptz
      order by record_id, id desc
    ) a
      join public.flags f on f.id::text = a.record_id
    where a.action = 'accept_risk'`);
  const { snapshot: loaded } = await loadRegisterSnapshot({ db: tx, processorIds: null, today });
  const snapshot = withResolvableReferences(loaded);
  const findings = evaluateRegister(snapshot);
  const stored = await listStoredFlags({ db: tx, processorIds: null });
  const processorOf = findingProcessors(snapshot);
  const now = new Date(new Date(cutoff).getTime() - 1);
  await applyFlagPlan({ db: tx, plan: planFlagChanges({ stored, findings, today }), processorOf, now });
  // The notice findings of that day: the notice then in force against the register rebuilt above.
  await reevaluateNoticeFindings({ db: tx, today, now });
}

/**
 * A name or external id unique now was unique at every moment only if every write was audited: a history
 * with gaps (records written outside the audited paths) must still export, so the rebuilt record tables
 * keep their primary keys but not their other unique indexes (flags keep theirs: one per rule and subject).
 */
async function dropUniqueKeysOfRecords(tx: Executor) {
  const tables = sql.join([...AUDITED_TABLES, ...REFERENCE_TABLES].map(({ table }) => sql`${table}`), sql`, `);
  const result = await tx.execute(sql`
    select t.relname as "table", i.relname as "index", c.conname as "constraint"
    from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      left join pg_constraint c on c.conindid = x.indexrelid
    where t.relnamespace = pg_my_temp_schema() and t.relname in (${tables}) and x.indisunique and not x.indisprimary`);
  for (const row of (result as unknown as { rows: { table: string; index: string; constraint: string | null }[] }).rows) {
    // A unique constraint (`.unique()` in the schema) owns its index: dropped through the constraint.
    await tx.execute(
      sql.raw(row.constraint ? `alter table pg_temp."${row.table}" drop constraint "${row.constraint}"` : `drop index pg_temp."${row.index}"`),
    );
  }
}

/**
 * Runs fn with a reader on which every table the reports read stands as at the end of `asOf` (UTC),
 * including records deleted since. The temporary tables live inside one transaction and are dropped before
 * it ends (or with its rollback), so live data is never touched. The rebuild runs in SQL, so the audit log
 * never passes through JS memory; only the rule engine's findings do, as in a full re-evaluation.
 */
export async function withRegisterAsOf<T>(
  db: Executor,
  asOf: string,
  fn: (reader: Executor) => Promise<T>,
): Promise<T> {
  const cutoff = endOfDayUtc(asOf).toISOString();
  return db.transaction(async (tx) => {
    for (const table of SHADOWED_TABLES) {
      // Indexes too: the reports' plans rely on them, and the flag writer's upsert needs the unique key.
      await tx.execute(sql.raw(`create temp table ${table} (like public.${table} including defaults including indexes)`));
    }
    await dropUniqueKeysOfRecords(tx);
    await collectAuditedStates(tx, cutoff);
    await rebuildAuditedTables(tx, cutoff);
    await rollBackReferenceTables(tx, cutoff);
    await rebuildFlags(tx, { cutoff, today: asOf });
    const result = await fn(tx);
    for (const table of [...SHADOWED_TABLES, "as_of_states"]) await tx.execute(sql.raw(`drop table pg_temp.${table}`));
    return result;
  });
}
