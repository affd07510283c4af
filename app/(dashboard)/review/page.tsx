import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { ReviewForm } from "@/components/review/review-form";
import { Badge } from "@/components/ui/badge";
import { requirePageActor } from "@/lib/auth/guard";
import { humanize } from "@/components/transfers/labels";
import { listSubmittedActivities, listSubmittedVendors } from "@/lib/registration/queries";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

const SEVERITY_TONES = { low: "neutral", medium: "amber", high: "orange", critical: "red" } as const;

export default async function ReviewPage() {
  await requirePageActor(["dpo"]);
  const database = db();
  const [vendors, activities] = await Promise.all([listSubmittedVendors(database), listSubmittedActivities(database)]);
  const flagsByVendor = await Promise.all(vendors.map((vendor) => listFlagsForProcessor({ db: database, processorId: vendor.id })));

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Review queue</h1>
      <p className="text-sm text-slate-700">
        Vendors submitted and processing activities proposed by engineers, oldest first. Nothing enters the approved register until you approve it; a rejection goes back to its engineer with your comment.
      </p>
      {vendors.length === 0 ? (
        <p className="text-sm">No vendor is waiting for review.</p>
      ) : (
        <ul className="space-y-4" aria-label="Submitted vendors">
          {vendors.map((vendor, index) => {
            const open = flagsByVendor[index]!.filter((flag) => flag.status === "open");
            return (
              <li key={vendor.id} className="space-y-3 rounded border border-slate-200 p-4" data-testid="review-item">
                <h2 className="text-lg font-semibold">
                  <Link href={`/processors/${vendor.id}`} className="text-brand-700 underline">
                    {vendor.name}
                  </Link>
                </h2>
                <p className="text-sm text-slate-700">
                  {vendor.service} · {vendor.country} · submitted by {vendor.submittedBy ?? "a former user"}
                </p>
                <section aria-label={`Open flags of ${vendor.name}`} className="text-sm">
                  <h3 className="font-medium">Open flags ({open.length})</h3>
                  {open.length === 0 ? (
                    <p>None.</p>
                  ) : (
                    <ul className="list-disc space-y-1 pl-5">
                      {open.map((flag) => (
                        <li key={flag.id}>
                          <Badge tone={SEVERITY_TONES[flag.severity]}>{flag.severity}</Badge> {flag.message}{" "}
                          <span className="text-slate-700">({flag.citation})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <ReviewForm processorId={vendor.id} processorName={vendor.name} version={vendor.version} />
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="review-activities" className="space-y-4">
        <h2 id="review-activities" className="text-xl font-semibold">
          Processing activities awaiting review
        </h2>
        {activities.length === 0 ? (
          <p className="text-sm">No processing activity is waiting for review.</p>
        ) : (
          <ul className="space-y-4" aria-label="Proposed processing activities">
            {activities.map((activity) => (
              <li key={activity.id} className="space-y-3 rounded border border-slate-200 p-4" data-testid="activity-review-item">
                <h3 className="text-lg font-semibold">
                  <Link href={`/activities/${activity.id}`} className="text-brand-700 underline">
                    {activity.name}
                  </Link>
                </h3>
                <p className="text-sm text-slate-700">
                  {activity.controllerName} · <span className="capitalize">{humanize(activity.legalBasis)}</span> · proposed by {activity.submittedBy ?? "a former user"}
                </p>
                <p className="text-sm">{activity.purpose}</p>
                <ReviewForm subject="activity" processorId={activity.id} processorName={activity.name} version={activity.version} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
