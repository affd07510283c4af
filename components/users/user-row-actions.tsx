"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import type { UserRole } from "@/db/schema/enums";
import type { ActionResult } from "@/lib/auth/guard";
import { ROLE_OPTIONS, roleLabel } from "./labels";
import type { UserAdminActions, UserSummary } from "./user-action-types";

/**
 * The DPO's controls on one account: change the role, disable or re-enable. `version` is the account's
 * version as rendered: if someone changed it since, the server refuses and the row says so. The DPO's own
 * row has no disable and no role change (the server refuses them too).
 */
export function UserRowActions({
  user,
  isSelf,
  actions,
}: {
  user: { id: string; email: string; role: UserRole; version: number; disabled: boolean };
  isSelf: boolean;
  actions: Pick<UserAdminActions, "changeRole" | "disableUser" | "enableUser">;
}) {
  const t = useTranslations("users");
  const common = useTranslations("common");
  const locale = useUiLocale();
  const router = useRouter();
  const baseId = useId();
  const [pending, startTransition] = useTransition();
  const [role, setRole] = useState<UserRole>(user.role);
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  function run(call: () => Promise<ActionResult<UserSummary>>) {
    setError(null);
    startTransition(async () => {
      const result = await call();
      setConfirmingDisable(false);
      // On success the action revalidated the page: the row re-renders with the new version.
      if (result.ok) return;
      if (result.error.code === "version_conflict") setConflict(true);
      else setError(result.error.message);
    });
  }

  if (conflict) {
    return (
      <div className="space-y-1 text-xs" data-testid="user-conflict">
        <p className="text-amber-900">{t("row.conflict")}</p>
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => {
            setConflict(false);
            router.refresh();
          }}
        >
          {common("reload")}
        </Button>
      </div>
    );
  }

  const ref = { userId: user.id, version: user.version };
  const roleId = `${baseId}-role`;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {isSelf ? (
        <span className="text-xs text-slate-600">{t("row.self")}</span>
      ) : (
        <>
          <label htmlFor={roleId} className="sr-only">
            {t("row.roleOf", { email: user.email })}
          </label>
          <select
            id={roleId}
            value={role}
            onChange={(event) => setRole(event.target.value as UserRole)}
            disabled={pending}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
          >
            {ROLE_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {roleLabel(option, locale)}
              </option>
            ))}
          </select>
          <Button
            type="button"
            variant="secondary"
            className="px-2 py-1 text-xs"
            disabled={pending || role === user.role}
            onClick={() => run(() => actions.changeRole({ ...ref, role }))}
          >
            {t.rich("row.saveRole", { email: user.email, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
          </Button>
          {user.disabled ? (
            <Button type="button" variant="secondary" className="px-2 py-1 text-xs" disabled={pending} onClick={() => run(() => actions.enableUser(ref))}>
              {t.rich("row.enable", { email: user.email, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
            </Button>
          ) : confirmingDisable ? (
            <>
              <Button
                type="button"
                className="bg-red-700 px-2 py-1 text-xs hover:bg-red-800"
                disabled={pending}
                onClick={() => run(() => actions.disableUser(ref))}
              >
                {t.rich("row.confirmDisable", { email: user.email, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
              </Button>
              <Button type="button" variant="ghost" className="px-2 py-1 text-xs" disabled={pending} onClick={() => setConfirmingDisable(false)}>
                {common("cancel")}
              </Button>
            </>
          ) : (
            <Button type="button" variant="secondary" className="px-2 py-1 text-xs" disabled={pending} onClick={() => setConfirmingDisable(true)}>
              {t.rich("row.disable", { email: user.email, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
            </Button>
          )}
        </>
      )}
      <p aria-live="polite" className="w-full text-xs text-red-700" data-testid="user-action-error">
        {error}
      </p>
    </div>
  );
}
