import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import type { SafeguardAgreement } from "@/db/schema";
import type { AgreementState } from "@/db/list-sorts";
import { enumLabel } from "@/lib/labels";
import { isAgreementActive, isAgreementExpired } from "@/lib/rules/predicates";
import { TableScroll } from "@/components/ui/table-scroll";

type AgreementRow = SafeguardAgreement & { listedTransferCount?: number };

const STATE_TONE: Record<AgreementState, BadgeTone> = {
  active: "green",
  expired: "red",
  unsigned: "amber",
  not_yet_effective: "neutral",
};

/** The same definition of "active" as the rules (signed, effective, not expired), so the page and the flags agree. */
function agreementState(agreement: SafeguardAgreement, today: string): AgreementState {
  const facts = { ...agreement, transferIds: [] };
  if (isAgreementActive(facts, today)) return "active";
  if (isAgreementExpired(facts, today)) return "expired";
  if (agreement.signedDate === null || agreement.signedDate > today) return "unsigned";
  return "not_yet_effective";
}

/** Safeguard agreements: type, SCC module, dates, sub-processing and flow-down, document reference, coverage. */
export function AgreementsTable({ agreements, today, emptyText }: { agreements: readonly AgreementRow[]; today: string; emptyText: string }) {
  const t = useTranslations("agreements");
  const locale = appLocale(useLocale());
  const format = localeFormatters(locale);
  if (agreements.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;

  function coverage(agreement: AgreementRow): string {
    if (agreement.coversAllTransfers) return t("coverage.all");
    if (agreement.listedTransferCount === undefined) return t("coverage.listed");
    return t("coverage.listedCount", { count: agreement.listedTransferCount, number: format.number(agreement.listedTransferCount) });
  }

  return (
    <TableScroll label={t("table.label")} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="agreements-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("table.type")}</th>
            <th scope="col" className="px-4 py-2">{t("table.sccModule")}</th>
            <th scope="col" className="px-4 py-2">{t("table.signed")}</th>
            <th scope="col" className="px-4 py-2">{t("table.effective")}</th>
            <th scope="col" className="px-4 py-2">{t("table.expiry")}</th>
            <th scope="col" className="px-4 py-2">{t("table.state")}</th>
            <th scope="col" className="px-4 py-2">{t("table.subprocessing")}</th>
            <th scope="col" className="px-4 py-2">{t("table.covers")}</th>
            <th scope="col" className="px-4 py-2">{t("table.document")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {agreements.map((agreement) => {
            const state = agreementState(agreement, today);
            return (
              <tr key={agreement.id} data-testid="agreement-row" className="align-top">
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  {enumLabel("agreementType", agreement.type, locale)}
                </th>
                <td className="px-4 py-2">{agreement.sccModule ? enumLabel("sccModule", agreement.sccModule, locale) : "—"}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{format.date(agreement.signedDate)}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{format.date(agreement.effectiveDate)}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{agreement.expiryDate ? format.date(agreement.expiryDate) : t("noExpiry")}</td>
                <td className="px-4 py-2">
                  <Badge tone={STATE_TONE[state]}>{enumLabel("agreementState", state, locale)}</Badge>
                </td>
                <td className="px-4 py-2">{t("subprocessing", { permitted: String(agreement.permitsSubprocessing), flowDown: String(agreement.flowDown) })}</td>
                <td className="px-4 py-2">{coverage(agreement)}</td>
                <td className="px-4 py-2">{agreement.documentRef ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
