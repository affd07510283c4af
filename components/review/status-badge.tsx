import { useLocale } from "next-intl";
import type { RecordStatus } from "@/db/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { appLocale } from "@/components/registers/locale-format";
import { enumLabel } from "@/lib/labels";

const TONES: Record<RecordStatus, BadgeTone> = { draft: "neutral", submitted: "blue", approved: "green", rejected: "red", offboarded: "neutral" };

/** The review status of a vendor in words, coloured by how far it is from the approved register. */
export function StatusBadge({ status }: { status: RecordStatus }) {
  const locale = appLocale(useLocale());
  return <Badge tone={TONES[status]}>{enumLabel("recordStatus", status, locale)}</Badge>;
}
