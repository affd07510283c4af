import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { CATEGORY_SORTS, type CategoryClassification, type CategorySort } from "../list-sorts";
import { dataCategories, transferDataCategories } from "../schema";

/*
 * The data-category register, the one read model of the taxonomy's list (GET /api/v1/data-categories and the
 * register page): in key order (a parent right before its children, so the page can indent it as a tree),
 * each category with its classifications and how many transfers carry it.
 */

export type { CategoryClassification, CategorySort };

export interface ListCategoryRegisterInput {
  db: Executor;
  /** Without page and pageSize: every matching category (the taxonomy is a few hundred keys). */
  page?: number;
  pageSize?: number;
  /** Searches the key, the name and the description. */
  q?: string;
  /**
   * With q: keys that match too, found by the caller in names the database does not hold (the taxonomy's French
   * names, lib/categories/register.ts), as the flag search takes the rules whose titles match.
   */
  searchKeys?: readonly string[];
  /** true: sensitive under at least one regime; false: under none. */
  sensitive?: boolean;
  classification?: CategoryClassification;
  sort?: CategorySort;
  direction?: "asc" | "desc";
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const dc = dataCategories;
const CLASSIFIED: Record<CategoryClassification, SQL> = {
  gdpr_special: sql`${dc.gdprSpecial}`,
  ccpa_sensitive: sql`${dc.ccpaSensitive}`,
  pipl_sensitive: sql`${dc.piplSensitive}`,
  doj_covered: sql`${dc.dojCategory} <> 'none'`,
};
const isSensitive = sql`(${dc.gdprSpecial} or ${dc.ccpaSensitive} or ${dc.piplSensitive} or ${dc.dojCategory} <> 'none')`;

/** The search (key, name, description, or one of the keys found by name elsewhere), sensitivity and classification filters of both lists. */
function categoryFilter({ q, searchKeys = [], sensitive, classification }: Pick<ListCategoryRegisterInput, "q" | "searchKeys" | "sensitive" | "classification">): SQL | undefined {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    const matches = [ilike(dc.key, pattern), ilike(dc.name, pattern), ilike(dc.description, pattern)];
    if (searchKeys.length) matches.push(inArray(dc.key, [...searchKeys]));
    conditions.push(or(...matches)!);
  }
  if (sensitive === true) conditions.push(isSensitive);
  if (sensitive === false) conditions.push(sql`not ${isSensitive}`);
  if (classification) conditions.push(CLASSIFIED[classification]);
  return conditions.length ? and(...conditions) : undefined;
}

/**
 * Transfers carrying the category or one of its descendants: the same match as the transfer register's
 * category filter, so the count equals the rows behind its link. A key's segments are [a-z0-9_]; `_` is a
 * LIKE wildcard, hence the escaped prefix.
 */
const transferCount = sql<number>`(select count(distinct ${transferDataCategories.transferId})::int from ${transferDataCategories}
  where ${transferDataCategories.categoryKey} = ${dc.key}
     or ${transferDataCategories.categoryKey} like replace(${dc.key}, '_', '\\_') || '.%')`;

/**
 * One page of the register, or every matching row when neither page nor pageSize is given (then `page` and
 * `pageSize` are undefined in the answer). Timestamps as ISO strings: a row read on the server and one
 * fetched by the browser are the same value.
 */
export async function listCategoryRegister({
  db,
  page: pageAsked,
  pageSize: pageSizeAsked,
  q,
  searchKeys,
  sensitive,
  classification,
  sort = CATEGORY_SORTS[0],
  direction = "asc",
}: ListCategoryRegisterInput) {
  const paged = pageAsked !== undefined || pageSizeAsked !== undefined;
  const page = paged ? (pageAsked ?? 1) : undefined;
  const pageSize = paged ? (pageSizeAsked ?? 20) : undefined;
  const where = categoryFilter({ q, searchKeys, sensitive, classification });
  const sortColumn = { key: sql`${dc.key}`, name: sql`lower(${dc.name})`, transfers: transferCount }[sort];

  const ordered = db
    .select({
      key: dc.key,
      parentKey: dc.parentKey,
      name: dc.name,
      description: dc.description,
      gdprSpecial: dc.gdprSpecial,
      ccpaCategory: dc.ccpaCategory,
      ccpaSensitive: dc.ccpaSensitive,
      piplSensitive: dc.piplSensitive,
      dojCategory: dc.dojCategory,
      dojIdentifierKind: dc.dojIdentifierKind,
      version: dc.version,
      createdAt: dc.createdAt,
      updatedAt: dc.updatedAt,
      transferCount,
    })
    .from(dc)
    .where(where)
    .orderBy(direction === "desc" ? desc(sortColumn) : asc(sortColumn), asc(dc.key))
    .$dynamic();
  const [rows, totals] = await Promise.all([
    page !== undefined && pageSize !== undefined ? ordered.limit(pageSize).offset((page - 1) * pageSize) : ordered,
    db.select({ total: sql<number>`count(*)::int` }).from(dc).where(where),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() })),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}

/**
 * The categories as stored, in key order, without the register's transfer counts: the options of the
 * transfer register's category filter (a cheap read on every transfer page).
 */
export async function listDataCategories({ db, q, searchKeys, sensitive }: { db: Executor; q?: string; searchKeys?: readonly string[]; sensitive?: boolean }) {
  return db.select().from(dc).where(categoryFilter({ q, searchKeys, sensitive })).orderBy(asc(dc.key));
}

export async function getDataCategory({ db, key }: { db: Executor; key: string }) {
  return (await db.select().from(dataCategories).where(eq(dataCategories.key, key)).limit(1))[0];
}

export type CategoryRegisterRow = Awaited<ReturnType<typeof listCategoryRegister>>["rows"][number];

/** One category with the transfers carrying it (or a descendant) and its direct children; undefined when the key is unknown. */
export async function getCategoryDetail({ db, key }: { db: Executor; key: string }) {
  const [found, children] = await Promise.all([
    db.select({ category: dc, transferCount }).from(dc).where(eq(dc.key, key)).limit(1),
    db.select({ key: dc.key, name: dc.name }).from(dc).where(eq(dc.parentKey, key)).orderBy(asc(dc.key)),
  ]);
  const row = found[0];
  return row ? { category: row.category, transferCount: row.transferCount, children } : undefined;
}
