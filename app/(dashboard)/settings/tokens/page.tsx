import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listApiTokens } from "@/db/queries/tokens";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { roleLabel } from "@/components/users/labels";
import { requirePageActor } from "@/lib/auth/guard";
import { requestLocale } from "@/lib/i18n/request";
import { createToken, revokeToken } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const actor = await requirePageActor();
  const database = db();
  const isDpo = actor.role === "dpo";
  const [own, everyone, t, locale] = await Promise.all([
    listApiTokens({ db: database, userId: actor.id }),
    isDpo ? listApiTokens({ db: database }) : Promise.resolve([]),
    getTranslations("tokens"),
    requestLocale(),
  ]);
  const others = everyone.filter((token) => token.userId !== actor.id);
  const now = new Date();
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">
          {/* The role in capitals, as the page has always written it ("your role (DPO)"). */}
          {t.rich("intro", {
            code,
            // A value, not message text: the placeholder's angle brackets would read as a tag.
            header: `Authorization: Bearer <${t("tokenPlaceholder")}>`,
            role: roleLabel(actor.role, locale).toLocaleUpperCase(locale),
          })}
        </p>
      </div>
      <section aria-labelledby="new-token" className="space-y-2">
        <h2 id="new-token" className="text-lg font-semibold">
          {t("create.heading")}
        </h2>
        <CreateTokenForm createToken={createToken} />
      </section>
      <section aria-labelledby="own-tokens" className="space-y-2">
        <h2 id="own-tokens" className="text-lg font-semibold">
          {t("own.heading")}
        </h2>
        <TokensTable tokens={own} now={now} revokeToken={revokeToken} emptyText={t("own.empty")} label={t("own.tableLabel")} />
      </section>
      {isDpo && (
        <section aria-labelledby="all-tokens" className="space-y-2">
          <h2 id="all-tokens" className="text-lg font-semibold">
            {t("others.heading")}
          </h2>
          <p className="text-sm text-slate-700">{t("others.text")}</p>
          <TokensTable
            tokens={others}
            now={now}
            revokeToken={revokeToken}
            showOwner
            emptyText={t("others.empty")}
            testId="all-tokens-table"
            label={t("others.tableLabel")}
          />
        </section>
      )}
    </div>
  );
}
