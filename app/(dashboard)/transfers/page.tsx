import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listDataCategories } from "@/db/queries/categories-register";
import { listProcessorOptions } from "@/db/queries/processors";
import { countTransfersByDestination, listTransfers } from "@/db/queries/transfers";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { labelColumns, visibleColumnIds } from "@/components/registers/columns";
import { transferKeys } from "@/components/transfers/register-query";
import { TRANSFER_COLUMNS } from "@/components/transfers/transfer-columns";
import { TransferFilters } from "@/components/transfers/transfer-filters";
import { TransfersTable } from "@/components/transfers/transfers-table";
import { transferFilters, transferListInput, transferPageQuery } from "@/lib/api/contracts/transfers";
import { requirePageActor } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("transfers");
  return { title: t("register.title") };
}

export default async function TransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageActor();
  const raw = await searchParams;
  const params = transferPageQuery.parse(raw);
  const filters = transferFilters(params);
  const visible = visibleColumnIds(params.cols, TRANSFER_COLUMNS);
  const database = db();
  const queryClient = getServerQueryClient();
  // The filters' options and the rows in one round: no read waits for another. The rows go under the key the
  // table reads, so the browser starts with them instead of asking for them again.
  const [destinations, processors, categories, t] = await Promise.all([
    countTransfersByDestination({ db: database }),
    listProcessorOptions({ db: database }),
    listDataCategories({ db: database }),
    getTranslations("transfers"),
    queryClient.prefetchQuery({
      queryKey: transferKeys.list(filters),
      queryFn: () => listTransfers({ db: database, ...transferListInput(filters) }),
    }),
  ]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("register.title")}</h1>
      <TransferFilters values={params} destinations={destinations} processors={processors} categories={categories} />
      <div className="flex justify-end">
        <ColumnChooser
          columns={labelColumns(TRANSFER_COLUMNS, (id) => t(`columns.${id}`))}
          visible={visible}
          basePath="/transfers"
          searchParams={raw}
          register="transfers"
        />
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TransfersTable filters={filters} visible={visible} searchParams={raw} />
      </HydrationBoundary>
    </div>
  );
}
