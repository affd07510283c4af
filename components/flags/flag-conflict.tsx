"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * What a flag form shows when someone changed the flag since the page was read (HTTP 409): what happened, what the
 * reader should check, and a reload. One notice for every form of the flag page (accept, remediation).
 */
export function FlagConflict({ hint, testId, onReload }: { hint: string; testId: string; onReload: () => void }) {
  const t = useTranslations("flags");
  const common = useTranslations("common");
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid={testId}>
      <p className="font-medium text-amber-900">{t("accept.conflict")}</p>
      <p className="text-amber-900">{hint}</p>
      <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={onReload}>
        {common("reload")}
      </Button>
    </div>
  );
}
