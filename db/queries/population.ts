import "server-only";
import { sql, type SQL } from "drizzle-orm";

/*
 * Which records a figure counts, in the exports' words (lib/exports/catalog.ts PENDING_MODES):
 *   exclude  the register of record: approved transfers of approved vendors (what every export holds by default);
 *   include  with the records awaiting review too (draft, submitted): everything but what the DPO turned
 *            away, a rejected or offboarded vendor and a rejected or ended transfer.
 * The dashboard counts one of these, and each list it links to filters on the same one (`pending=`), so that
 * a figure and its list are one definition. Raw SQL on aliases of its own, so that a predicate can sit in
 * any query, whatever that query joins or how drizzle qualifies its columns.
 */
export type Population = "exclude" | "include";

/** A vendor's status inside the population. */
function processorStatusIn(pending: Population, column: SQL): SQL {
  return pending === "exclude" ? sql`${column} = 'approved'` : sql`${column} not in ('rejected', 'offboarded')`;
}

/** A transfer's own status inside the population. */
function transferStatusIn(pending: Population, column: SQL): SQL {
  return pending === "exclude" ? sql`${column} = 'approved'` : sql`${column} not in ('rejected', 'ended')`;
}

/** The transfer with this id (a column or a value) and its vendor are in the population. */
export function transferInPopulation(pending: Population, transferId: SQL): SQL {
  return sql`exists (select 1 from transfers pop_t join processors pop_p on pop_p.id = pop_t.processor_id
    where pop_t.id = ${transferId} and ${transferStatusIn(pending, sql`pop_t.status`)} and ${processorStatusIn(pending, sql`pop_p.status`)})`;
}

/** The vendor with this id is in the population. */
export function processorInPopulation(pending: Population, processorId: SQL): SQL {
  return sql`exists (select 1 from processors pop_p where pop_p.id = ${processorId} and ${processorStatusIn(pending, sql`pop_p.status`)})`;
}

/**
 * A flag (columns given as SQL, so that the caller names its table or alias) whose subject is in the
 * population: a transfer's with its vendor, a vendor's own, an agreement's by its vendor. A flag whose
 * subject is gone is in neither.
 */
export function flagInPopulation(pending: Population, subjectType: SQL, subjectId: SQL): SQL {
  return sql`(case ${subjectType}
    when 'transfer' then ${transferInPopulation(pending, subjectId)}
    when 'processor' then ${processorInPopulation(pending, subjectId)}
    when 'agreement' then exists (select 1 from safeguard_agreements pop_a join processors pop_ap on pop_ap.id = pop_a.processor_id
      where pop_a.id = ${subjectId} and ${processorStatusIn(pending, sql`pop_ap.status`)})
    else false end)`;
}
