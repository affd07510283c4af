import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { ResubmitButton } from "@/components/registration/resubmit-button";
import { StatusBadge } from "@/components/review/status-badge";
import { Button } from "@/components/ui/button";
import { requirePageActor } from "@/lib/auth/guard";
import { listVendorsRegisteredBy } from "@/lib/registration/queries";

export const metadata: Metadata = { title: "Register a vendor" };
export const dynamic = "force-dynamic";

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ submitted?: string }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const { submitted } = await searchParams;
  const vendors = await listVendorsRegisteredBy(db(), actor.id);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Register a vendor</h1>
      <p className="text-sm text-slate-700">
        A guided form in five steps: the vendor, the data it receives, where it goes, how it is protected, and the flags it will raise. Every step is
        saved as a draft; the DPO reviews what you submit.
      </p>
      <Button asChild>
        <Link href="/register/new">Register a vendor</Link>
      </Button>
      {submitted && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="submitted-message">
          Submitted for review: the DPO sees it in the review queue.
        </p>
      )}
      <section aria-labelledby="my-vendors-heading" className="space-y-2">
        <h2 id="my-vendors-heading" className="text-xl font-semibold">My vendors</h2>
        {vendors.length === 0 ? (
          <p className="text-sm">You have not registered any vendor yet.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="my-vendors">
            <caption className="sr-only">Vendors you registered, most recently changed first</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3">Vendor</th>
                <th scope="col" className="py-1 pr-3">Status</th>
                <th scope="col" className="py-1 pr-3">Review</th>
                <th scope="col" className="py-1 pr-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {vendors.map((vendor) => (
                <tr key={vendor.id} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-3">
                    <Link href={`/processors/${vendor.id}`} className="text-brand-700 underline">
                      {vendor.name}
                    </Link>
                  </td>
                  <td className="py-1 pr-3">
                    <StatusBadge status={vendor.status} />
                  </td>
                  <td className="py-1 pr-3">
                    {vendor.reviewedAt ? (
                      <>
                        {vendor.reviewerName ?? "A former user"}, <time dateTime={vendor.reviewedAt.toISOString()}>{DATE_TIME.format(vendor.reviewedAt)} UTC</time>
                        {vendor.reviewComment && <span className="block whitespace-pre-wrap text-slate-700">“{vendor.reviewComment}”</span>}
                      </>
                    ) : (
                      <span className="text-slate-700">{vendor.status === "submitted" ? "Waiting for the DPO" : "Not reviewed yet"}</span>
                    )}
                  </td>
                  <td className="py-1 pr-3">
                    {vendor.status === "draft" && (
                      <Link href={`/register/new?draft=${vendor.id}`} className="text-brand-700 underline" data-testid="continue-draft">
                        Continue<span className="sr-only"> registering {vendor.name}</span>
                      </Link>
                    )}
                    {vendor.status === "rejected" && (
                      <span className="flex flex-wrap items-start gap-3">
                        <Link href={`/processors/${vendor.id}/edit`} className="py-2 text-brand-700 underline" data-testid="fix-vendor">
                          Fix<span className="sr-only"> {vendor.name}</span>
                        </Link>
                        <ResubmitButton processorId={vendor.id} processorName={vendor.name} version={vendor.version} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
