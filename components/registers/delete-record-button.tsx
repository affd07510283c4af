"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useInvalidateRegisters } from "@/components/providers/register-keys";
import { nounKey } from "./nouns";

type State = { step: "idle" } | { step: "confirming" } | { step: "deleting" } | { step: "failed"; message: string };

type Translate = ReturnType<typeof useTranslations>;

/** Why the server refused, in its own words when it gave some (problem+json `detail`). */
async function refusal(response: Response, t: Translate): Promise<string> {
  const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
  if (response.status === 409) return problem?.detail ?? t("delete.conflict");
  if (response.status === 403) return t("delete.forbidden");
  if (response.status === 404) return t("delete.notFound");
  return problem?.detail ?? t("delete.failed", { status: String(response.status) });
}

/**
 * Deletes a record through the API (DELETE with the version this page shows, so that a change made since is
 * refused, not overwritten), after asking once. A refusal says why in words: the server names what still
 * depends on the record. The record's last state stays in the audit trail.
 */
export function DeleteRecordButton({
  endpoint,
  version,
  noun,
  afterPath,
}: {
  /** e.g. "/api/v1/transfers/<id>". */
  endpoint: string;
  version: number;
  /**
   * What is deleted, in English: "transfer". Its sentences are registers.delete.<noun> (French needs the
   * noun's gender: « ce transfert », « cette entité »); another noun gets the generic ones.
   */
  noun: string;
  /** Where to go once it is gone: its register. */
  afterPath: string;
}) {
  const t = useTranslations("registers");
  const [state, setState] = useState<State>({ step: "idle" });
  const router = useRouter();
  const invalidateRegisters = useInvalidateRegisters();
  const own = `delete.nouns.${nounKey(noun)}`;
  const sentence = (key: "button" | "question" | "confirm") => (t.has(`${own}.${key}`) ? t(`${own}.${key}`) : t(`delete.generic.${key}`, { noun }));

  async function confirmDelete() {
    setState({ step: "deleting" });
    let response: Response;
    try {
      response = await fetch(endpoint, { method: "DELETE", headers: { "if-match": `"${version}"`, accept: "application/problem+json" } });
    } catch {
      setState({ step: "failed", message: t("delete.unreachable") });
      return;
    }
    if (!response.ok) {
      setState({ step: "failed", message: await refusal(response, t) });
      return;
    }
    await invalidateRegisters();
    router.push(afterPath);
    router.refresh();
  }

  if (state.step === "idle") {
    return (
      <button
        type="button"
        className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
        onClick={() => setState({ step: "confirming" })}
        data-testid="delete-record"
      >
        {sentence("button")}
      </button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="delete-confirmation">
      {state.step === "failed" ? <p role="status">{state.message}</p> : <p>{sentence("question")}</p>}
      {state.step !== "failed" && (
        <button
          type="button"
          className="rounded-md bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60"
          onClick={() => void confirmDelete()}
          disabled={state.step === "deleting"}
          autoFocus
        >
          {state.step === "deleting" ? t("delete.deleting") : sentence("confirm")}
        </button>
      )}
      <button type="button" className="rounded-md px-3 py-1 font-medium text-red-900 underline" onClick={() => setState({ step: "idle" })}>
        {state.step === "failed" ? t("delete.close") : t("delete.cancel")}
      </button>
    </div>
  );
}
