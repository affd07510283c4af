import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AgreementState } from "@/db/list-sorts";

const TONE: Record<AgreementState, BadgeTone> = { active: "green", expired: "red", unsigned: "amber", not_yet_effective: "neutral" };

export const AGREEMENT_STATE_LABELS: Readonly<Record<AgreementState, string>> = {
  active: "Active",
  expired: "Expired",
  unsigned: "Unsigned",
  not_yet_effective: "Not yet effective",
};

export function AgreementStateBadge({ state }: { state: AgreementState }) {
  return <Badge tone={TONE[state]}>{AGREEMENT_STATE_LABELS[state]}</Badge>;
}
