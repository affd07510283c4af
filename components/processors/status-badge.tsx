import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RecordStatus } from "@/db/schema/enums";

const TONE: Record<RecordStatus, BadgeTone> = {
  draft: "neutral",
  submitted: "blue",
  approved: "green",
  rejected: "red",
  offboarded: "neutral",
};

export function RecordStatusBadge({ status }: { status: RecordStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}
