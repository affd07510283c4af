import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { NoticeFindingRow } from "@/db/queries/notices";
import { SeverityBadge } from "@/components/flags/badges";
import { appLocale } from "@/components/registers/locale-format";
import { enumLabel, flagRemediation } from "@/lib/labels";

/** The register record a finding is about: a transfer's page, a processor's page, an activity's page. */
function subjectHref(row: Pick<NoticeFindingRow, "subjectType" | "subjectId">): string | null {
  switch (row.subjectType) {
    case "transfer":
      return `/transfers/${row.subjectId}`;
    case "processor":
      return `/processors/${row.subjectId}`;
    case "activity":
      return `/activities/${row.subjectId}`;
    default:
      return null;
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The notice findings, worst first: the rule, the finding in the reader's language, the notice's own words with
 * their section, and a link to the register record that contradicts them.
 */
export async function NoticeFindings({ rows }: { rows: readonly NoticeFindingRow[] }) {
  const [t, locale] = await Promise.all([getTranslations("notice"), getLocale().then(appLocale)]);
  if (rows.length === 0) return <p className="text-sm text-slate-700" data-testid="notice-findings-empty">{t("findings.none")}</p>;
  return (
    <ul className="space-y-3" data-testid="notice-findings">
      {rows.map((row) => {
        const french = locale === "fr" && row.messageFr !== "";
        const quote = text(locale === "fr" ? row.facts.noticeQuoteFr || row.facts.noticeQuote : row.facts.noticeQuote);
        const section = text(locale === "fr" ? row.facts.noticeSectionFr || row.facts.noticeSection : row.facts.noticeSection);
        const remediation = flagRemediation(row.ruleId, row.remediation, locale);
        const href = subjectHref(row);
        return (
          <li key={row.id} className="rounded border border-slate-200 p-3 text-sm" data-testid="notice-finding" data-rule={row.ruleId} data-status={row.status}>
            <div className="flex flex-wrap items-center gap-2">
              <SeverityBadge severity={row.severity} />
              <span className="font-semibold">{enumLabel("rule", row.ruleId, locale)}</span>
              {row.status === "accepted" ? <span className="text-xs text-slate-600">{enumLabel("flagStatus", "accepted", locale)}</span> : null}
            </div>
            <p className="mt-1" lang={french || locale === "en" ? undefined : "en"}>
              {french ? row.messageFr : row.message}
            </p>
            {quote ? (
              <p className="mt-1 text-slate-700">
                {t("findings.noticeSays")} <q>{quote.replace(/^“|”$/g, "")}</q> ({t("findings.section", { section })})
              </p>
            ) : null}
            <p className="mt-1 text-slate-700" lang={remediation.lang === locale ? undefined : remediation.lang}>
              {remediation.text}
            </p>
            <p className="mt-1 text-xs text-slate-600">
              <span lang="en">{row.citation}</span>
              {href ? (
                <>
                  {" · "}
                  <Link href={href} className="text-brand-700 underline">
                    {t("findings.open", { subject: enumLabel("flagSubjectType", row.subjectType, locale).toLocaleLowerCase(locale) })}
                  </Link>
                </>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
