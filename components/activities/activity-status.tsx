import { useTranslations } from "next-intl";
import type { RecordStatus } from "@/db/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";

/*
 * An activity's review status in words (issue 13: "Awaiting review", not `submitted`): an engineer proposes an
 * activity, the DPO approves or rejects it. Activities have no draft or offboarded step, but the status type
 * is the vendors' and every value has its words (activities.status.<status>: an activity's own, feminine in
 * French, not the vendors' labels).
 */

const TONES: Record<RecordStatus, BadgeTone> = { draft: "neutral", submitted: "blue", approved: "green", rejected: "red", offboarded: "neutral" };

/** The statuses an activity can be in, for the register's filter: it is never a draft or offboarded. */
export const ACTIVITY_STATUSES = ["submitted", "approved", "rejected"] as const satisfies readonly RecordStatus[];

export function ActivityStatusBadge({ status }: { status: RecordStatus }) {
  const t = useTranslations("activities.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
