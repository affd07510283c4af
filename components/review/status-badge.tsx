import type { RecordStatus } from "@/db/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<RecordStatus, BadgeTone> = { draft: "neutral", submitted: "blue", approved: "green", rejected: "red", offboarded: "neutral" };

/** The review status of a vendor in words, coloured by how far it is from the approved register. */
export function StatusBadge({ status }: { status: RecordStatus }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}
