import "server-only";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import type { EntitySort } from "../list-sorts";
import { entities, processingActivities, processors, transfers, type EntityRole } from "../schema";
import { isoTimestamp } from "./agreements-register";

/*
 * The organisation's legal entities: the one read model of the entity list (the organisation page and GET
 * /api/v1/entities, lib/api/contracts/entities.ts `entityListRow`), and what depends on an entity (the
 * processing activities it controls, the transfers it exports), which a delete must name.
 */

export type { EntitySort };

export interface ListEntitiesInput {
  db: Executor;
  page: number;
  pageSize: number;
  /** Searches the name and the legal name. */
  q?: string;
  country?: string;
  role?: EntityRole;
  sort?: EntitySort;
  direction?: "asc" | "desc";
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// drizzle writes a column of a one-table select unqualified ("id"), which inside the sub-query would bind to the
// sub-query's own table: the outer row is named explicitly.
const outerId = sql.raw(`"entities"."id"`);
const activityCount = sql<number>`(select count(*)::int from ${processingActivities} where ${processingActivities.controllerEntityId} = ${outerId})`;
const transferCount = sql<number>`(select count(*)::int from ${transfers} where ${transfers.exporterEntityId} = ${outerId})`;

export async function listEntities({ db, page, pageSize, q, country, role, sort = "name", direction = "asc" }: ListEntitiesInput) {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    conditions.push(or(ilike(entities.name, pattern), ilike(entities.legalName, pattern))!);
  }
  if (country) conditions.push(eq(entities.country, country));
  if (role) conditions.push(eq(entities.role, role));
  const where = conditions.length ? and(...conditions) : undefined;
  const sortColumn = {
    name: sql`lower(${entities.name})`,
    country: sql`${entities.country}`,
    role: sql`${entities.role}`,
    updatedAt: sql`${entities.updatedAt}`,
  }[sort];

  const [rows, totals] = await Promise.all([
    db
      .select({
        id: entities.id,
        name: entities.name,
        legalName: entities.legalName,
        country: entities.country,
        role: entities.role,
        address: entities.address,
        phone: entities.phone,
        dpoContact: entities.dpoContact,
        representativeContact: entities.representativeContact,
        ukRepresentativeContact: entities.ukRepresentativeContact,
        ciio: entities.ciio,
        version: entities.version,
        createdAt: isoTimestamp(entities.createdAt),
        updatedAt: isoTimestamp(entities.updatedAt),
        activityCount,
        transferCount,
      })
      .from(entities)
      .where(where)
      .orderBy(direction === "desc" ? desc(sortColumn) : asc(sortColumn), asc(entities.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(entities).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0, page, pageSize };
}

export type EntityListRow = Awaited<ReturnType<typeof listEntities>>["rows"][number];
export type EntityListPage = Awaited<ReturnType<typeof listEntities>>;

export interface EntityDependents {
  /** The processing activities it is the controller of, by name. */
  activities: { id: string; name: string }[];
  /** The transfers it exports: their recipient and route, as data for a page to write in its reader's language. */
  transfers: EntityDependentTransfer[];
}

export interface EntityDependentTransfer {
  id: string;
  processorName: string;
  /** ISO 3166-1 alpha-2 codes: a page names them with countryName(code, locale). */
  originCountry: string;
  destinationCountry: string;
}

/** What refers to the entity (the foreign keys that would refuse its delete), for the page and the 409. */
export async function listEntityDependents({ db, entityId, limit = 1000 }: { db: Executor; entityId: string; limit?: number }): Promise<EntityDependents> {
  const [activities, exported] = await Promise.all([
    db
      .select({ id: processingActivities.id, name: processingActivities.name })
      .from(processingActivities)
      .where(eq(processingActivities.controllerEntityId, entityId))
      .orderBy(asc(processingActivities.name), asc(processingActivities.id))
      .limit(limit),
    db
      .select({ id: transfers.id, processorName: processors.name, origin: transfers.originCountry, destination: transfers.destinationCountry })
      .from(transfers)
      .innerJoin(processors, eq(processors.id, transfers.processorId))
      .where(eq(transfers.exporterEntityId, entityId))
      .orderBy(asc(processors.name), asc(transfers.id))
      .limit(limit),
  ]);
  return {
    activities,
    transfers: exported.map((row) => ({
      id: row.id,
      processorName: row.processorName,
      originCountry: row.origin,
      destinationCountry: row.destination,
    })),
  };
}

/** The processors receiving the entity's transfers: whose flags its country or CIIO status feeds. */
export async function processorsOfEntity({ db, entityId }: { db: Executor; entityId: string }): Promise<string[]> {
  const rows = await db.selectDistinct({ id: transfers.processorId }).from(transfers).where(eq(transfers.exporterEntityId, entityId));
  return rows.map((row) => row.id);
}
