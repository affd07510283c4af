"use client";

import { useLocale, useTranslations } from "next-intl";
import { SeverityBadge } from "@/components/flags/badges";
import { flagMessage } from "@/components/flags/lang";
import { appLocale } from "@/components/registers/locale-format";
import type { FlagSubjectType, Severity } from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";
import type { FlagPreview } from "./flag-preview";
import type { FlagPrediction } from "./use-flag-prediction";

/**
 * Before saving: the flags the change would leave open (new ones marked) and those it would resolve,
 * compared with the flags stored now. `title` names the scope ("Flags after this change"). Each flag reads by
 * its rule's title; the rule id follows as code, the identifier the flag register and the API use.
 */
export function PredictedFlagsPanel({
  current,
  prediction,
  title,
  emptyText,
  showSubject = false,
}: {
  current: readonly FlagPreview[];
  prediction: FlagPrediction;
  /** The panel's heading; "Flags after this change" (forms.predicted.title) by default. */
  title?: string;
  /** Shown when the prediction has no open flag. */
  emptyText: string;
  /** Name the kind of record each flag is on (a processor's prediction spans its transfers and agreements). */
  showSubject?: boolean;
}) {
  const t = useTranslations("forms.predicted");
  const locale = appLocale(useLocale());
  const { predicted, error, incomplete } = prediction;
  const predictedKeys = new Set((predicted ?? []).map((flag) => flag.key));
  const currentKeys = new Set(current.map((flag) => flag.key));
  const resolving = predicted ? current.filter((flag) => !predictedKeys.has(flag.key)) : [];
  const subject = (flag: FlagPreview) =>
    showSubject ? <span className="text-slate-600">{enumLabel("flagSubjectType", flag.subjectType as FlagSubjectType, locale)} · </span> : null;
  const rule = (flag: FlagPreview) => (
    <>
      <span className="font-medium">{enumLabel("rule", flag.ruleId, locale)}</span> <code className="text-xs text-slate-500">{flag.ruleId}</code>
    </>
  );

  return (
    <aside aria-labelledby="predicted-flags" aria-live="polite" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="predicted-flags">
      <h2 id="predicted-flags" className="mb-3 text-lg font-semibold">
        {title ?? t("title")}
      </h2>
      {error && <p className="text-sm text-red-700">{t("unavailable", { error })}</p>}
      {incomplete && <p className="text-sm text-slate-600">{t("incomplete")}</p>}
      {!predicted && !error && !incomplete && <p className="text-sm text-slate-600">{t("checking")}</p>}
      {predicted && (
        <>
          {predicted.length === 0 ? (
            <p className="text-sm text-slate-700">{emptyText}</p>
          ) : (
            <ul className="space-y-2" data-testid="predicted-open">
              {predicted.map((flag) => (
                <li key={flag.key} className="text-sm" data-rule-id={flag.ruleId} data-new={currentKeys.has(flag.key) ? undefined : "true"}>
                  <SeverityBadge severity={flag.severity as Severity} /> {subject(flag)}
                  {rule(flag)}
                  {!currentKeys.has(flag.key) && <span className="ml-1 font-semibold text-red-700">{t("new")}</span>}
                  {/* The engine's sentence in the reader's language; an English one is marked so on a French page. */}
                  <p className="text-slate-700" lang={flagMessage(flag, locale).lang}>
                    {flagMessage(flag, locale).text}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {resolving.length > 0 && (
            <>
              <h3 className="mt-4 mb-2 text-sm font-semibold">{t("resolved")}</h3>
              <ul className="space-y-2" data-testid="predicted-resolved">
                {resolving.map((flag) => (
                  <li key={flag.key} className="text-sm text-green-800" data-rule-id={flag.ruleId}>
                    {subject(flag)}
                    {rule(flag)}
                    {t("separator")}
                    <span lang={flagMessage(flag, locale).lang}>{flagMessage(flag, locale).text}</span>
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
