import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listFlagsForSubject } from "@/db/queries/flags";
import { mayEdit } from "@/components/registers/edit-link";
import { TransferEditForm } from "@/components/forms/transfer-edit-form";
import { enumOptions } from "@/components/ui/filter-form";
import {
  ACCESS_TYPE_LABELS,
  ENCRYPTION_AT_REST_LABELS,
  ENCRYPTION_IN_TRANSIT_LABELS,
  FREQUENCY_LABELS,
  MECHANISM_LABELS,
  countryLabel,
} from "@/components/transfers/labels";
import {
  ACCESS_TYPES,
  ENCRYPTION_AT_REST,
  ENCRYPTION_IN_TRANSIT,
  FREQUENCIES,
  TRANSFER_MECHANISMS,
  VOLUME_UNITS,
} from "@/db/schema/enums";
import { auditActor, requirePageActor } from "@/lib/auth/guard";
import { listCountries } from "@/lib/jurisdictions/countries";
import { getTransfer } from "@/lib/transfers/service";
import { uuid } from "@/lib/validation/common";
import { previewTransferChange, saveTransfer } from "./actions";

export const metadata: Metadata = { title: "Edit transfer" };
export const dynamic = "force-dynamic";

const COUNTRY_OPTIONS = listCountries().map((country) => ({ value: country.code, label: country.name }));

export default async function EditTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const transfer = await getTransfer({ db: database, id });
  if (!transfer) notFound();
  // The same ownership rule the save enforces: engineers only on their own drafts.
  if (!mayEdit(auditActor(actor), transfer)) redirect("/forbidden");
  const flags = (await listFlagsForSubject({ db: database, subjectType: "transfer", subjectId: id })).filter((flag) => flag.status !== "resolved");

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/transfers/${id}`} className="text-sm text-brand-700 underline">
          Back to the transfer
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          Edit transfer to {countryLabel(transfer.destinationCountry)}
        </h1>
      </div>
      <TransferEditForm
        transferId={id}
        initial={{
          version: transfer.version,
          destinationCountry: transfer.destinationCountry,
          accessType: transfer.accessType,
          estimatedSubjects: transfer.estimatedSubjects,
          volumeUnit: transfer.volumeUnit,
          frequency: transfer.frequency,
          encryptionInTransit: transfer.encryptionInTransit,
          encryptionAtRest: transfer.encryptionAtRest,
          mechanism: transfer.mechanism,
          tiaDate: transfer.tiaDate,
          cisaRequirementsMet: transfer.cisaRequirementsMet,
          notes: transfer.notes,
        }}
        currentFlags={flags.map((flag) => ({ ruleId: flag.ruleId, severity: flag.severity, message: flag.message, status: flag.status }))}
        options={{
          countries: COUNTRY_OPTIONS,
          accessTypes: enumOptions(ACCESS_TYPES, ACCESS_TYPE_LABELS),
          volumeUnits: enumOptions(VOLUME_UNITS),
          frequencies: enumOptions(FREQUENCIES, FREQUENCY_LABELS),
          encryptionInTransit: enumOptions(ENCRYPTION_IN_TRANSIT, ENCRYPTION_IN_TRANSIT_LABELS),
          encryptionAtRest: enumOptions(ENCRYPTION_AT_REST, ENCRYPTION_AT_REST_LABELS),
          mechanisms: enumOptions(TRANSFER_MECHANISMS, MECHANISM_LABELS),
        }}
        save={saveTransfer}
        preview={previewTransferChange}
      />
    </div>
  );
}
