import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { appLocale } from "@/components/registers/locale-format";
import { formatDateTime } from "@/lib/labels";
import { getReviewState } from "@/lib/registration/queries";
import { StatusBadge } from "./status-badge";

/**
 * The DPO's decision on a vendor (server component): its status, who reviewed it, when, and their comment.
 * Until a review, it says the vendor is a draft or waiting.
 */
export async function ReviewOutcome({ processorId }: { processorId: string }) {
  const [state, t, locale] = await Promise.all([getReviewState(db(), processorId), getTranslations("review.outcome"), getLocale().then(appLocale)]);
  if (!state) return null;
  return (
    <section aria-labelledby="review-outcome-heading" className="space-y-1 rounded border border-slate-200 p-3 text-sm" data-testid="review-outcome">
      <h2 id="review-outcome-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <p>
        {t("status")} <StatusBadge status={state.status} />
      </p>
      {state.reviewedAt ? (
        <p>
          {t("reviewedBy", { name: state.reviewerName ?? t("formerUser") })}{" "}
          <time dateTime={state.reviewedAt.toISOString()}>{formatDateTime(state.reviewedAt, locale)}</time>
        </p>
      ) : (
        <p>{state.status === "submitted" ? t("waiting") : t("notReviewed")}</p>
      )}
      {state.reviewComment && <blockquote className="border-l-2 border-slate-300 pl-2 whitespace-pre-wrap">{state.reviewComment}</blockquote>}
    </section>
  );
}
