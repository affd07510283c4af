import type { ChainVerification } from "@/lib/audit/verify";

/**
 * The state of the audit hash chain. Takes the verification as a promise, so that the page can stream the
 * event list while the chain (the whole table) is being walked.
 */
export async function ChainStatus({ verification }: { verification: Promise<ChainVerification> }) {
  const result = await verification;
  if (result.ok) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="chain-status" data-state="intact">
        <span className="font-semibold">Intact:</span> {result.checked.toLocaleString("en-US")} {result.checked === 1 ? "event" : "events"}, head hash{" "}
        <code title={result.headHash}>{result.headHash.slice(0, 12)}…</code>
      </p>
    );
  }
  return (
    <p role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="chain-status" data-state="broken">
      <span className="font-semibold">Broken at event #{result.brokenAt}:</span> {result.reason}. The {result.checked.toLocaleString("en-US")} events
      before it verify.
    </p>
  );
}

export function ChainStatusPending() {
  return (
    <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="chain-status" data-state="pending">
      Verifying the hash chain…
    </p>
  );
}
