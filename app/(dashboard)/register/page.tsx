import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { StatusBadge } from "@/components/review/status-badge";
import { requirePageActor } from "@/lib/auth/guard";
import { listVendorsRegisteredBy } from "@/lib/registration/queries";

export const metadata: Metadata = { title: "Register a vendor" };
export const dynamic = "force-dynamic";

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function RegisterPage() {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const vendors = await listVendorsRegisteredBy(db(), actor.id);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Register a vendor</h1>
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
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
