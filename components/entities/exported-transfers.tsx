import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { EntityDependentTransfer } from "@/db/queries/entities";
import { appLocale } from "@/components/registers/locale-format";
import { countryName } from "@/lib/labels";

/**
 * The transfers an entity exports, each by its recipient and route with the countries named in the reader's
 * language ("Acme Cloud : Allemagne → États-Unis"), never as their codes.
 */
export function ExportedTransfers({ transfers }: { transfers: Pick<EntityDependentTransfer, "id" | "processorName" | "originCountry" | "destinationCountry">[] }) {
  const t = useTranslations("entities.detail");
  const locale = appLocale(useLocale());
  if (transfers.length === 0) return <p className="text-sm text-slate-600">{t("noDependent")}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="entity-transfers">
      {transfers.map((transfer) => (
        <li key={transfer.id}>
          <Link href={`/transfers/${transfer.id}`} className="text-brand-700 underline">
            {t("transferRoute", {
              processor: transfer.processorName,
              origin: countryName(transfer.originCountry, locale),
              destination: countryName(transfer.destinationCountry, locale),
            })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
