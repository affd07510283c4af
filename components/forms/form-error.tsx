"use client";

import { Button } from "@/components/ui/button";
import type { FormLevelError } from "./server-errors";

/** The save's outcome for the whole form; on a stale version, a way to reload the latest one. */
export function FormError({ error }: { error: FormLevelError | null }) {
  if (!error) return null;
  return (
    <div role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
      <p>{error.message}</p>
      {error.conflict && (
        <Button type="button" className="mt-2" onClick={() => window.location.reload()}>
          Reload the latest version (your unsaved changes are discarded)
        </Button>
      )}
    </div>
  );
}
