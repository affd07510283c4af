"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { ACCEPTED_DOCUMENT_TYPES } from "@/lib/documents/accepted-types";
import { enumOptions } from "@/lib/labels";
import { appLocale } from "@/components/registers/locale-format";
import type { DocumentOwnerField } from "@/lib/api/contracts/documents";
import { formatFileSize } from "./format";

type Target = { kind: "new"; owner: { field: DocumentOwnerField; id: string } } | { kind: "version"; documentId: string; version: number; nextNumber: number; title: string };

type State = { step: "idle" } | { step: "uploading" } | { step: "failed"; message: string } | { step: "done"; message: string };

type Problem = { detail?: string; errors?: { path: string; message: string }[]; limit?: { value?: number } };

/**
 * Uploads a document (kind, title, file) or a new version of one through the API (multipart/form-data, the
 * session cookie, same origin), then re-reads the page so that the list shows the file with the hash the server
 * computed. The size is checked here first, to spare a long upload that the server would refuse anyway.
 */
export function DocumentUploadForm({ target, maxBytes }: { target: Target; maxBytes: number }) {
  const t = useTranslations("documents");
  const locale = appLocale(useLocale());
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const id = useId();
  const maxSize = formatFileSize(maxBytes, locale);

  async function refusal(response: Response): Promise<string> {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    switch (response.status) {
      case 413:
        return t("errors.tooLarge", { size: formatFileSize(problem.limit?.value ?? maxBytes, locale) });
      case 415:
        return t("errors.type");
      case 403:
        return t("errors.forbidden");
      case 409:
        return t("errors.conflict");
      case 422:
        return problem.errors?.some((issue) => issue.path === "file") ? t("errors.missing") : t("errors.invalid");
      default:
        return t("errors.failed", { status: String(response.status) });
    }
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    const file = body.get("file");
    if (!(file instanceof File) || file.size === 0) return setState({ step: "failed", message: t("errors.missing") });
    if (file.size > maxBytes) return setState({ step: "failed", message: t("errors.tooLarge", { size: maxSize }) });
    if (target.kind === "version") body.set("version", String(target.version));
    const url = target.kind === "new" ? "/api/v1/documents" : `/api/v1/documents/${target.documentId}/versions`;
    setState({ step: "uploading" });
    let response: Response;
    try {
      response = await fetch(url, { method: "POST", body, headers: { accept: "application/json, application/problem+json" } });
    } catch {
      return setState({ step: "failed", message: t("errors.unreachable") });
    }
    if (!response.ok) return setState({ step: "failed", message: await refusal(response) });
    const { data } = (await response.json()) as { data: { current: { versionNumber: number } } };
    formRef.current?.reset();
    setState({ step: "done", message: t("upload.done", { number: String(data.current.versionNumber) }) });
    router.refresh();
  }

  const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  const label = "block text-sm font-medium text-slate-800";
  const heading = target.kind === "new" ? t("upload.heading") : t("newVersion.heading", { title: target.title });
  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} className="space-y-3" aria-label={heading} data-testid={target.kind === "new" ? "document-upload" : "document-version-upload"}>
      {target.kind === "new" && (
        <>
          {(["agreementId", "transferId", "activityId", "tiaId"] as const).map((name) =>
            target.owner.field === name ? <input key={name} type="hidden" name={name} value={target.owner.id} /> : null,
          )}
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-kind`} className={label}>
                {t("upload.kind")}
              </label>
              <select id={`${id}-kind`} name="kind" required className={field} defaultValue="">
                <option value="" disabled>
                  {t("upload.chooseKind")}
                </option>
                {enumOptions("documentKind", locale).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-title`} className={label}>
                {t("upload.title")}
              </label>
              <input id={`${id}-title`} name="title" required maxLength={200} className={field} />
            </div>
          </div>
        </>
      )}
      <div>
        <label htmlFor={`${id}-file`} className={label}>
          {t("upload.file")}
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          required
          accept={ACCEPTED_DOCUMENT_TYPES.flatMap((type) => [`.${type.extension}`, type.mediaType]).join(",")}
          aria-describedby={`${id}-hint`}
          className="mt-1 block w-full text-sm"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {t("upload.hint", { size: maxSize })}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={state.step === "uploading"}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {state.step === "uploading" ? t("upload.uploading") : target.kind === "new" ? t("upload.submit") : t("newVersion.submit", { number: String(target.nextNumber) })}
        </button>
        {state.step === "failed" && (
          <p role="alert" className="text-sm text-red-800" data-testid="document-upload-error">
            {state.message}
          </p>
        )}
        {state.step === "done" && (
          <p role="status" className="text-sm text-green-800">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
