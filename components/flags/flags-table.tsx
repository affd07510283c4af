import { clsx } from "clsx";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { Badge } from "@/components/ui/badge";
import { TableScroll } from "@/components/ui/table-scroll";
import type { FlagStatusFilter } from "@/lib/api/contracts/flags";
import type { FlagListRow } from "@/lib/flags/register";
import { enumLabel } from "@/lib/labels";
import { AcceptRiskForm } from "./accept-risk-form";
import { BULK_ACCEPT_FORM_ID, bulkSelectionValue } from "./bulk-selection";
import type { FlagListAcceptance } from "./flag-list";
import { FlagStatusBadge, SeverityBadge } from "./badges";
import { FactText } from "./fact-text";
import { formatLocalDate, messageParts } from "./format";
import { flagMessage } from "./lang";
import { ruleTitle } from "./rules";
import { flagSubject, type FlagsTranslator } from "./subject";

/**
 * One page of the flag register. `acceptance` (DPO only) adds an "Accept risk" control to each open flag and a
 * checkbox that selects it for the bulk form (BulkAcceptForm, rendered above it by FlagsRegister). `busy`
 * dims the rows while the ones matching new filters are on their way. On the Accepted tab (`view`), each risk
 * says who accepted it and when, why, and until when, and that it has expired once that date has passed. Every
 * row names its assignee and due date (overdue once `today` is past it, for an open flag); the rule's title opens
 * the flag's own page.
 */
export function FlagsTable({
  rows,
  view,
  acceptance,
  busy = false,
  today,
}: {
  rows: readonly FlagListRow[];
  view: FlagStatusFilter;
  acceptance?: FlagListAcceptance;
  busy?: boolean;
  /** YYYY-MM-DD: a due date before it is overdue. */
  today?: string;
}) {
  const t = useTranslations("flags");
  const locale = useUiLocale();
  const accepted = view === "accepted";
  const columns = 8 + (acceptance ? 2 : 0) + (accepted ? 3 : 0);
  const expiredBadge = (
    <span className="ml-1" data-testid="acceptance-expired">
      <Badge tone="red">{t("table.expired")}</Badge>
    </span>
  );
  return (
    <TableScroll label={t("table.label")} className="rounded-lg border border-slate-200 bg-white">
      <table
        className={clsx("min-w-full divide-y divide-slate-200 text-sm transition-opacity", busy && "opacity-60")}
        aria-busy={busy}
        data-testid="flags-table"
      >
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {acceptance && (
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">{t("table.select")}</span>
              </th>
            )}
            <th scope="col" className="px-4 py-2">{t("table.severity")}</th>
            <th scope="col" className="px-4 py-2">{t("table.rule")}</th>
            <th scope="col" className="px-4 py-2">{t("table.finding")}</th>
            <th scope="col" className="px-4 py-2">{t("table.subject")}</th>
            <th scope="col" className="px-4 py-2">{t("table.status")}</th>
            {accepted && (
              <>
                <th scope="col" className="px-4 py-2">{t("table.acceptedBy")}</th>
                <th scope="col" className="px-4 py-2">{t("table.justification")}</th>
                <th scope="col" className="px-4 py-2">{t("table.acceptedUntil")}</th>
              </>
            )}
            <th scope="col" className="px-4 py-2">{t("table.assignee")}</th>
            <th scope="col" className="px-4 py-2">{t("table.dueDate")}</th>
            <th scope="col" className="px-4 py-2">{t("table.lastSeen")}</th>
            {acceptance && (
              <th scope="col" className="px-4 py-2">
                {t("table.decision")}
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns} className="px-4 py-8 text-center text-slate-600">
                {t("table.empty")}
              </td>
            </tr>
          )}
          {rows.map((flag) => {
            const title = ruleTitle(flag.ruleId, locale);
            const subject = flagSubject(flag, t as FlagsTranslator, locale);
            const message = flagMessage(flag, locale);
            const overdue = today !== undefined && flag.status === "open" && flag.dueDate !== null && flag.dueDate < today;
            return (
              <tr key={flag.id} data-testid="flag-row" data-rule-id={flag.ruleId} data-flag-id={flag.id} className="align-top">
                {acceptance && (
                  <td className="px-4 py-2">
                    {flag.status === "open" && (
                      <input
                        type="checkbox"
                        name="selected"
                        form={BULK_ACCEPT_FORM_ID}
                        value={bulkSelectionValue(flag)}
                        aria-label={t("table.selectFlag", { flag: `${title} (${subject.label})` })}
                        className="h-4 w-4"
                        data-testid="flag-select"
                      />
                    )}
                  </td>
                )}
                <td className="px-4 py-2">
                  <SeverityBadge severity={flag.severity} />
                </td>
                <td className="px-4 py-2">
                  <Link href={`/flags/${flag.id}`} className="font-medium text-brand-700 underline" data-testid="flag-page-link">
                    {title}
                  </Link>
                  <code className="block text-xs text-slate-500">{flag.ruleId}</code>
                </td>
                {/* The engine's sentence in the reader's language when it has one, else in English, marked so. */}
                <td className="max-w-md px-4 py-2" lang={message.lang}>
                  <FactText parts={messageParts(message.text)} />
                </td>
                <td className="px-4 py-2">
                  <span className="block text-xs text-slate-500">{enumLabel("flagSubjectType", flag.subjectType, locale)}</span>
                  {subject.href ? (
                    <Link href={subject.href} className="text-brand-700 underline" data-testid="flag-subject-link">
                      {subject.label}
                    </Link>
                  ) : (
                    subject.label
                  )}
                </td>
                <td className="px-4 py-2">
                  <FlagStatusBadge status={flag.status} />
                  {/* The Accepted tab has a column of its own for the end date. */}
                  {!accepted && flag.status === "accepted" && flag.acceptedUntil && (
                    <span className="mt-1 block text-xs text-slate-600">
                      {t("table.until", { date: formatLocalDate(flag.acceptedUntil, locale) })}
                      {flag.acceptanceExpired && expiredBadge}
                    </span>
                  )}
                  {flag.status === "resolved" && flag.resolvedAt && (
                    <span className="mt-1 block text-xs text-slate-600" data-testid="flag-resolved-date">
                      {t("table.resolvedOn", { date: formatLocalDate(flag.resolvedAt, locale) })}
                    </span>
                  )}
                </td>
                {accepted && (
                  <>
                    <td className="px-4 py-2" data-testid="flag-accepted-by">
                      {flag.acceptedByName ?? "—"}
                      {flag.acceptedAt && (
                        <span className="block whitespace-nowrap text-xs text-slate-600">
                          {t("table.acceptedOn", { date: formatLocalDate(flag.acceptedAt, locale) })}
                        </span>
                      )}
                    </td>
                    <td className="max-w-sm whitespace-pre-line px-4 py-2" data-testid="flag-justification">
                      {flag.acceptanceJustification ?? "—"}
                    </td>
                    <td className="whitespace-nowrap px-4 py-2 tabular-nums" data-testid="flag-accepted-until">
                      {flag.acceptedUntil ? formatLocalDate(flag.acceptedUntil, locale) : "—"}
                      {flag.acceptanceExpired && expiredBadge}
                    </td>
                  </>
                )}
                <td className="px-4 py-2" data-testid="flag-assignee">
                  {flag.assigneeName ?? <span className="text-slate-500">{t("table.unassigned")}</span>}
                  {flag.assigneeUserId && flag.status !== "resolved" && (
                    <span className="block text-xs text-slate-600">{enumLabel("flagWorkStatus", flag.workStatus, locale)}</span>
                  )}
                </td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums" data-testid="flag-due-date">
                  {flag.dueDate ? formatLocalDate(flag.dueDate, locale) : "—"}
                  {overdue && (
                    <span className="ml-1" data-testid="flag-overdue">
                      <Badge tone="red">{t("table.overdue")}</Badge>
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatLocalDate(flag.lastSeenAt, locale)}</td>
                {acceptance && (
                  <td className="px-4 py-2">
                    {flag.status === "open" ? (
                      <AcceptRiskForm
                        flagId={flag.id}
                        version={flag.version}
                        context={`${title} (${subject.label})`}
                        minDate={acceptance.minDate}
                        acceptRisk={acceptance.acceptRisk}
                        announce
                      />
                    ) : (
                      <span className="text-xs text-slate-500">—</span>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
