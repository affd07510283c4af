import { SeverityBadge } from "@/components/flags/badges";
import type { FlagForecast } from "./types";

/** The flags the vendor will raise once submitted, worst first: severity, title, what it is about and why. */
export function PredictedFlags({ forecast, error }: { forecast: FlagForecast[] | null; error: string | null }) {
  return (
    <section aria-labelledby="predicted-flags-heading" aria-live="polite" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="predicted-flags">
      <h3 id="predicted-flags-heading" className="mb-1 text-lg font-semibold">
        Flags this vendor will raise
      </h3>
      <p className="mb-3 text-sm text-slate-700">Predicted by running the submit against the rules without saving anything.</p>
      {error && <p className="text-sm text-red-700">The prediction is not available: {error}</p>}
      {!forecast && !error && <p className="text-sm text-slate-600">Checking the rules…</p>}
      {forecast && forecast.length === 0 && <p className="text-sm text-slate-700">No flag: this vendor raises nothing.</p>}
      {forecast && forecast.length > 0 && (
        <ul className="space-y-3" data-testid="predicted-flag-list">
          {forecast.map((flag) => (
            <li key={`${flag.ruleId}|${flag.subject}`} className="text-sm" data-testid="predicted-flag" data-rule-id={flag.ruleId}>
              <p>
                <SeverityBadge severity={flag.severity} /> <span className="font-semibold">{flag.title}</span>{" "}
                <span className="text-slate-700">· {flag.subject}</span>
              </p>
              <p className="text-slate-800">{flag.message}</p>
              <p className="text-xs text-slate-600">
                {flag.citation}. To fix: {flag.remediation}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
