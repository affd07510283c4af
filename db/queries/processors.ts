import "server-only";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { flags, processors, transfers, type RecordStatus } from "../schema";
import type { ProcessorSort } from "@/lib/processors/list-sorts";


export interface ListProcessorsInput {
  db: Executor;
  page: number;
  pageSize: number;
  q?: string;
  status?: RecordStatus;
  country?: string;
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
export async function listProcessors({ db, page, pageSize, q, status, country, sort = "name", direction = "asc" }: ListProcessorsInput) {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    conditions.push(or(ilike(processors.name, pattern), ilike(processors.legalName, pattern), ilike(processors.website, pattern))!);
  }
  if (status) conditions.push(eq(processors.status, status));
  if (country) conditions.push(eq(processors.country, country));
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
        updatedAt: processors.updatedAt,
        // Correlated sub-queries run only for the page's rows, after the limit.
        transferCount: sql<number>`(select count(*)::int from ${transfers} where ${transfers.processorId} = ${processors.id})`,
        openFlagCount: sql<number>`(select count(*)::int from ${flags} where ${flags.processorId} = ${processors.id} and ${flags.status} = 'open')`,
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
