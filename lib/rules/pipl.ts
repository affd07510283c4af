import { isMainlandChina } from "@/lib/jurisdictions/countries-of-concern";
import { PIPL_EXPORT_THRESHOLDS } from "@/lib/jurisdictions/pipl";
import { type IsoDate, isBefore } from "./iso-date";
import type { CategoryFacts, PiplExportTotals, TransferContext, TransferFacts } from "./types";

/*
 * PIPL export counting (2024 Provisions on Promoting and Regulating Cross-Border Data Flows, Art. 4, 5, 7, 8):
 * which transfers are exports of personal information from the mainland, which of them count toward the
 * thresholds, and the cumulative counts per exporting entity ("data handler") since 1 January. Shared by the
 * rules (transfer-rules.ts) and the snapshot (snapshot.ts), which builds the counts once per exporter.
 */

/** Data held in mainland China going abroad: Hong Kong and Macau are abroad for the PIPL (PIPL Art. 3, 38). */
export function isMainlandExport(transfer: Pick<TransferFacts, "originCountry" | "destinationCountry">): boolean {
  return isMainlandChina(transfer.originCountry) && !isMainlandChina(transfer.destinationCountry);
}

/** 1 January of today's year: the counts run "自当年1月1日起" (Art. 7(2), 8). */
export function piplYearStart(today: IsoDate): IsoDate {
  return `${today.slice(0, 4)}-01-01`;
}

type CountedFields = Pick<
  TransferFacts,
  "originCountry" | "destinationCountry" | "reExportOfForeignData" | "piplExemption" | "status" | "endDate"
>;

/**
 * Whether a transfer adds to its exporter's counts for the year starting `yearStart`: a mainland export, not
 * a re-export of data collected abroad (Art. 4) nor a flow under a claimed Art. 5 exemption (contract with the
 * individual, cross-border HR management, emergency: Art. 5 takes those flows out of the count), not
 * rejected, and not ended before 1 January. As for the DOJ window, a transfer marked ended without an end date
 * still counts (nothing proves it stopped before the year began), and planned flows count: the DPO sees the
 * threshold before the data moves.
 */
export function countsTowardPiplTotals(transfer: CountedFields, yearStart: IsoDate): boolean {
  if (!isMainlandExport(transfer)) return false;
  if (transfer.reExportOfForeignData || transfer.piplExemption !== null) return false;
  if (transfer.status === "rejected") return false;
  return transfer.endDate === null || !isBefore(transfer.endDate, yearStart);
}

/**
 * Which of the two counts a flow adds to. Sensitive and non-sensitive information are counted apart
 * (Art. 7(2) counts personal information "不含敏感个人信息" against 1,000,000 and sensitive against 10,000), so a
 * flow carrying both adds its people to both. A flow with no category recorded counts as non-sensitive.
 */
export function piplKinds(categories: readonly Pick<CategoryFacts, "piplSensitive">[]): { sensitive: boolean; nonSensitive: boolean } {
  let sensitive = false;
  let nonSensitive = categories.length === 0;
  for (const category of categories) {
    if (category.piplSensitive) sensitive = true;
    else nonSensitive = true;
  }
  return { sensitive, nonSensitive };
}

export interface PiplCountedTransfer {
  transfer: CountedFields & Pick<TransferFacts, "exporterEntityId" | "processorId" | "estimatedSubjects">;
  categories: readonly Pick<CategoryFacts, "piplSensitive">[];
}

/**
 * The counts of every exporter among `transfers`, in one pass: splitting a flow across recipients adds up
 * the same as one flow (the count is the handler's, not the recipient's).
 */
export function piplTotalsByExporter(transfers: Iterable<PiplCountedTransfer>, today: IsoDate): Map<string, PiplExportTotals> {
  const since = piplYearStart(today);
  const totals = new Map<string, { sensitiveCount: number; nonSensitiveCount: number; transferCount: number; recipients: Set<string> }>();
  for (const { transfer, categories } of transfers) {
    if (!countsTowardPiplTotals(transfer, since)) continue;
    let sum = totals.get(transfer.exporterEntityId);
    if (sum === undefined) {
      sum = { sensitiveCount: 0, nonSensitiveCount: 0, transferCount: 0, recipients: new Set() };
      totals.set(transfer.exporterEntityId, sum);
    }
    const people = Math.max(0, transfer.estimatedSubjects);
    const kinds = piplKinds(categories);
    if (kinds.sensitive) sum.sensitiveCount += people;
    if (kinds.nonSensitive) sum.nonSensitiveCount += people;
    sum.transferCount += 1;
    sum.recipients.add(transfer.processorId);
  }
  const result = new Map<string, PiplExportTotals>();
  for (const [exporterId, sum] of totals) {
    result.set(exporterId, {
      since,
      sensitiveCount: sum.sensitiveCount,
      nonSensitiveCount: sum.nonSensitiveCount,
      transferCount: sum.transferCount,
      recipientCount: sum.recipients.size,
    });
  }
  return result;
}

/**
 * Where the counts stand against the thresholds (2024 Provisions Art. 5(4), 7(2), 8): the sensitive count is
 * none, under 10,000 or 10,000 or more; the other count under 100,000, under 1,000,000 or 1,000,000 or more.
 * The route a transfer needs depends on the counts only through these tiers, and a finding states the tiers,
 * not the running totals: so a transfer's edit changes the findings of its exporter's other transfers only
 * when it moves a tier (lib/flags/pipl-reach.ts re-evaluates them then, and only then).
 */
export interface PiplTiers {
  sensitive: "none" | "under_10000" | "10000_or_more";
  nonSensitive: "under_100000" | "100000_to_999999" | "1000000_or_more";
}

export function piplTiers(totals: Pick<PiplExportTotals, "sensitiveCount" | "nonSensitiveCount">): PiplTiers {
  const { cacSensitive, cacNonSensitive, contractNonSensitive } = PIPL_EXPORT_THRESHOLDS;
  return {
    sensitive: totals.sensitiveCount >= cacSensitive ? "10000_or_more" : totals.sensitiveCount > 0 ? "under_10000" : "none",
    nonSensitive:
      totals.nonSensitiveCount >= cacNonSensitive
        ? "1000000_or_more"
        : totals.nonSensitiveCount >= contractNonSensitive
          ? "100000_to_999999"
          : "under_100000",
  };
}

export function samePiplTiers(a: PiplTiers, b: PiplTiers): boolean {
  return a.sensitive === b.sensitive && a.nonSensitive === b.nonSensitive;
}

export function emptyPiplTotals(today: IsoDate): PiplExportTotals {
  return { since: piplYearStart(today), sensitiveCount: 0, nonSensitiveCount: 0, transferCount: 0, recipientCount: 0 };
}

/**
 * The exporter's counts as the context carries them; a context built for one transfer alone (a test, the DOJ
 * report) carries none, and then only this transfer counts.
 */
export function piplTotalsOf(ctx: Pick<TransferContext, "today" | "transfer" | "categories" | "piplAggregate">): PiplExportTotals {
  if (ctx.piplAggregate !== undefined) return ctx.piplAggregate;
  return (
    piplTotalsByExporter([{ transfer: ctx.transfer, categories: ctx.categories }], ctx.today).get(ctx.transfer.exporterEntityId) ??
    emptyPiplTotals(ctx.today)
  );
}
