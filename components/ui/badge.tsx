import { clsx } from "clsx";
import type { ReactNode } from "react";

const TONES = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  green: "bg-green-50 text-green-800 ring-green-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  orange: "bg-orange-50 text-orange-900 ring-orange-300",
  red: "bg-red-50 text-red-800 ring-red-300",
  blue: "bg-blue-50 text-blue-800 ring-blue-300",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={clsx("inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", TONES[tone])}>
      {children}
    </span>
  );
}
