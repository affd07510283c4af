import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { TransferFlagRow } from "@/db/queries/agreements-register";
import { FlagStatusBadge, SeverityBadge } from "@/components/flags/badges";
import { engineLang, flagMessage, langWhereDifferent } from "@/components/flags/lang";
import { enumLabel, flagRemediation } from "@/lib/labels";
import { appLocale, localeFormatters } from "./locale-format";

/**
 * The current flags of a set of transfers (an agreement's or an activity's): each with its why, its legal
 * citation and the remediation, and a link to the transfer where the DPO can act on it.
 */
export function TransferFlagsList({ flags, total, emptyText }: { flags: readonly TransferFlagRow[]; total?: number; emptyText: string }) {
  const t = useTranslations("registers.transferFlags");
  const locale = appLocale(useLocale());
  const { number } = localeFormatters(locale);
  if (flags.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <div className="space-y-2">
      <ul className="space-y-3" data-testid="transfer-flags">
        {flags.map((flag) => {
          const title = enumLabel("rule", flag.ruleId, locale);
          const remediation = flagRemediation(flag.ruleId, flag.remediation, locale);
          const message = flagMessage(flag, locale);
          return (
            <li key={flag.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="transfer-flag">
              <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                <SeverityBadge severity={flag.severity} />
                <FlagStatusBadge status={flag.status} />
                {title}
              </h3>
              {/* The engine words its finding in both languages; the citation it quotes is stored in English. */}
              <p className="mt-1" lang={message.lang}>
                {message.text}
              </p>
              <dl className="mt-2 grid gap-1 text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-3">
                <dt className="font-medium">{t("legalSource")}</dt>
                <dd lang={engineLang(locale)}>{flag.citation}</dd>
                <dt className="font-medium">{t("whatToDo")}</dt>
                <dd lang={langWhereDifferent(remediation.lang, locale)}>{remediation.text}</dd>
              </dl>
              <Link href={`/transfers/${flag.transferId}`} className="mt-2 inline-block text-brand-700 underline">
                {t("open")}
                <span className="sr-only"> {t("openFlagged", { rule: title })}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {total !== undefined && total > flags.length && <p className="text-sm text-slate-600">{t("worstOf", { shown: number(flags.length), total: number(total) })}</p>}
    </div>
  );
}
