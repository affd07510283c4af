import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import type { FlagStatus, Severity } from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";

/*
 * Rendered by server pages (the dashboard) and client tables alike: the page's language comes from next-intl,
 * which both kinds of component can read synchronously.
 */

const SEVERITY_TONE: Record<Severity, BadgeTone> = {
  critical: "red",
  high: "orange",
  medium: "amber",
  low: "blue",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const locale = useUiLocale();
  return (
    <span data-testid="severity-badge" data-severity={severity}>
      <Badge tone={SEVERITY_TONE[severity]}>{enumLabel("severity", severity, locale)}</Badge>
    </span>
  );
}

const STATUS_TONE: Record<FlagStatus, BadgeTone> = {
  open: "amber",
  accepted: "blue",
  resolved: "green",
};

export function FlagStatusBadge({ status }: { status: FlagStatus }) {
  const locale = useUiLocale();
  return (
    <span data-testid="flag-status" data-status={status}>
      <Badge tone={STATUS_TONE[status]}>{enumLabel("flagStatus", status, locale)}</Badge>
    </span>
  );
}
