import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { ActivityForm } from "@/components/forms/activity-form";
import { activityFormOptions } from "@/components/forms/activity-form-options";
import { appLocale } from "@/components/registers/locale-format";
import { requirePageActor } from "@/lib/auth/guard";
import { listRegistrationChoices } from "@/lib/registration/queries";
import { createActivityFromForm, previewNewActivity } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activities");
  return { title: t("new.title") };
}

export default async function NewActivityPage() {
  await requirePageActor(["dpo", "engineer"]);
  const [{ exporters }, locale, t] = await Promise.all([listRegistrationChoices(db()), getLocale().then(appLocale), getTranslations("activities")]);

  return (
    <div className="space-y-6">
      <div>
        <Link href="/activities" className="text-sm text-brand-700 underline">
          {t("new.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("new.title")}</h1>
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
          securityChecklist: [],
          applications: null,
          source: null,
          liaReference: null,
          consentRecordReference: null,
          breachOccurred: false,
          breachRecordReference: null,
          schedule1Condition: null,
          policyDocumentReference: null,
          retainedPerPolicy: null,
          policyDeviationReason: null,
        }}
        currentFlags={[]}
        options={activityFormOptions({ controllers: exporters, locale })}
        save={createActivityFromForm}
        preview={previewNewActivity}
      />
    </div>
  );
}
