import { useTranslations } from "next-intl";
import type { VisibleUser } from "@/db/queries/users";
import { Badge } from "@/components/ui/badge";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { formatDateTime } from "@/lib/labels";
import { roleLabel } from "./labels";
import type { UserAdminActions } from "./user-action-types";
import { UserRowActions } from "./user-row-actions";
import { TableScroll } from "@/components/ui/table-scroll";

/** One page of the user accounts, with the DPO's controls on each. */
export function UsersTable({
  rows,
  currentUserId,
  actions,
}: {
  rows: readonly VisibleUser[];
  currentUserId: string;
  actions: Pick<UserAdminActions, "changeRole" | "disableUser" | "enableUser">;
}) {
  const t = useTranslations("users");
  const common = useTranslations("common");
  const locale = useUiLocale();
  return (
    <TableScroll label={t("table.label")} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="users-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("table.email")}</th>
            <th scope="col" className="px-4 py-2">{t("table.name")}</th>
            <th scope="col" className="px-4 py-2">{t("table.role")}</th>
            <th scope="col" className="px-4 py-2">{t("table.status")}</th>
            <th scope="col" className="px-4 py-2">{t("table.lastSignIn")}</th>
            <th scope="col" className="px-4 py-2">{t("table.manage")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={6} className="px-4 py-8 text-center text-slate-600">
                {t("table.empty")}
              </td>
            </tr>
          )}
          {rows.map((user) => (
            <tr key={user.id} data-testid="user-row" data-email={user.email} className="align-top">
              <td className="px-4 py-2">
                <span className="font-medium">{user.email}</span>
                {user.isDemo && (
                  <span className="ml-2" title={t("table.demoTitle")}>
                    <Badge tone="amber">{t("table.demo")}</Badge>
                  </span>
                )}
              </td>
              <td className="px-4 py-2">{user.name}</td>
              <td className="px-4 py-2" data-testid="user-role">
                {roleLabel(user.role, locale)}
              </td>
              <td className="px-4 py-2" data-testid="user-status">
                {user.disabledAt ? (
                  <span title={t("table.disabledAt", { at: formatDateTime(user.disabledAt, locale) })}>
                    <Badge tone="red">{t("status.disabled")}</Badge>
                  </span>
                ) : (
                  <Badge tone="green">{t("status.active")}</Badge>
                )}
              </td>
              <td className="whitespace-nowrap px-4 py-2 tabular-nums">{user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : common("never")}</td>
              <td className="px-4 py-2">
                <UserRowActions
                  // A new version re-mounts the controls, so that they start from the saved state.
                  key={`${user.id}-${user.version}`}
                  user={{ id: user.id, email: user.email, role: user.role, version: user.version, disabled: user.disabledAt !== null }}
                  isSelf={user.id === currentUserId}
                  actions={actions}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
