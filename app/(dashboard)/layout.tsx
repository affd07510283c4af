import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppNav, type NavItem } from "@/components/layout/app-nav";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { MobileNav } from "@/components/layout/mobile-nav";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { UserRole } from "@/db/schema/enums";
import { requirePageActor } from "@/lib/auth/guard";
import { requestLocale } from "@/lib/i18n/request";
import { enumLabel } from "@/lib/labels";
import { chooseLocale } from "./actions";

/** The menu's entries: `key` names the label in the layout messages (nav.<key>). */
type NavKey =
  | "dashboard"
  | "organisation"
  | "processors"
  | "transfers"
  | "agreements"
  | "activities"
  | "dataCategories"
  | "flags"
  | "myFlags"
  | "notice"
  | "review"
  | "myVendors"
  | "import"
  | "exports"
  | "audit"
  | "users"
  | "apiTokens"
  | "notifications"
  | "apiReference";

/** An item without `roles` is for everyone; the pages check the role themselves, the menu only hides. */
const NAV: { href: string; key: NavKey; roles?: readonly UserRole[] }[] = [
  { href: "/", key: "dashboard" },
  { href: "/organisation", key: "organisation" },
  { href: "/processors", key: "processors" },
  { href: "/transfers", key: "transfers" },
  { href: "/agreements", key: "agreements" },
  { href: "/activities", key: "activities" },
  { href: "/data-categories", key: "dataCategories" },
  { href: "/flags", key: "flags" },
  // The flags assigned to the reader (issue 17): their remediation work list.
  { href: "/flags?assignee=me", key: "myFlags", roles: ["dpo", "engineer"] },
  { href: "/notice", key: "notice" },
  { href: "/review", key: "review", roles: ["dpo"] },
  { href: "/register", key: "myVendors", roles: ["dpo", "engineer"] },
  { href: "/import", key: "import", roles: ["dpo", "engineer"] },
  { href: "/exports", key: "exports", roles: ["dpo", "auditor"] },
  { href: "/audit", key: "audit", roles: ["dpo", "auditor"] },
  { href: "/users", key: "users", roles: ["dpo"] },
  { href: "/settings/tokens", key: "apiTokens" },
  { href: "/settings/notifications", key: "notifications" },
  { href: "/api-reference", key: "apiReference" },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const [t, locale] = await Promise.all([getTranslations("layout"), requestLocale()]);
  const nav: NavItem[] = NAV.filter((item) => !item.roles || item.roles.includes(actor.role)).map(({ href, key }) => ({ href, label: t(`nav.${key}`) }));
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white p-4 md:block">
        <p className="mb-6 px-3 text-sm font-semibold text-slate-900">{t("productName")}</p>
        <AppNav items={nav} label={t("mainNavigation")} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="relative flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 md:px-6">
          <MobileNav items={nav} label={t("mainNavigation")} buttonLabel={t("menu")} />
          <LanguageSwitch choose={chooseLocale} className="ml-auto" />
          <p className="text-sm text-slate-700" data-testid="current-user">
            {/* Capitals as the header has always shown the role ("DPO · AUDITOR"), in the reader's language. */}
            {actor.name} · <span className="font-medium">{enumLabel("userRole", actor.role, locale).toLocaleUpperCase(locale)}</span>
          </p>
          <SignOutButton />
        </header>
        <main className="min-w-0 flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
