"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { FormLevelError } from "./server-errors";

/** The save's outcome for the whole form; on a stale version, a way to reload the latest one. */
export function FormError({ error }: { error: FormLevelError | null }) {
  const t = useTranslations("forms");
  if (!error) return null;
  return (
    <div role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
      <p>{error.message}</p>
      {error.conflict && (
        <Button type="button" className="mt-2" onClick={() => window.location.reload()}>
          {t("reloadLatest")}
        </Button>
      )}
    </div>
  );
}
