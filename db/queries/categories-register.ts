import "server-only";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { dataCategories, transferDataCategories } from "../schema";

/*
 * The data-category register: the taxonomy in key order (a parent right before its children, so the page
 * can indent it as a tree), with each category's classifications and how many transfers carry it.
 */

/** One regime's "sensitive" marker (DOMAIN.md §2). */
export type CategoryClassification = "gdpr_special" | "ccpa_sensitive" | "pipl_sensitive" | "doj_covered";
export type CategorySort = "key" | "name" | "transfers";

export interface ListCategoryRegisterInput {
  db: Executor;
  page: number;
  pageSize: number;
  /** Searches the key, the name and the description. */
  q?: string;
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

/**
 * Transfers carrying the category or one of its descendants: the same match as the transfer register's
 * category filter, so the count equals the rows behind its link. A key's segments are [a-z0-9_]; `_` is a
 * LIKE wildcard, hence the escaped prefix.
 */
const transferCount = sql<number>`(select count(distinct ${transferDataCategories.transferId})::int from ${transferDataCategories}
  where ${transferDataCategories.categoryKey} = ${dc.key}
     or ${transferDataCategories.categoryKey} like replace(${dc.key}, '_', '\\_') || '.%')`;

export async function listCategoryRegister({ db, page, pageSize, q, sensitive, classification, sort = "key", direction = "asc" }: ListCategoryRegisterInput) {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${escapeLike(q.trim())}%`;
    conditions.push(or(ilike(dc.key, pattern), ilike(dc.name, pattern), ilike(dc.description, pattern))!);
  }
  if (sensitive === true) conditions.push(isSensitive);
  if (sensitive === false) conditions.push(sql`not ${isSensitive}`);
  if (classification) conditions.push(CLASSIFIED[classification]);
  const where = conditions.length ? and(...conditions) : undefined;
  const sortColumn = { key: sql`${dc.key}`, name: sql`lower(${dc.name})`, transfers: transferCount }[sort];

  const [rows, totals] = await Promise.all([
    db
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
        dojListedIdentifier: dc.dojListedIdentifier,
        transferCount,
      })
      .from(dc)
      .where(where)
      .orderBy(direction === "desc" ? desc(sortColumn) : asc(sortColumn), asc(dc.key))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(dc).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0, page, pageSize };
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
