import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import type { CcpaCategory } from "../schema";

/*
 * The CCPA 12-month disclosure (Cal. Civ. Code 1798.130(a)(5), 1798.110(c), 1798.115(c)): per category A-L,
 * what the register's flows of California consumers' data show over the 12 months before the report date.
 *
 * The register records personal information where it flows (a transfer carries data categories, for a
 * processing activity, to a recipient), so "collected" means carried by at least one such flow in the window.
 * California consumers: transfers whose subject regions include US-CA or US. The activity's disclosure type
 * says how each recipient receives it: for a business purpose, sold (a sale, or data brokerage, which is a
 * sale: 1798.140(ad)), or shared for cross-context behavioural advertising (1798.140(ah)).
 * Category L (sensitive personal information, 1798.140(ae)) gathers every category marked CCPA-sensitive,
 * whatever its own letter.
 *
 * One GROUP BY in the database: at most twelve rows come back, whatever the register's size.
 */

export interface CcpaAggregateRow {
  letter: CcpaCategory;
  dataCategories: string | null;
  dataCategoryKeys: string | null;
  sensitive: boolean;
  sources: string | null;
  purposes: string | null;
  businessPurposeRecipients: string | null;
  saleRecipients: string | null;
  sharingRecipients: string | null;
  transferCount: number;
  /** With pending records included: the unapproved recipients or transfers behind this row. */
  pendingRecipients: string | null;
}

interface RawRow {
  letter: CcpaCategory;
  data_categories: string | null;
  data_category_keys: string | null;
  sensitive: boolean;
  sources: string | null;
  purposes: string | null;
  business_purpose_recipients: string | null;
  sale_recipients: string | null;
  sharing_recipients: string | null;
  transfer_count: number | string;
  pending_recipients: string | null;
}

export async function aggregateCcpaDisclosure({
  db,
  windowStart,
  today,
  includePending,
}: {
  db: Executor;
  /** First day of the 12-month window (lib/rules twelveMonthsBefore). */
  windowStart: string;
  /** Last day of the window: the report's as-of date. */
  today: string;
  includePending: boolean;
}): Promise<CcpaAggregateRow[]> {
  const scope = includePending ? sql`t.status <> 'rejected'` : sql`t.status = 'approved' and p.status = 'approved'`;
  const recipientKind = sql.raw(`p.service::text || ' (' || p.role::text || ')'`);
  const agg = (value: ReturnType<typeof sql.raw>, filter = sql`true`) =>
    sql`string_agg(distinct ${value}, '; ' order by ${value}) filter (where ${filter})`;
  const result = await db.execute(sql`
    select l.letter,
      ${agg(sql.raw("dc.name"))} as data_categories,
      ${agg(sql.raw("dc.key"))} as data_category_keys,
      bool_or(dc.ccpa_sensitive) as sensitive,
      ${agg(sql.raw("a.source"))} as sources,
      ${agg(sql.raw(`a.name || ': ' || a.purpose`))} as purposes,
      ${agg(recipientKind, sql`a.disclosure_type = 'business_purpose'`)} as business_purpose_recipients,
      ${agg(recipientKind, sql`a.disclosure_type in ('sale', 'data_brokerage')`)} as sale_recipients,
      ${agg(recipientKind, sql`a.disclosure_type = 'sharing'`)} as sharing_recipients,
      count(distinct t.id)::int as transfer_count,
      ${agg(sql.raw(`p.name || ' (recipient ' || p.status::text || ', transfer ' || t.status::text || ')'`), sql`not (t.status = 'approved' and p.status = 'approved')`)} as pending_recipients
    from transfers t
      join processors p on p.id = t.processor_id
      join processing_activities a on a.id = t.activity_id
      join transfer_data_categories tdc on tdc.transfer_id = t.id
      join data_categories dc on dc.key = tdc.category_key
      cross join lateral unnest(array_remove(array[dc.ccpa_category::text, case when dc.ccpa_sensitive then 'L' end], null)) as l(letter)
    where ${scope}
      and t.subject_regions && array['US-CA', 'US']::text[]
      and (t.end_date is null or t.end_date >= ${windowStart}::date)
      and (t.start_date is null or t.start_date <= ${today}::date)
    group by l.letter
    order by l.letter`);
  return (result as unknown as { rows: RawRow[] }).rows.map((raw) => ({
    letter: raw.letter,
    dataCategories: raw.data_categories,
    dataCategoryKeys: raw.data_category_keys,
    sensitive: Boolean(raw.sensitive),
    sources: raw.sources,
    purposes: raw.purposes,
    businessPurposeRecipients: raw.business_purpose_recipients,
    saleRecipients: raw.sale_recipients,
    sharingRecipients: raw.sharing_recipients,
    transferCount: Number(raw.transfer_count),
    pendingRecipients: raw.pending_recipients,
  }));
}
