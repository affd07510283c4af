import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FlagDetail } from "@/db/queries/flags";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import type { Locale } from "@/lib/i18n/locales";
import { flagRemediation, formatNumber } from "@/lib/labels";
import { AcceptRiskForm } from "./accept-risk-form";
import type { AcceptRiskAction } from "./accept-risk-types";
import { FlagStatusBadge, SeverityBadge } from "./badges";
import { FactText } from "./fact-text";
import { factParts, formatLocalDate, localFactLabel, messageParts } from "./format";
import { engineLang, flagMessage, langWhereDifferent } from "./lang";
import { ruleTitle } from "./rules";
import { flagSubject, type FlagsTranslator } from "./subject";

export interface FlagListAcceptance {
  acceptRisk: AcceptRiskAction;
  /** Tomorrow, YYYY-MM-DD: the earliest end date of an acceptance. */
  minDate: string;
}

/**
 * The findings of the rules on a record, each with its why (message and facts), its legal citation and its
 * remediation: current ones (open, accepted) first, then the resolved history. Rule titles are h3: place the
 * list under an h2. `acceptance` is given to the DPO only, and adds "Accept risk" to each open flag.
 */
export function FlagList({
  flags,
  showSubject = false,
  acceptance,
  emptyText,
}: {
  flags: readonly FlagDetail[];
  /** Name and link the subject of each flag (on a page that lists flags of several records). */
  showSubject?: boolean;
  acceptance?: FlagListAcceptance;
  /** What to say when no rule flagged the record ("No rule has flagged this record." by default). */
  emptyText?: string;
}) {
  const t = useTranslations("flags");
  const locale = useUiLocale();
  const current = flags.filter((flag) => flag.status !== "resolved");
  const resolved = flags.filter((flag) => flag.status === "resolved");

  return (
    <div className="space-y-4" data-testid="flag-list">
      {current.length === 0 ? (
        <p className="text-sm text-slate-600">{resolved.length ? t("list.noCurrent") : (emptyText ?? t("list.empty"))}</p>
      ) : (
        <ul className="space-y-3">
          {current.map((flag) => (
            <FlagItem key={flag.id} flag={flag} showSubject={showSubject} acceptance={acceptance} t={t} locale={locale} />
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">
            {t("list.resolvedHistory", { count: formatNumber(resolved.length, locale) })}
          </summary>
          <ul className="space-y-3 p-3">
            {resolved.map((flag) => (
              <FlagItem key={flag.id} flag={flag} showSubject={showSubject} t={t} locale={locale} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function FlagItem({
  flag,
  showSubject,
  acceptance,
  t,
  locale,
}: {
  flag: FlagDetail;
  showSubject: boolean;
  acceptance?: FlagListAcceptance;
  t: ReturnType<typeof useTranslations>;
  locale: Locale;
}) {
  const title = ruleTitle(flag.ruleId, locale);
  const subject = flagSubject(flag, t as FlagsTranslator, locale);
  const facts = Object.entries(flag.facts ?? {});
  const headingId = `flag-${flag.id}-title`;
  const remediation = flagRemediation(flag.ruleId, flag.remediation, locale);
  const message = flagMessage(flag, locale);
  const words = { yes: t("facts.yes"), no: t("facts.no"), none: t("facts.none"), notCarried: t("facts.notCarried") };
  // The names of the fact keys the rules write, in the reader's language (flags.facts.keys.<key>).
  const keyLabel = (head: string) => (t.has(`facts.keys.${head}`) ? t(`facts.keys.${head}`) : undefined);

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="flag-item" data-flag-status={flag.status} aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={flag.severity} />
        <h3 id={headingId} className="font-semibold">
          {/* The flag's own page: its assignee, due date and comments. */}
          <Link href={`/flags/${flag.id}`} className="text-brand-700 underline" data-testid="flag-page-link">
            {title}
          </Link>
        </h3>
        <FlagStatusBadge status={flag.status} />
        <code className="ml-auto text-xs text-slate-500">{flag.ruleId}</code>
      </div>
      {/* The engine's sentence in the reader's language when it has one, else its English, marked so. */}
      <p className="mt-2 text-sm" data-testid="flag-message" lang={message.lang}>
        <FactText parts={messageParts(message.text)} />
      </p>
      {showSubject && (
        <p className="mt-1 text-sm text-slate-700">
          <span className="font-medium">{t("list.about")} </span>
          {subject.href ? (
            <Link href={subject.href} className="text-brand-700 underline">
              {subject.label}
            </Link>
          ) : (
            subject.label
          )}
        </p>
      )}

      {facts.length > 0 && (
        <div className="mt-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("facts.heading")}</p>
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-xs" data-testid="flag-facts">
            {facts.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-medium text-slate-600">{localFactLabel(key, locale, keyLabel)}</dt>
                <dd className="wrap-anywhere">
                  <FactText parts={factParts(key, value, locale, words)} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}

      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("list.citation")}</dt>
          <dd data-testid="flag-citation" lang={engineLang(locale)}>
            {flag.citation}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("list.remediation")}</dt>
          <dd data-testid="flag-remediation" lang={langWhereDifferent(remediation.lang, locale)}>
            <FactText parts={messageParts(remediation.text)} />
          </dd>
        </div>
      </dl>

      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        <div>
          <dt className="inline">{t("list.firstSeen")} </dt>
          <dd className="inline tabular-nums">{formatLocalDate(flag.firstSeenAt, locale)}</dd>
        </div>
        <div>
          <dt className="inline">{t("list.lastSeen")} </dt>
          <dd className="inline tabular-nums">{formatLocalDate(flag.lastSeenAt, locale)}</dd>
        </div>
        {flag.resolvedAt && (
          <div>
            <dt className="inline">{t("list.resolved")} </dt>
            <dd className="inline tabular-nums">{formatLocalDate(flag.resolvedAt, locale)}</dd>
          </div>
        )}
      </dl>

      {(flag.acceptedAt || flag.acceptanceJustification) && (
        <div className="mt-3 rounded-md bg-blue-50 p-3 text-sm text-blue-950" data-testid="flag-acceptance">
          <p className="font-medium">
            {/* Each part only when known: an acceptance recorded before the acceptor's name was kept has none. */}
            {t("list.acceptance", {
              state: flag.status === "accepted" ? "current" : "past",
              hasBy: flag.acceptedByName ? "yes" : "no",
              by: flag.acceptedByName ?? "",
              hasOn: flag.acceptedAt ? "yes" : "no",
              on: flag.acceptedAt ? formatLocalDate(flag.acceptedAt, locale) : "",
              hasUntil: flag.acceptedUntil ? "yes" : "no",
              until: flag.acceptedUntil ? formatLocalDate(flag.acceptedUntil, locale) : "",
            })}
          </p>
          {flag.acceptanceJustification && <p className="mt-1 whitespace-pre-line">{flag.acceptanceJustification}</p>}
        </div>
      )}

      {acceptance && flag.status === "open" && (
        <div className="mt-3">
          <AcceptRiskForm
            flagId={flag.id}
            version={flag.version}
            context={`${title} (${subject.label})`}
            minDate={acceptance.minDate}
            acceptRisk={acceptance.acceptRisk}
          />
        </div>
      )}
    </li>
  );
}
