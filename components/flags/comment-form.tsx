"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FLAG_COMMENT_MAX_LENGTH } from "@/lib/api/contracts/flags";
import type { CommentAction } from "./remediation-types";

/** A new comment on the flag's conversation; the server checks the text (1 to 5,000 characters) and who may write. */
export function CommentForm({ flagId, addComment }: { flagId: string; addComment: CommentAction }) {
  const t = useTranslations("flags");
  const common = useTranslations("common");
  const router = useRouter();
  const baseId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "");
    setError(null);
    startTransition(async () => {
      const result = await addComment({ flagId, body });
      if (result.ok) {
        form.current?.reset();
        router.refresh();
        return;
      }
      const issue = result.error.fields?.find((field) => field.path === "body");
      setError(issue ? t("remediation.fieldError", { field: t("comments.body"), message: issue.message }) : result.error.message);
    });
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-label={t("comments.formLabel")} className="max-w-3xl space-y-2" data-testid="comment-form">
      <label htmlFor={`${baseId}-body`} className="block text-xs font-medium text-slate-700">
        {t("comments.body")}
      </label>
      <textarea
        id={`${baseId}-body`}
        name="body"
        rows={3}
        maxLength={FLAG_COMMENT_MAX_LENGTH}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${baseId}-error` : undefined}
        className={`block w-full rounded-md border px-2 py-1.5 text-sm ${error ? "border-red-600" : "border-slate-300"}`}
      />
      {error && (
        <p id={`${baseId}-error`} className="text-xs text-red-700" data-testid="comment-error">
          {error}
        </p>
      )}
      <Button type="submit" className="px-3 py-1.5 text-sm" disabled={pending}>
        {pending ? common("saving") : t("comments.submit")}
      </Button>
    </form>
  );
}
