import { db } from "@/db/client";
import { getReviewState } from "@/lib/registration/queries";
import { StatusBadge } from "./status-badge";

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * The DPO's decision on a vendor (server component): its status, who reviewed it, when, and their comment.
 * Until a review, it says the vendor is a draft or waiting.
 */
export async function ReviewOutcome({ processorId }: { processorId: string }) {
  const state = await getReviewState(db(), processorId);
  if (!state) return null;
  return (
    <section aria-labelledby="review-outcome-heading" className="space-y-1 rounded border border-slate-200 p-3 text-sm" data-testid="review-outcome">
      <h2 id="review-outcome-heading" className="font-semibold">Review</h2>
      <p>
        Status: <StatusBadge status={state.status} />
      </p>
      {state.reviewedAt ? (
        <p>
          Reviewed by {state.reviewerName ?? "a former user"} on <time dateTime={state.reviewedAt.toISOString()}>{DATE_TIME.format(state.reviewedAt)} UTC</time>
        </p>
      ) : (
        <p>{state.status === "submitted" ? "Waiting for the DPO's review." : "Not reviewed yet."}</p>
      )}
      {state.reviewComment && <blockquote className="border-l-2 border-slate-300 pl-2 whitespace-pre-wrap">{state.reviewComment}</blockquote>}
    </section>
  );
}
