"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { reviewProposedActivity, reviewVendor } from "@/app/(dashboard)/review/actions";
import { useInvalidateRegisters } from "@/components/providers/register-keys";
import { Button } from "@/components/ui/button";
import { approveProcessorBody, rejectProcessorBody } from "@/lib/api/contracts/processors";

type Values = z.input<typeof approveProcessorBody>;

/**
 * Approve or reject one submitted vendor, or one proposed processing activity (`subject`); the comment is
 * required to reject (the same rule as the API, whose vendor and activity review bodies are alike).
 */
export function ReviewForm({
  processorId,
  processorName,
  version,
  subject = "vendor",
}: {
  processorId: string;
  processorName: string;
  version: number;
  subject?: "vendor" | "activity";
}) {
  const t = useTranslations("review.form");
  const router = useRouter();
  const invalidateRegisters = useInvalidateRegisters();
  const commentId = useId();
  const errorId = useId();
  const [serverMessage, setServerMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values>({ resolver: zodResolver(approveProcessorBody), defaultValues: { version, comment: "" } });
  const commentError = form.formState.errors.comment?.message;

  const decide = (decision: "approve" | "reject") =>
    form.handleSubmit((values) => {
      const comment = values.comment?.trim() || undefined;
      if (decision === "reject") {
        const checked = rejectProcessorBody.safeParse({ version, comment: comment ?? "" });
        if (!checked.success) {
          const issue = checked.error.issues[0]?.message;
          form.setError("comment", { message: issue ? t("commentIssue", { issue }) : t("commentRequired") });
          return;
        }
      }
      setServerMessage(undefined);
      startTransition(async () => {
        const result =
          subject === "activity"
            ? await reviewProposedActivity({ activityId: processorId, decision, version, comment })
            : await reviewVendor({ processorId, decision, version, comment });
        if (result.ok) {
          // The vendor's status changed, and an approval evaluates its transfers' flags: every register is stale.
          void invalidateRegisters();
          router.refresh();
          return;
        }
        const fieldError = result.error.fields?.find((field) => field.path === "comment");
        if (fieldError) form.setError("comment", { message: t("commentIssue", { issue: fieldError.message }) });
        else if (result.error.code === "version_conflict" || result.error.code === "conflict") {
          setServerMessage(t("conflict", { name: processorName }));
        } else setServerMessage(result.error.message);
      });
    })();

  return (
    <form className="space-y-2" onSubmit={(event) => event.preventDefault()} aria-label={t("label", { name: processorName })}>
      <label htmlFor={commentId} className="block text-sm font-medium">
        {t("comment", { name: processorName })} <span className="font-normal text-slate-700">{t("commentHint")}</span>
      </label>
      <textarea
        id={commentId}
        rows={2}
        className="w-full rounded border border-slate-400 p-2 text-sm"
        aria-invalid={commentError ? true : undefined}
        aria-describedby={commentError ? errorId : undefined}
        {...form.register("comment")}
      />
      {commentError && (
        <p id={errorId} className="text-sm text-red-800">
          {commentError}
        </p>
      )}
      {serverMessage && <p className="text-sm text-red-800" role="status">{serverMessage}</p>}
      <div className="flex gap-2">
        <Button type="button" disabled={pending} onClick={() => decide("approve")}>
          {t("approve")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => decide("reject")}>
          {t("reject")}
        </Button>
      </div>
    </form>
  );
}
