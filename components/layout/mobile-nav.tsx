"use client";

import { usePathname } from "next/navigation";
import { Collapsible } from "radix-ui";
import { useState, type KeyboardEvent } from "react";
import { AppNav, type NavItem } from "./app-nav";

/**
 * The main navigation on a narrow screen: a "Menu" button (aria-expanded, aria-controls, from Radix's
 * Collapsible) that opens the same links under the header. The menu remembers the page it was opened on, so
 * following one of its links closes it; Escape closes it too and gives the focus back to the button.
 */
export function MobileNav({ items, label, buttonLabel }: { items: NavItem[]; label: string; buttonLabel: string }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const closeOnEscape = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Escape" || !open) return;
    setOpenOn(null);
    event.currentTarget.querySelector<HTMLButtonElement>("button[aria-controls]")?.focus();
  };
  return (
    <Collapsible.Root open={open} onOpenChange={(next) => setOpenOn(next ? pathname : null)} className="md:hidden" onKeyDown={closeOnEscape}>
      <Collapsible.Trigger
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
        data-testid="nav-menu-button"
      >
        <svg viewBox="0 0 16 16" className="h-4 w-4" aria-hidden="true" focusable="false">
          <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        {buttonLabel}
      </Collapsible.Trigger>
      <Collapsible.Content className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white p-3 shadow-md" data-testid="nav-menu">
        <AppNav items={items} label={label} />
      </Collapsible.Content>
    </Collapsible.Root>
  );
}
