import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { ActivityForm } from "@/components/forms/activity-form";
import { activityFormOptions } from "@/components/forms/activity-form-options";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { appLocale } from "@/components/registers/locale-format";
import { getActivity } from "@/lib/activities/service";
import { requirePageActor } from "@/lib/auth/guard";
import { uuid } from "@/lib/validation/common";
import { previewActivityChange, saveActivity } from "./actions";
import { listFlagsOfActivityProcessors } from "./activity-flags";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activities");
  return { title: t("edit.metaTitle") };
}

export default async function EditActivityPage({ params }: { params: Promise<{ id: string }> }) {
  // The same roles the save allows: an activity is shared by many transfers, the DPO edits it.
  await requirePageActor(["dpo"]);
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const activity = await getActivity({ db: database, id });
  if (!activity) notFound();
  const [flags, locale, t] = await Promise.all([
    listFlagsOfActivityProcessors({ db: database, activityId: id }),
    getLocale().then(appLocale),
    getTranslations("activities"),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/activities/${id}`} className="text-sm text-brand-700 underline">
          {t("edit.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("edit.title", { name: activity.name })}</h1>
      </div>
      <ActivityForm
        mode="edit"
        recordId={id}
        initial={{
          version: activity.version,
          name: activity.name,
          purpose: activity.purpose,
          legalBasis: activity.legalBasis,
          legitimateInterest: activity.legitimateInterest,
          art9Condition: activity.art9Condition,
          disclosureType: activity.disclosureType,
          dataSubjectCategories: activity.dataSubjectCategories,
          retentionPeriod: activity.retentionPeriod,
          securityMeasures: activity.securityMeasures,
          securityChecklist: activity.securityChecklist,
          applications: activity.applications,
          source: activity.source,
          liaReference: activity.liaReference,
          consentRecordReference: activity.consentRecordReference,
          breachOccurred: activity.breachOccurred,
          breachRecordReference: activity.breachRecordReference,
          schedule1Condition: activity.schedule1Condition,
          policyDocumentReference: activity.policyDocumentReference,
          retainedPerPolicy: activity.retainedPerPolicy,
          policyDeviationReason: activity.policyDeviationReason,
        }}
        currentFlags={openFlagPreviews(flags)}
        options={activityFormOptions({ controllers: [], current: activity.dataSubjectCategories, locale })}
        save={saveActivity}
        preview={previewActivityChange}
      />
    </div>
  );
}
