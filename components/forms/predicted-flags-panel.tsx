"use client";

import { SeverityBadge } from "@/components/flags/badges";
import type { Severity } from "@/db/schema/enums";
import type { FlagPreview } from "./flag-preview";
import type { FlagPrediction } from "./use-flag-prediction";

/**
 * Before saving: the flags the change would leave open (new ones marked) and those it would resolve,
 * compared with the flags stored now. `title` names the scope ("Flags after this change").
 */
export function PredictedFlagsPanel({
  current,
  prediction,
  title = "Flags after this change",
  emptyText,
  showSubject = false,
}: {
  current: readonly FlagPreview[];
  prediction: FlagPrediction;
  title?: string;
  /** Shown when the prediction has no open flag. */
  emptyText: string;
  /** Name the kind of record each flag is on (a processor's prediction spans its transfers and agreements). */
  showSubject?: boolean;
}) {
  const { predicted, error, incomplete } = prediction;
  const predictedKeys = new Set((predicted ?? []).map((flag) => flag.key));
  const currentKeys = new Set(current.map((flag) => flag.key));
  const resolving = predicted ? current.filter((flag) => !predictedKeys.has(flag.key)) : [];
  const subject = (flag: FlagPreview) => (showSubject ? <span className="text-slate-600">{flag.subjectType} · </span> : null);

  return (
    <aside aria-labelledby="predicted-flags" aria-live="polite" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="predicted-flags">
      <h2 id="predicted-flags" className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {error && <p className="text-sm text-red-700">The prediction is not available: {error}</p>}
      {incomplete && <p className="text-sm text-slate-600">Complete the required fields and correct any marked one to see the flags.</p>}
      {!predicted && !error && !incomplete && <p className="text-sm text-slate-600">Checking the rules…</p>}
      {predicted && (
        <>
          {predicted.length === 0 ? (
            <p className="text-sm text-slate-700">{emptyText}</p>
          ) : (
            <ul className="space-y-2" data-testid="predicted-open">
              {predicted.map((flag) => (
                <li key={flag.key} className="text-sm" data-rule-id={flag.ruleId} data-new={currentKeys.has(flag.key) ? undefined : "true"}>
                  <SeverityBadge severity={flag.severity as Severity} /> {subject(flag)}
                  <span className="font-medium">{flag.ruleId}</span>
                  {!currentKeys.has(flag.key) && <span className="ml-1 font-semibold text-red-700">(new)</span>}
                  <p className="text-slate-700">{flag.message}</p>
                </li>
              ))}
            </ul>
          )}
          {resolving.length > 0 && (
            <>
              <h3 className="mt-4 mb-2 text-sm font-semibold">Resolved by this change</h3>
              <ul className="space-y-2" data-testid="predicted-resolved">
                {resolving.map((flag) => (
                  <li key={flag.key} className="text-sm text-green-800" data-rule-id={flag.ruleId}>
                    {subject(flag)}
                    {flag.ruleId}: {flag.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </aside>
  );
}
