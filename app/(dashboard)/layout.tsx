import type { ReactNode } from "react";
import { AppNav, type NavItem } from "@/components/layout/app-nav";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { UserRole } from "@/db/schema/enums";
import { requirePageActor } from "@/lib/auth/guard";

/** An item without `roles` is for everyone; the pages check the role themselves, the menu only hides. */
const NAV: (NavItem & { roles?: readonly UserRole[] })[] = [
  { href: "/", label: "Dashboard" },
  { href: "/organisation", label: "Organisation" },
  { href: "/processors", label: "Processors" },
  { href: "/transfers", label: "Transfers" },
  { href: "/agreements", label: "Agreements" },
  { href: "/activities", label: "Processing activities" },
  { href: "/data-categories", label: "Data categories" },
  { href: "/flags", label: "Flags" },
  { href: "/review", label: "Review queue", roles: ["dpo"] },
  { href: "/register", label: "My vendors", roles: ["dpo", "engineer"] },
  { href: "/import", label: "Import", roles: ["dpo", "engineer"] },
  { href: "/exports", label: "Exports", roles: ["dpo", "auditor"] },
  { href: "/audit", label: "Audit trail", roles: ["dpo", "auditor"] },
  { href: "/users", label: "Users", roles: ["dpo"] },
  { href: "/settings/tokens", label: "API tokens" },
  { href: "/api-reference", label: "API reference" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const nav: NavItem[] = NAV.filter((item) => !item.roles || item.roles.includes(actor.role)).map(({ href, label }) => ({ href, label }));
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white p-4 md:block">
        <p className="mb-6 px-3 text-sm font-semibold text-slate-900">Transfer governance</p>
        <AppNav items={nav} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
          <div className="md:hidden">
            <AppNav items={nav} />
          </div>
          <p className="ml-auto text-sm text-slate-700" data-testid="current-user">
            {actor.name} · <span className="font-medium">{actor.role.toUpperCase()}</span>
          </p>
          <SignOutButton />
        </header>
        <main className="flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
