"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { resubmitVendor } from "@/app/(dashboard)/register/actions";
import { Button } from "@/components/ui/button";

/** "Submit again" for a rejected vendor: one click, the outcome or the reason it failed in words. */
export function ResubmitButton({ processorId, processorName, version }: { processorId: string; processorName: string; version: number }) {
  const t = useTranslations("registration.resubmit");
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const resubmit = () =>
    startTransition(async () => {
      setMessage(undefined);
      const result = await resubmitVendor({ processorId, version });
      if (result.ok) return router.refresh();
      setMessage(result.error.code === "version_conflict" ? t("conflict", { name: processorName }) : result.error.message);
    });
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button type="button" variant="secondary" onClick={resubmit} disabled={pending} data-testid="resubmit-vendor">
        {pending ? t("submitting") : t("button")}
        <span className="sr-only"> {t("which", { name: processorName })}</span>
      </Button>
      {message && (
        <span role="status" className="text-sm text-red-800">
          {message}
        </span>
      )}
    </span>
  );
}
