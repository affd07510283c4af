import type { Metadata } from "next";
import { db } from "@/db/client";
import { listDataCategories } from "@/db/queries/api-lists";
import { listProcessorOptions } from "@/db/queries/processors";
import { countTransfersByDestination, listTransfers } from "@/db/queries/transfers";
import { TransferFilters } from "@/components/transfers/transfer-filters";
import { TRANSFER_COLUMNS, TransfersTable } from "@/components/transfers/transfers-table";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { visibleColumnIds } from "@/components/registers/columns";
import { Pagination } from "@/components/ui/pagination";
import { requirePageActor } from "@/lib/auth/guard";
import { transferListParams } from "./params";

export const metadata: Metadata = { title: "Transfers" };
export const dynamic = "force-dynamic";

export default async function TransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageActor();
  const raw = await searchParams;
  const params = transferListParams.parse(raw);
  const visible = visibleColumnIds(typeof raw.cols === "string" ? raw.cols.slice(0, 500) : undefined, TRANSFER_COLUMNS);
  const database = db();
  const [{ rows, total }, destinations, processors, categories] = await Promise.all([
    listTransfers({
      db: database,
      page: params.page,
      pageSize: params.pageSize,
      q: params.q,
      destination: params.destination,
      mechanism: params.mechanism,
      encryption: params.encryption,
      status: params.status,
      processorId: params.processor,
      category: params.category,
      sensitive: params.sensitive === "1",
      severity: params.severity,
      sort: params.sort,
      direction: params.direction,
    }),
    countTransfersByDestination({ db: database }),
    listProcessorOptions({ db: database }),
    listDataCategories({ db: database }),
  ]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Transfers</h1>
      <TransferFilters values={{ ...params, cols: typeof raw.cols === "string" ? raw.cols.slice(0, 500) : undefined }} destinations={destinations} processors={processors} categories={categories} />
      <div className="flex justify-end">
        <ColumnChooser columns={TRANSFER_COLUMNS} visible={visible} basePath="/transfers" searchParams={raw} register="transfers" />
      </div>
      <TransfersTable rows={rows} sort={params.sort} direction={params.direction} searchParams={raw} visible={visible} />
      <Pagination page={params.page} pageSize={params.pageSize} total={total} basePath="/transfers" searchParams={raw} />
    </div>
  );
}
