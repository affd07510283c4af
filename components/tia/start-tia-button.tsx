"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guard";

/** Starts a draft (steps 1 and 2 prefilled in the page's language) and opens it. */
export function StartTiaButton({
  transferId,
  start,
}: {
  transferId: string;
  start: (input: { transferId: string; language: string }) => Promise<ActionResult<{ id: string; version: number }>>;
}) {
  const t = useTranslations("tia");
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await start({ transferId, language: locale });
            if (result.ok) router.push(`/transfers/${transferId}/tia/${result.data.id}`);
            else setError(result.error.message);
          })
        }
      >
        {pending ? t("list.starting") : t("list.start")}
      </Button>
      {error && (
        <p role="status" className="text-sm text-red-800" data-testid="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
