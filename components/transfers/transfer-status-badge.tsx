import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TransferStatus } from "@/db/schema/enums";

const TONE: Record<TransferStatus, BadgeTone> = {
  draft: "neutral",
  submitted: "blue",
  approved: "green",
  rejected: "red",
  ended: "neutral",
};

export function TransferStatusBadge({ status }: { status: TransferStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}
