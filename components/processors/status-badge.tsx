import { useLocale } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { appLocale } from "@/components/registers/locale-format";
import type { RecordStatus } from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";

const TONE: Record<RecordStatus, BadgeTone> = {
  draft: "neutral",
  submitted: "blue",
  approved: "green",
  rejected: "red",
  offboarded: "neutral",
};

export function RecordStatusBadge({ status }: { status: RecordStatus }) {
  const locale = appLocale(useLocale());
  return <Badge tone={TONE[status]}>{enumLabel("recordStatus", status, locale)}</Badge>;
}
