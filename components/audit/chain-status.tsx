import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { appLocale } from "@/components/registers/locale-format";
import { chainBreakReason } from "@/lib/audit/chain-break";
import type { ChainVerification } from "@/lib/audit/verify";
import { formatNumber } from "@/lib/labels";

/**
 * The state of the audit hash chain. Takes the verification as a promise, so that the page can stream the
 * event list while the chain (the whole table) is being walked.
 */
export async function ChainStatus({ verification }: { verification: Promise<ChainVerification> }) {
  const [result, t, locale] = await Promise.all([verification, getTranslations("audit.chain"), getLocale().then(appLocale)]);
  if (result.ok) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="chain-status" data-state="intact">
        <span className="font-semibold">{t("intact")}</span> {t("intactEvents", { count: result.checked, formatted: formatNumber(result.checked, locale) })}{" "}
        <code title={result.headHash}>{result.headHash.slice(0, 12)}…</code>
      </p>
    );
  }
  return (
    <p role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="chain-status" data-state="broken">
      <span className="font-semibold">{t("brokenAt", { id: result.brokenAt })}</span>{" "}
      <span>{chainBreakReason(result.reasonCode, locale)}</span>
      {t("brokenBefore", { count: result.checked, formatted: formatNumber(result.checked, locale) })}
    </p>
  );
}

export function ChainStatusPending() {
  const t = useTranslations("audit.chain");
  return (
    <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="chain-status" data-state="pending">
      {t("pending")}
    </p>
  );
}
