import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserFilters } from "@/components/users/user-filters";
import { UsersTable } from "@/components/users/users-table";
import { Pagination } from "@/components/ui/pagination";
import { userListPageQuery } from "@/lib/api/contracts/users";
import { requirePageActor } from "@/lib/auth/guard";
import { changeUserRoleAction, createUserAccount, disableUserAction, enableUserAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor(["dpo"]);
  const raw = await searchParams;
  const params = userListPageQuery.parse(raw);
  const [{ rows, total }, t] = await Promise.all([
    listUsers({
      db: db(),
      page: params.page,
      pageSize: params.pageSize,
      q: params.q,
      role: params.role,
      status: params.status,
    }),
    getTranslations("users"),
  ]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <section aria-labelledby="create-user" className="space-y-2">
        <h2 id="create-user" className="text-lg font-semibold">
          {t("create.heading")}
        </h2>
        <CreateUserForm createUser={createUserAccount} />
      </section>
      <section aria-labelledby="user-list" className="space-y-3">
        <h2 id="user-list" className="text-lg font-semibold">
          {t("accounts")}
        </h2>
        <UserFilters q={params.q} role={params.role} status={params.status} />
        <UsersTable
          rows={rows}
          currentUserId={actor.id}
          actions={{ changeRole: changeUserRoleAction, disableUser: disableUserAction, enableUser: enableUserAction }}
        />
        <Pagination page={params.page} pageSize={params.pageSize} total={total} basePath="/users" searchParams={raw} />
      </section>
    </div>
  );
}
