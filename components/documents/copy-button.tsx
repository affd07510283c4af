"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/** Copies a value (a SHA-256) to the clipboard, and says so where a screen reader hears it. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("documents");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (an insecure origin, a denied permission): the hash stays selectable on the page.
      setCopied(false);
    }
  }
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={label}
      className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-brand-700 hover:bg-slate-50"
    >
      <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
    </button>
  );
}
