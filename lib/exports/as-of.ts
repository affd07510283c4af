import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { AppError } from "@/lib/errors";

/**
 * Register tables rebuilt from the audit trail, with the audit record type whose snapshots fill them.
 * Audit snapshots are drizzle rows (camelCase keys); the rebuild converts keys to the snake_case columns.
 *
 * Not yet rebuilt (read live inside fn): transfer_data_categories, agreement_transfers, entities and
 * flags — their write paths do not yet record complete snapshots in the audit trail.
 */
const AUDITED_TABLES = [
  { table: "processors", recordType: "processor" },
  { table: "transfers", recordType: "transfer" },
  { table: "safeguard_agreements", recordType: "agreement" },
  { table: "processing_activities", recordType: "activity" },
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
 * Runs fn with a reader on which the register tables read as they stood at the end of `asOf` (UTC),
 * including records deleted since. Temporary tables named like the real ones shadow them (pg_temp is
 * searched before public) inside one transaction; they are dropped before it ends, so live data is
 * never touched. The "latest event per record before the cut-off" selection runs in SQL, so the audit
 * log never passes through JS memory.
 */
export async function withRegisterAsOf<T>(
  db: Executor,
  asOf: string,
  fn: (reader: Executor) => Promise<T>,
): Promise<T> {
  const cutoff = endOfDayUtc(asOf).toISOString();
  return db.transaction(async (tx) => {
    for (const { table, recordType } of AUDITED_TABLES) {
      await tx.execute(sql.raw(`create temp table ${table} (like public.${table} including defaults)`));
      await tx.execute(sql`
        insert into ${sql.raw(`pg_temp.${table}`)}
        select (jsonb_populate_record(null::${sql.raw(`pg_temp.${table}`)}, snake.row)).*
        from (
          select distinct on (record_id) after
          from audit_events
          where record_type = ${recordType} and occurred_at < ${cutoff}::timestamptz
          order by record_id, id desc
        ) latest
        cross join lateral (
          select jsonb_object_agg(lower(regexp_replace(key, '([A-Z])', '_\\1', 'g')), value) as row
          from jsonb_each(latest.after)
        ) snake
        where latest.after is not null`);
    }
    const result = await fn(tx);
    for (const { table } of AUDITED_TABLES) await tx.execute(sql.raw(`drop table pg_temp.${table}`));
    return result;
  });
}
