"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { RevokeTokenAction } from "./token-action-types";

/** Revokes a token after a confirmation: the token stops working at once, and this cannot be undone. */
export function RevokeTokenButton({ tokenId, tokenName, revokeToken }: { tokenId: string; tokenName: string; revokeToken: RevokeTokenAction }) {
  const t = useTranslations("tokens");
  const common = useTranslations("common");
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function revoke() {
    setError(null);
    startTransition(async () => {
      const result = await revokeToken({ tokenId });
      // On success the action revalidated the page: the row shows the token as revoked.
      if (!result.ok) setError(result.error.message);
      setConfirming(false);
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <Button type="button" className="bg-red-700 px-2 py-1 text-xs hover:bg-red-800" disabled={pending} onClick={revoke}>
            {pending
              ? t("revoke.pending")
              : t.rich("revoke.confirm", { name: tokenName, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
          </Button>
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" disabled={pending} onClick={() => setConfirming(false)}>
            {common("cancel")}
          </Button>
        </>
      ) : (
        <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setConfirming(true)}>
          {t.rich("revoke.button", { name: tokenName, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
        </Button>
      )}
      {error && (
        <p aria-live="polite" className="w-full text-xs text-red-700" data-testid="revoke-token-error">
          {error}
        </p>
      )}
    </div>
  );
}
