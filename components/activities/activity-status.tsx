import type { RecordStatus } from "@/db/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";

/**
 * An activity's review status in words (issue 13: "Awaiting review", not `submitted`): an engineer proposes an
 * activity, the DPO approves or rejects it. Activities have no draft or offboarded step, but the status type
 * is the vendors' and every value has its words.
 */
export const ACTIVITY_STATUS_WORDS: Readonly<Record<RecordStatus, string>> = {
  draft: "Draft",
  submitted: "Awaiting review",
  approved: "Approved",
  rejected: "Rejected",
  offboarded: "Offboarded",
};

const TONES: Record<RecordStatus, BadgeTone> = { draft: "neutral", submitted: "blue", approved: "green", rejected: "red", offboarded: "neutral" };

export function ActivityStatusBadge({ status }: { status: RecordStatus }) {
  return <Badge tone={TONES[status]}>{ACTIVITY_STATUS_WORDS[status]}</Badge>;
}
