import type { Metadata } from "next";
import { db } from "@/db/client";
import { listApiTokens } from "@/db/queries/tokens";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { requirePageActor } from "@/lib/auth/guard";
import { createToken, revokeToken } from "./actions";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const actor = await requirePageActor();
  const database = db();
  const isDpo = actor.role === "dpo";
  const [own, everyone] = await Promise.all([
    listApiTokens({ db: database, userId: actor.id }),
    isDpo ? listApiTokens({ db: database }) : Promise.resolve([]),
  ]);
  const others = everyone.filter((token) => token.userId !== actor.id);
  const now = new Date();

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="text-sm text-slate-700">
          Personal tokens for scripts and tools: send one as <code>Authorization: Bearer &lt;token&gt;</code> to the <code>/api/v1</code>{" "}
          endpoints. A token acts as you, with your role ({actor.role.toUpperCase()}), and stops working when it is revoked, when it
          expires, or when your account is disabled.
        </p>
      </div>
      <section aria-labelledby="new-token" className="space-y-2">
        <h2 id="new-token" className="text-lg font-semibold">
          Create a token
        </h2>
        <CreateTokenForm createToken={createToken} />
      </section>
      <section aria-labelledby="own-tokens" className="space-y-2">
        <h2 id="own-tokens" className="text-lg font-semibold">
          Your tokens
        </h2>
        <TokensTable tokens={own} now={now} revokeToken={revokeToken} emptyText="You have no API token." label="Your tokens table" />
      </section>
      {isDpo && (
        <section aria-labelledby="all-tokens" className="space-y-2">
          <h2 id="all-tokens" className="text-lg font-semibold">
            Other users&apos; tokens
          </h2>
          <p className="text-sm text-slate-700">As the DPO you can revoke any token, for example one that leaked.</p>
          <TokensTable
            tokens={others}
            now={now}
            revokeToken={revokeToken}
            showOwner
            emptyText="No other user has an API token."
            testId="all-tokens-table"
            label="Other users' tokens table"
          />
        </section>
      )}
    </div>
  );
}
