import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { FlagStatus, Severity } from "@/db/schema/enums";

const SEVERITY_TONE: Record<Severity, BadgeTone> = {
  critical: "red",
  high: "orange",
  medium: "amber",
  low: "blue",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span data-testid="severity-badge">
      <Badge tone={SEVERITY_TONE[severity]}>{severity}</Badge>
    </span>
  );
}

const STATUS_TONE: Record<FlagStatus, BadgeTone> = {
  open: "amber",
  accepted: "blue",
  resolved: "green",
};

export function FlagStatusBadge({ status }: { status: FlagStatus }) {
  return (
    <span data-testid="flag-status">
      <Badge tone={STATUS_TONE[status]}>{status}</Badge>
    </span>
  );
}
