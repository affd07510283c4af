import "server-only";
import { and, asc, desc, eq, getTableColumns, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { agreementTransfers, processors, safeguardAgreements, users, type RecordStatus } from "../schema";
import type { ProcessorService } from "../schema/enums";
import type { ProcessorSort } from "../list-sorts";
import { processorInPopulation, type Population } from "./population";


export interface ListProcessorsInput {
  db: Executor;
  page: number;
  pageSize: number;
  q?: string;
  status?: RecordStatus;
  country?: string;
  service?: ProcessorService;
  sort?: ProcessorSort;
  direction?: "asc" | "desc";
}

const SORT_COLUMNS = {
  name: processors.normalizedName,
  country: processors.country,
  service: processors.service,
  status: processors.status,
  updatedAt: processors.updatedAt,
} as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of processors with their transfer count and open-flag summary; total for the pager. */
export async function listProcessors({ db, page, pageSize, q, status, country, service, sort = "name", direction = "asc" }: ListProcessorsInput) {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    conditions.push(or(ilike(processors.name, pattern), ilike(processors.legalName, pattern), ilike(processors.website, pattern))!);
  }
  if (status) conditions.push(eq(processors.status, status));
  if (country) conditions.push(eq(processors.country, country));
  if (service) conditions.push(eq(processors.service, service));
  const where = conditions.length ? and(...conditions) : undefined;
  const order = direction === "desc" ? desc(SORT_COLUMNS[sort]) : asc(SORT_COLUMNS[sort]);

  const [rows, totals] = await Promise.all([
    db
      .select({
        id: processors.id,
        name: processors.name,
        legalName: processors.legalName,
        country: processors.country,
        role: processors.role,
        service: processors.service,
        status: processors.status,
        dpfCertified: processors.dpfCertified,
        dpfUkExtension: processors.dpfUkExtension,
        // ISO text, not a Date: the row crosses the wire to the browser's query cache as JSON. Milliseconds kept,
        // so the API answers the same text it did when this was a Date serialized by JSON.stringify.
        updatedAt: sql<string>`to_char(${processors.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        // Correlated sub-queries run only for the page's rows, after the limit. Written with the outer table
        // named in full: a select from one table renders its columns unqualified ("id"), which inside the
        // sub-query binds to the sub-query's own table (transfers.id, flags.id), and every count was 0.
        transferCount: sql<number>`(select count(*)::int from transfers sub_t where sub_t.processor_id = "processors"."id")`,
        openFlagCount: sql<number>`(select count(*)::int from flags sub_f where sub_f.processor_id = "processors"."id" and sub_f.status = 'open')`,
      })
      .from(processors)
      .where(where)
      .orderBy(order, asc(processors.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(processors).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0, page, pageSize };
}

export type ProcessorListRow = Awaited<ReturnType<typeof listProcessors>>["rows"][number];

export async function countProcessorsByStatus({ db }: { db: Executor }) {
  return db
    .select({ status: processors.status, count: sql<number>`count(*)::int` })
    .from(processors)
    .groupBy(processors.status);
}

const parentProcessors = alias(processors, "parent_processors");

/** One processor with its owner's name and its parent's name; undefined when the id is unknown. */
export async function getProcessorDetail({ db, id }: { db: Executor; id: string }) {
  const rows = await db
    .select({
      processor: processors,
      ownerName: users.name,
      ownerEmail: users.email,
      parentName: parentProcessors.name,
    })
    .from(processors)
    .leftJoin(users, eq(users.id, processors.ownerUserId))
    .leftJoin(parentProcessors, eq(parentProcessors.id, processors.parentProcessorId))
    .where(eq(processors.id, id))
    .limit(1);
  return rows[0];
}

export type ProcessorDetail = NonNullable<Awaited<ReturnType<typeof getProcessorDetail>>>;

/** The sub-processors a processor engaged (direct children only). */
export async function listSubProcessors({ db, parentProcessorId }: { db: Executor; parentProcessorId: string }) {
  return db
    .select({
      id: processors.id,
      name: processors.name,
      country: processors.country,
      service: processors.service,
      status: processors.status,
    })
    .from(processors)
    .where(eq(processors.parentProcessorId, parentProcessorId))
    .orderBy(asc(processors.normalizedName), asc(processors.id));
}

/** A processor's safeguard agreements, with how many transfers an agreement lists when it does not cover all. */
export async function listAgreementsByProcessor({ db, processorId }: { db: Executor; processorId: string }) {
  return db
    .select({
      ...getTableColumns(safeguardAgreements),
      listedTransferCount: sql<number>`(select count(*)::int from ${agreementTransfers} where ${agreementTransfers.agreementId} = ${safeguardAgreements.id})`,
    })
    .from(safeguardAgreements)
    .where(eq(safeguardAgreements.processorId, processorId))
    .orderBy(asc(safeguardAgreements.type), desc(safeguardAgreements.expiryDate), asc(safeguardAgreements.id));
}

/**
 * Agreements whose expiry date falls between `from` and `until`, both included (ISO dates): the agreement
 * register's `expiresWithinDays` (db/queries/agreements-register.ts), so that the dashboard's card and the list
 * it links to count the same rows; with `pending`, only agreements of vendors in that population.
 */
export async function countAgreementsExpiring({ db, from, until, pending }: { db: Executor; from: string; until: string; pending?: Population }): Promise<number> {
  const rows = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(safeguardAgreements)
    .where(
      and(
        gte(safeguardAgreements.expiryDate, from),
        lte(safeguardAgreements.expiryDate, until),
        pending ? processorInPopulation(pending, sql`${safeguardAgreements.processorId}`) : undefined,
      ),
    );
  return rows[0]?.count ?? 0;
}

/** Processors for a filter's select, by name; `limit` bounds the list on a large register. */
export async function listProcessorOptions({ db, limit = 200 }: { db: Executor; limit?: number }) {
  return db
    .select({ id: processors.id, name: processors.name })
    .from(processors)
    .orderBy(asc(processors.normalizedName), asc(processors.id))
    .limit(limit);
}
