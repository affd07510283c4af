"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useInvalidateRegisters } from "@/components/providers/register-keys";

type State = { step: "idle" } | { step: "confirming" } | { step: "deleting" } | { step: "failed"; message: string };

/** Why the server refused, in its own words when it gave some (problem+json `detail`). */
async function refusal(response: Response): Promise<string> {
  const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
  if (response.status === 409) return problem?.detail ?? "Someone changed this record or it is still in use. Reload the page and try again.";
  if (response.status === 403) return "Your role does not allow you to delete this record.";
  if (response.status === 404) return "This record no longer exists. Go back to the register.";
  return problem?.detail ?? `The record could not be deleted (the server answered ${response.status}).`;
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
  /** What is deleted, for the labels: "transfer". */
  noun: string;
  /** Where to go once it is gone: its register. */
  afterPath: string;
}) {
  const [state, setState] = useState<State>({ step: "idle" });
  const router = useRouter();
  const invalidateRegisters = useInvalidateRegisters();

  async function confirmDelete() {
    setState({ step: "deleting" });
    let response: Response;
    try {
      response = await fetch(endpoint, { method: "DELETE", headers: { "if-match": `"${version}"`, accept: "application/problem+json" } });
    } catch {
      setState({ step: "failed", message: "The server could not be reached. Check your network connection and try again." });
      return;
    }
    if (!response.ok) {
      setState({ step: "failed", message: await refusal(response) });
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
        Delete {noun}
      </button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="delete-confirmation">
      {state.step === "failed" ? (
        <p role="status">{state.message}</p>
      ) : (
        <p>
          Delete this {noun}? It leaves the register; its history stays in the audit trail.
        </p>
      )}
      {state.step !== "failed" && (
        <button
          type="button"
          className="rounded-md bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60"
          onClick={() => void confirmDelete()}
          disabled={state.step === "deleting"}
          autoFocus
        >
          {state.step === "deleting" ? "Deleting…" : `Yes, delete the ${noun}`}
        </button>
      )}
      <button type="button" className="rounded-md px-3 py-1 font-medium text-red-900 underline" onClick={() => setState({ step: "idle" })}>
        {state.step === "failed" ? "Close" : "Cancel"}
      </button>
    </div>
  );
}
