import { useLocale } from "next-intl";
import type { RecordStatus } from "@/db/schema";
import { appLocale } from "@/components/registers/locale-format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { enumLabels, type Locale } from "@/lib/labels";

/*
 * An activity's review status in words (issue 13: "Awaiting review", not `submitted`): an engineer proposes an
 * activity, the DPO approves or rejects it. The words are the label catalogue's (recordStatus), the one source
 * the registers, the exports and the error messages read, so that a status reads the same everywhere.
 */

const TONES: Record<RecordStatus, BadgeTone> = { draft: "neutral", submitted: "blue", approved: "green", rejected: "red", offboarded: "neutral" };

/** The statuses an activity can be in, for the register's filter: it is never a draft or offboarded. */
export const ACTIVITY_STATUSES = ["submitted", "approved", "rejected"] as const satisfies readonly RecordStatus[];

/** The register filter's options: an activity's statuses with their labels, in the workflow's order. */
export function activityStatusOptions(locale: Locale): { value: RecordStatus; label: string }[] {
  const labels = enumLabels("recordStatus", locale);
  return ACTIVITY_STATUSES.map((status) => ({ value: status, label: labels[status] }));
}

export function ActivityStatusBadge({ status }: { status: RecordStatus }) {
  const labels = enumLabels("recordStatus", appLocale(useLocale()));
  return <Badge tone={TONES[status]}>{labels[status]}</Badge>;
}
