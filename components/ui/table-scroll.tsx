import { clsx } from "clsx";
import type { ReactNode } from "react";

/**
 * The horizontal scroller around a wide table. It is a named, focusable region so that keyboard users can
 * scroll it with the arrow keys even when the table holds no link or button (WCAG 2.1.1, axe's
 * scrollable-region-focusable). The global :focus-visible outline shows when it has the focus.
 */
export function TableScroll({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={clsx("overflow-x-auto", className)}>
      {children}
    </div>
  );
}
