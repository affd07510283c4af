import { useLocale } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { appLocale } from "@/components/registers/locale-format";
import type { TransferStatus } from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";

const TONE: Record<TransferStatus, BadgeTone> = {
  draft: "neutral",
  submitted: "blue",
  approved: "green",
  rejected: "red",
  ended: "neutral",
};

export function TransferStatusBadge({ status }: { status: TransferStatus }) {
  const locale = appLocale(useLocale());
  return <Badge tone={TONE[status]}>{enumLabel("transferStatus", status, locale)}</Badge>;
}
