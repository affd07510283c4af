import Link from "next/link";
import type { FlagDetail } from "@/db/queries/flags";
import { AcceptRiskForm } from "./accept-risk-form";
import type { AcceptRiskAction } from "./accept-risk-types";
import { FlagStatusBadge, SeverityBadge } from "./badges";
import { factLabel, formatDate, formatFactValue } from "./format";
import { ruleTitle } from "./rules";
import { flagSubject } from "./subject";

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
  emptyText = "No rule has flagged this record.",
}: {
  flags: readonly FlagDetail[];
  /** Name and link the subject of each flag (on a page that lists flags of several records). */
  showSubject?: boolean;
  acceptance?: FlagListAcceptance;
  emptyText?: string;
}) {
  const current = flags.filter((flag) => flag.status !== "resolved");
  const resolved = flags.filter((flag) => flag.status === "resolved");

  return (
    <div className="space-y-4" data-testid="flag-list">
      {current.length === 0 ? (
        <p className="text-sm text-slate-600">{resolved.length ? "No open or accepted flag." : emptyText}</p>
      ) : (
        <ul className="space-y-3">
          {current.map((flag) => (
            <FlagItem key={flag.id} flag={flag} showSubject={showSubject} acceptance={acceptance} />
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">
            Resolved history ({resolved.length.toLocaleString("en-US")})
          </summary>
          <ul className="space-y-3 p-3">
            {resolved.map((flag) => (
              <FlagItem key={flag.id} flag={flag} showSubject={showSubject} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function FlagItem({ flag, showSubject, acceptance }: { flag: FlagDetail; showSubject: boolean; acceptance?: FlagListAcceptance }) {
  const title = ruleTitle(flag.ruleId);
  const subject = flagSubject(flag);
  const facts = Object.entries(flag.facts ?? {});
  const headingId = `flag-${flag.id}-title`;

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="flag-item" data-flag-status={flag.status} aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={flag.severity} />
        <h3 id={headingId} className="font-semibold">
          {title}
        </h3>
        <FlagStatusBadge status={flag.status} />
        <code className="ml-auto text-xs text-slate-500">{flag.ruleId}</code>
      </div>
      <p className="mt-2 text-sm" data-testid="flag-message">
        {flag.message}
      </p>
      {showSubject && (
        <p className="mt-1 text-sm text-slate-700">
          <span className="font-medium">About: </span>
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
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">Why: the facts the rule used</p>
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-xs" data-testid="flag-facts">
            {facts.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-medium text-slate-600">{factLabel(key)}</dt>
                <dd className="wrap-anywhere">{formatFactValue(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}

      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">Legal citation</dt>
          <dd data-testid="flag-citation">{flag.citation}</dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">Remediation</dt>
          <dd data-testid="flag-remediation">{flag.remediation}</dd>
        </div>
      </dl>

      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        <div>
          <dt className="inline">First seen: </dt>
          <dd className="inline tabular-nums">{formatDate(flag.firstSeenAt)}</dd>
        </div>
        <div>
          <dt className="inline">Last seen: </dt>
          <dd className="inline tabular-nums">{formatDate(flag.lastSeenAt)}</dd>
        </div>
        {flag.resolvedAt && (
          <div>
            <dt className="inline">Resolved: </dt>
            <dd className="inline tabular-nums">{formatDate(flag.resolvedAt)}</dd>
          </div>
        )}
      </dl>

      {(flag.acceptedAt || flag.acceptanceJustification) && (
        <div className="mt-3 rounded-md bg-blue-50 p-3 text-sm text-blue-950" data-testid="flag-acceptance">
          <p className="font-medium">
            {flag.status === "accepted" ? "Risk accepted" : "Risk was accepted"}
            {flag.acceptedByName ? ` by ${flag.acceptedByName}` : ""}
            {flag.acceptedAt ? ` on ${formatDate(flag.acceptedAt)}` : ""}
            {flag.acceptedUntil ? `, until ${formatDate(flag.acceptedUntil)}` : ""}
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
