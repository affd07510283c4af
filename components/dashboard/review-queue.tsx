import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReviewQueueItem } from "@/db/queries/dashboard";
import type { Formatters } from "@/lib/format/locale";
import { TableScroll } from "@/components/ui/table-scroll";

/** The latest vendors waiting for the DPO; the review itself happens on /review. */
export function ReviewQueue({ items, format }: { items: readonly ReviewQueueItem[]; format: Formatters }) {
  const t = useTranslations("dashboard");
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("queue.empty")}</p>;
  return (
    <TableScroll label={t("queue.heading")}>
      <table className="min-w-full text-sm" data-testid="review-queue">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="p-2 font-medium">{t("queue.vendor")}</th>
            <th scope="col" className="p-2 font-medium">{t("queue.submittedBy")}</th>
            <th scope="col" className="p-2 font-medium">{t("queue.submitted")}</th>
            <th scope="col" className="p-2 text-right font-medium">{t("queue.openFlags")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className="border-t border-slate-200">
              <td className="p-2">
                <Link href="/review" className="text-brand-700 underline">
                  {item.name}
                </Link>
              </td>
              <td className="p-2">{item.submittedBy ?? "—"}</td>
              <td className="p-2">{item.submittedAt ? format.date(item.submittedAt) : "—"}</td>
              <td className="p-2 text-right tabular-nums">{format.number(item.openFlags)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
