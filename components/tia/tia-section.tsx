import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { DetailsList } from "@/components/transfers/details-list";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TiaStatus } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { enumLabel, formatDate } from "@/lib/labels";
import { listTransferTias } from "@/lib/tia/service";

const STATUS_TONE: Readonly<Record<TiaStatus, BadgeTone>> = { draft: "blue", completed: "green", review_required: "amber" };

export function TiaStatusBadge({ status, locale }: { status: TiaStatus; locale: Locale }) {
  return <Badge tone={STATUS_TONE[status]}>{enumLabel("tiaStatus", status, locale)}</Badge>;
}

/**
 * The transfer page's "Transfer impact assessment" section: the latest completed assessment (its date, outcome,
 * and why it needs review when it does), a draft in progress, and the way to the guided assessment.
 */
export async function TiaSection({ transferId, locale, canDraft }: { transferId: string; locale: Locale; canDraft: boolean }) {
  const t = await getTranslations("tia");
  // The latest few are enough to find the current draft and the latest completed one.
  const { rows } = await listTransferTias({ db: db(), transferId, page: 1, pageSize: 20 });
  const draft = rows.find((row) => row.status === "draft");
  const latest = rows.filter((row) => row.completedOn).sort((a, b) => (b.completedOn! > a.completedOn! ? 1 : b.completedOn! < a.completedOn! ? -1 : 0))[0];
  const href = `/transfers/${transferId}/tia`;
  return (
    <section aria-labelledby="transfer-tia" data-testid="transfer-tia">
      <h2 id="transfer-tia" className="mb-3 text-lg font-semibold">
        {t("section.heading")}
      </h2>
      {latest ? (
        <DetailsList
          items={[
            { term: t("section.status"), value: <TiaStatusBadge status={latest.status} locale={locale} /> },
            { term: t("section.completedOn"), value: formatDate(latest.completedOn!, locale) },
            { term: t("section.outcome"), value: latest.outcome ? enumLabel("tiaOutcome", latest.outcome, locale) : null },
            { term: t("section.riskLevel"), value: latest.riskLevel ? enumLabel("tiaRiskLevel", latest.riskLevel, locale) : null },
            ...(latest.reviewReason ? [{ term: t("section.reviewReason"), value: <span lang="en">{latest.reviewReason}</span> }] : []),
          ]}
        />
      ) : (
        <p className="text-sm text-slate-700">{t("section.none")}</p>
      )}
      {draft && <p className="mt-2 text-sm text-slate-700">{t("section.draftPending")}</p>}
      <div className="mt-3 flex flex-wrap gap-3 text-sm">
        {draft && (
          <Link href={`${href}/${draft.id}`} className="text-brand-700 underline">
            {t("section.continueDraft")}
          </Link>
        )}
        {latest && (
          <Link href={`${href}/${latest.id}`} className="text-brand-700 underline">
            {t("section.open")}
          </Link>
        )}
        <Link href={href} className="text-brand-700 underline">
          {!draft && !latest && canDraft ? t("section.start") : t("section.all")}
        </Link>
      </div>
    </section>
  );
}
