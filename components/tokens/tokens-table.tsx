import { useTranslations } from "next-intl";
import type { TokenListRow } from "@/db/queries/tokens";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { formatDateTime } from "@/lib/labels";
import { Badge } from "@/components/ui/badge";
import { RevokeTokenButton } from "./revoke-token-button";
import type { RevokeTokenAction } from "./token-action-types";
import { TableScroll } from "@/components/ui/table-scroll";

function tokenState(token: TokenListRow, now: Date): "active" | "expired" | "revoked" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}

const STATE_TONE = { active: "green", expired: "neutral", revoked: "red" } as const;

/** API tokens: never the secret, only the prefix that tells them apart. `showOwner` for the DPO's view of everyone's. */
export function TokensTable({
  tokens,
  now,
  revokeToken,
  showOwner = false,
  emptyText,
  testId = "tokens-table",
  label = "API tokens table",
}: {
  tokens: readonly TokenListRow[];
  now: Date;
  revokeToken: RevokeTokenAction;
  showOwner?: boolean;
  emptyText: string;
  testId?: string;
  /** Names the table's scroll region, e.g. after the section's heading. */
  label?: string;
}) {
  const t = useTranslations("tokens");
  const common = useTranslations("common");
  const locale = useUiLocale();
  const columns = showOwner ? 8 : 7;
  return (
    <TableScroll label={label} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("table.name")}</th>
            {showOwner && <th scope="col" className="px-4 py-2">{t("table.owner")}</th>}
            <th scope="col" className="px-4 py-2">{t("table.prefix")}</th>
            <th scope="col" className="px-4 py-2">{t("table.created")}</th>
            <th scope="col" className="px-4 py-2">{t("table.lastUsed")}</th>
            <th scope="col" className="px-4 py-2">{t("table.expires")}</th>
            <th scope="col" className="px-4 py-2">{t("table.status")}</th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">{t("table.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.length === 0 && (
            <tr>
              <td colSpan={columns} className="px-4 py-8 text-center text-slate-600">
                {emptyText}
              </td>
            </tr>
          )}
          {tokens.map((token) => {
            const state = tokenState(token, now);
            return (
              <tr key={token.id} data-testid="token-row" data-token-name={token.name} data-state={state} className="align-top">
                <td className="px-4 py-2 font-medium">{token.name}</td>
                {showOwner && (
                  <td className="px-4 py-2">
                    {token.ownerName}
                    <span className="block text-xs text-slate-600">{token.ownerEmail}</span>
                  </td>
                )}
                <td className="px-4 py-2">
                  <code className="text-xs">{token.prefix}…</code>
                </td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatDateTime(token.createdAt, locale)}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : common("never")}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{token.expiresAt ? formatDateTime(token.expiresAt, locale) : common("never")}</td>
                <td className="px-4 py-2" data-testid="token-status">
                  <Badge tone={STATE_TONE[state]}>{t(`state.${state}`)}</Badge>
                  {token.revokedAt && <span className="mt-1 block text-xs text-slate-600">{formatDateTime(token.revokedAt, locale)}</span>}
                </td>
                <td className="px-4 py-2">
                  {state !== "revoked" && <RevokeTokenButton tokenId={token.id} tokenName={token.name} revokeToken={revokeToken} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
