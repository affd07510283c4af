import { useLocale } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { appLocale } from "@/components/registers/locale-format";
import type { AgreementState } from "@/db/list-sorts";
import { enumLabel } from "@/lib/labels";

const TONE: Record<AgreementState, BadgeTone> = { active: "green", expired: "red", unsigned: "amber", not_yet_effective: "neutral" };

/** An agreement's state as of today, in words ("Active", "Not yet effective"). */
export function AgreementStateBadge({ state }: { state: AgreementState }) {
  const locale = appLocale(useLocale());
  return <Badge tone={TONE[state]}>{enumLabel("agreementState", state, locale)}</Badge>;
}
