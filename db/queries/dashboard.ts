import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import type { Severity } from "../schema";
import { addDays } from "@/lib/rules/iso-date";
import { countOpenFlagsBySeverity } from "./flags";
import { countAgreementsExpiring, countProcessorsByStatus } from "./processors";
import { flagInPopulation, transferInPopulation, type Population } from "./population";
import { countTransfersByDestination } from "./transfers";

/*
 * Every figure but the review queue and processors by status counts one population (db/queries/population.ts):
 * `pending` absent counts every record (as the registers do unfiltered); the dashboard always passes one, and
 * its links carry the same `pending=` to the list behind each figure.
 */
const inScope = (pending: Population | undefined, predicate: (pending: Population) => SQL): SQL =>
  pending ? predicate(pending) : sql`true`;

/**
 * The matrix groups categories to their first two key segments (`user.device.imei` → `user.device`):
 * the full taxonomy has too many leaves to stay readable as columns.
 */
export interface MatrixCell {
  destination: string;
  category: string;
  transfers: number;
  worstOpenSeverity: Severity | null;
}

/** Transfers per destination × category group, with the worst open flag on those transfers; one row per non-empty cell. */
export async function countTransfersByDestinationAndCategory({ db, pending }: { db: Executor; pending?: Population }): Promise<MatrixCell[]> {
  // A transfer counts once per group even when it carries several leaves of that group.
  const result = await db.execute(sql`
    with worst as (
      select subject_id, max(severity) as severity
      from flags where subject_type = 'transfer' and status = 'open'
      group by subject_id
    ), grouped as (
      select distinct t.id, t.destination_country, split_part(c.category_key, '.', 1) ||
        case when split_part(c.category_key, '.', 2) = '' then '' else '.' || split_part(c.category_key, '.', 2) end as category
      from transfers t join transfer_data_categories c on c.transfer_id = t.id
      where ${inScope(pending, (mode) => transferInPopulation(mode, sql`t.id`))}
    )
    select g.destination_country as destination, g.category, count(*)::int as transfers, max(w.severity)::text as worst
    from grouped g left join worst w on w.subject_id = g.id
    group by g.destination_country, g.category
    order by g.destination_country, g.category`);
  return (result as unknown as { rows: { destination: string; category: string; transfers: number; worst: Severity | null }[] }).rows.map(
    (row) => ({ destination: row.destination, category: row.category, transfers: Number(row.transfers), worstOpenSeverity: row.worst }),
  );
}

export interface OpenFlagsDay {
  day: string;
  open: number;
}

/**
 * Flags open at the end of each UTC day of the window ending on `today`, from first_seen_at and the
 * earlier of resolved_at / accepted_at. A flag that reopened only keeps its latest dates, so past days
 * show its latest episode.
 */
export async function countOpenFlagsPerDay({ db, today, days, pending }: { db: Executor; today: string; days: number; pending?: Population }): Promise<OpenFlagsDay[]> {
  // One pass over the flags into +1 / -1 events per day, then a running sum: joining every day to every
  // flag costs days × flags. Materialized: inlined, the sums would be recomputed for every day. The
  // population is today's: a flag of a vendor rejected since leaves the past days too.
  const result = await db.execute(sql`
    with spans as (
      select (f.first_seen_at at time zone 'UTC')::date as opened,
        (least(f.resolved_at, f.accepted_at) at time zone 'UTC')::date as closed
      from flags f
      where ${inScope(pending, (mode) => flagInPopulation(mode, sql`f.subject_type`, sql`f.subject_id`))}
    ), daily as materialized (
      select day, sum(delta) as delta from (
        select opened as day, 1 as delta from spans
        union all
        select greatest(closed, opened), -1 from spans where closed is not null
      ) events group by day
    )
    select d.day::date::text as day, (select coalesce(sum(delta), 0) from daily where daily.day <= d.day::date)::int as open
    from generate_series(${today}::date - (${days - 1})::int, ${today}::date, interval '1 day') as d(day)
    order by d.day`);
  return (result as unknown as { rows: { day: string; open: number }[] }).rows.map((row) => ({ day: row.day, open: Number(row.open) }));
}

export interface ReviewQueueItem {
  id: string;
  name: string;
  submittedBy: string | null;
  submittedAt: Date | null;
  openFlags: number;
}

/** The latest vendors submitted for the DPO's review, and how many there are in all. */
export async function listReviewQueue({ db, limit }: { db: Executor; limit: number }): Promise<{ items: ReviewQueueItem[]; total: number }> {
  const [items, total] = await Promise.all([
    db.execute(sql`
      select p.id, p.name, u.name as submitted_by, p.submitted_at,
        (select count(*)::int from flags f where f.processor_id = p.id and f.status = 'open') as open_flags
      from processors p left join users u on u.id = p.created_by_user_id
      where p.status = 'submitted'
      order by p.submitted_at desc nulls last, p.name
      limit ${limit}`),
    db.execute(sql`select count(*)::int as total from processors where status = 'submitted'`),
  ]);
  const rows = (items as unknown as { rows: { id: string; name: string; submitted_by: string | null; submitted_at: Date | string | null; open_flags: number }[] }).rows;
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      submittedBy: row.submitted_by,
      submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at),
      openFlags: Number(row.open_flags),
    })),
    total: Number((total as unknown as { rows: { total: number }[] }).rows[0]?.total ?? 0),
  };
}

export interface FlowBand {
  origin: string;
  destination: string;
  transfers: number;
  worstOpenSeverity: Severity | null;
}

/** Transfers from the exporting entity's country to each destination, with the worst open flag on the band. */
export async function countTransferFlows({ db, pending }: { db: Executor; pending?: Population }): Promise<FlowBand[]> {
  const result = await db.execute(sql`
    with worst as (
      select subject_id, max(severity) as severity
      from flags where subject_type = 'transfer' and status = 'open'
      group by subject_id
    )
    select e.country as origin, t.destination_country as destination, count(*)::int as transfers, max(w.severity)::text as worst
    from transfers t
    join entities e on e.id = t.exporter_entity_id
    left join worst w on w.subject_id = t.id
    where ${inScope(pending, (mode) => transferInPopulation(mode, sql`t.id`))}
    group by e.country, t.destination_country
    order by count(*) desc, e.country, t.destination_country`);
  return (result as unknown as { rows: { origin: string; destination: string; transfers: number; worst: Severity | null }[] }).rows.map(
    (row) => ({ origin: row.origin, destination: row.destination, transfers: Number(row.transfers), worstOpenSeverity: row.worst }),
  );
}

// DOMAIN.md §4, agreement.expiring-soon: "expires within 60 days".
export const EXPIRY_WINDOW_DAYS = 60;
export const TREND_DAYS = 90;
const TOP_DESTINATIONS = 8;
const REVIEW_QUEUE_SIZE = 5;

/**
 * The transfers of the population and the open flags on them: the transfer register export's row count and
 * the sum of its "Open flags" column for the same `pending` (lib/exports/transfer-register.ts).
 */
export async function countTransfersAndTheirOpenFlags({ db, pending }: { db: Executor; pending?: Population }): Promise<{ transfers: number; openFlags: number }> {
  const result = await db.execute(sql`
    select
      (select count(*)::int from transfers t where ${inScope(pending, (mode) => transferInPopulation(mode, sql`t.id`))}) as transfers,
      (select count(*)::int from flags f where f.subject_type = 'transfer' and f.status = 'open'
        and ${pending ? transferInPopulation(pending, sql`f.subject_id`) : sql`exists (select 1 from transfers t where t.id = f.subject_id)`}) as open_flags`);
  const row = (result as unknown as { rows: { transfers: number; open_flags: number }[] }).rows[0];
  return { transfers: Number(row?.transfers ?? 0), openFlags: Number(row?.open_flags ?? 0) };
}

/**
 * Every figure of the dashboard for one population, as SQL aggregates over the whole register (the flag
 * counts from the persisted flags). About a second at 100,000 transfers: read through lib/cache/dashboard.ts,
 * which keeps it for as long as the database has not changed.
 */
export async function readDashboardFigures({ db, today, pending }: { db: Executor; today: string; pending: Population }) {
  const [byStatus, openFlags, destinations, expiringAgreements, matrix, flows, trend, reviewQueue, transferTotals] = await Promise.all([
    countProcessorsByStatus({ db }),
    countOpenFlagsBySeverity({ db, pending }),
    countTransfersByDestination({ db, limit: TOP_DESTINATIONS, pending }),
    countAgreementsExpiring({ db, from: today, until: addDays(today, EXPIRY_WINDOW_DAYS), pending }),
    countTransfersByDestinationAndCategory({ db, pending }),
    countTransferFlows({ db, pending }),
    countOpenFlagsPerDay({ db, today, days: TREND_DAYS, pending }),
    listReviewQueue({ db, limit: REVIEW_QUEUE_SIZE }),
    countTransfersAndTheirOpenFlags({ db, pending }),
  ]);
  return { pending, byStatus, openFlags, destinations, expiringAgreements, matrix, flows, trend, reviewQueue, transferTotals };
}

export type DashboardFigures = Awaited<ReturnType<typeof readDashboardFigures>>;
