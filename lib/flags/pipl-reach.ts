import "server-only";
import type { Executor } from "@/db/client";
import { listMainlandExportsForCounting, mapPiplSensitiveCategories, type MainlandExportForCounting } from "@/db/queries/register";
import { emptyPiplTotals, isMainlandExport, piplTiers, piplTotalsByExporter, samePiplTiers } from "@/lib/rules/pipl";

/*
 * How far a transfer's write reaches through the PIPL counts. The counts are per exporting entity since
 * 1 January over every recipient (2024 Provisions Art. 7-8), and a finding states them as tiers (lib/rules/
 * pipl.ts, piplTiers): so the exporter's other mainland exports change only when the write moves a tier, and
 * only then are their recipients re-evaluated. An exporter with hundreds of export flows would otherwise have
 * all of them re-evaluated on every edit of one.
 */

/** A transfer as the write sequence holds it: the facts the PIPL counts read, and the keys of its data categories. */
export type TransferState = MainlandExportForCounting["transfer"] & { dataCategories: readonly string[] };

/**
 * The processors a transfer's change from `before` to `after` (null for a create or a delete) can move, asked
 * once the database holds `after`: its recipient before and after, and, for each exporter it is a mainland
 * export of, every recipient of that exporter's mainland exports when the change moves the exporter's tiers.
 */
export async function processorsAffectedByTransferChange({
  db,
  before,
  after,
  today,
}: {
  db: Executor;
  before: TransferState | null;
  after: TransferState | null;
  today: string;
}): Promise<string[]> {
  const states = [before, after].filter((state): state is TransferState => state !== null);
  const affected = new Set(states.map((state) => state.processorId));
  const exporters = [...new Set(states.filter(isMainlandExport).map((state) => state.exporterEntityId))];
  if (exporters.length === 0) return [...affected];

  // The exporters' mainland exports now (the write is made), and as they were: the same list with this
  // transfer as it was before.
  const now = await listMainlandExportsForCounting({ db, exporterEntityIds: exporters });
  const edited = states[0]!.id;
  const sensitivity = await mapPiplSensitiveCategories({ db, keys: before?.dataCategories ?? [] });
  const previously: MainlandExportForCounting[] = now.filter((row) => row.transfer.id !== edited);
  if (before !== null && isMainlandExport(before)) {
    previously.push({ transfer: before, categories: before.dataCategories.map((key) => ({ piplSensitive: sensitivity.get(key) ?? false })) });
  }
  const totalsNow = piplTotalsByExporter(now, today);
  const totalsBefore = piplTotalsByExporter(previously, today);
  for (const exporter of exporters) {
    const tiersNow = piplTiers(totalsNow.get(exporter) ?? emptyPiplTotals(today));
    const tiersBefore = piplTiers(totalsBefore.get(exporter) ?? emptyPiplTotals(today));
    if (samePiplTiers(tiersNow, tiersBefore)) continue;
    for (const row of now) if (row.transfer.exporterEntityId === exporter) affected.add(row.transfer.processorId);
  }
  return [...affected];
}
