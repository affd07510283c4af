import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { ActivityForm } from "@/components/forms/activity-form";
import { activityFormOptions } from "@/components/forms/activity-form-options";
import { requirePageActor } from "@/lib/auth/guard";
import { listRegistrationChoices } from "@/lib/registration/queries";
import { createActivityFromForm, previewNewActivity } from "./actions";

export const metadata: Metadata = { title: "New processing activity" };
export const dynamic = "force-dynamic";

export default async function NewActivityPage() {
  await requirePageActor(["dpo", "engineer"]);
  const { exporters } = await listRegistrationChoices(db());

  return (
    <div className="space-y-6">
      <div>
        <Link href="/activities" className="text-sm text-brand-700 underline">
          Back to the processing activities
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">New processing activity</h1>
      </div>
      <ActivityForm
        mode="create"
        initial={{
          name: "",
          // The US parent is the usual controller (the data is stored in the US); the select changes it.
          controllerEntityId: exporters.find((entity) => entity.country === "US")?.id ?? exporters[0]?.id ?? "",
          purpose: "",
          legalBasis: "contract",
          legitimateInterest: null,
          art9Condition: null,
          disclosureType: "business_purpose",
          dataSubjectCategories: [],
          retentionPeriod: null,
          securityMeasures: null,
          source: null,
        }}
        currentFlags={[]}
        options={activityFormOptions({ controllers: exporters })}
        save={createActivityFromForm}
        preview={previewNewActivity}
      />
    </div>
  );
}
