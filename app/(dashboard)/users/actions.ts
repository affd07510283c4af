"use server";

import { revalidatePath } from "next/cache";
import type { ChangeRoleRequest, CreateUserRequest, UserRefRequest, UserSummary } from "@/components/users/user-action-types";
import { db } from "@/db/client";
import type { VisibleUser } from "@/db/queries/users";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { changeUserRole, createUser, disableUser, enableUser } from "@/lib/users/service";
import { parseInput } from "@/lib/validation/parse";
import { changeUserRoleInput, createUserAccountInput, userRefInput } from "@/lib/validation/user";

function summary(user: VisibleUser): UserSummary {
  return { id: user.id, email: user.email, name: user.name, role: user.role, version: user.version, disabled: user.disabledAt !== null };
}

/** The DPO creates an account with an initial password (at least 12 characters), audited. */
export const createUserAccount = action(
  { roles: ["dpo"] },
  async ({ actor, input }: { actor: Actor; input: CreateUserRequest }): Promise<UserSummary> => {
    // Arguments of a server action come from the network: nothing about their shape is trusted.
    const data = parseInput(createUserAccountInput, input);
    const user = await createUser({ db: db(), actor: auditActor(actor), input: data });
    revalidatePath("/users");
    return summary(user);
  },
);

export const changeUserRoleAction = action(
  { roles: ["dpo"] },
  async ({ actor, input }: { actor: Actor; input: ChangeRoleRequest }): Promise<UserSummary> => {
    const { userId, role, version } = parseInput(changeUserRoleInput, input);
    const user = await changeUserRole({ db: db(), actor: auditActor(actor), userId, role, version });
    revalidatePath("/users");
    return summary(user);
  },
);

/** Disabling ends the user's sessions and API tokens at their next request. */
export const disableUserAction = action(
  { roles: ["dpo"] },
  async ({ actor, input }: { actor: Actor; input: UserRefRequest }): Promise<UserSummary> => {
    const { userId, version } = parseInput(userRefInput, input);
    const user = await disableUser({ db: db(), actor: auditActor(actor), userId, version });
    revalidatePath("/users");
    return summary(user);
  },
);

export const enableUserAction = action(
  { roles: ["dpo"] },
  async ({ actor, input }: { actor: Actor; input: UserRefRequest }): Promise<UserSummary> => {
    const { userId, version } = parseInput(userRefInput, input);
    const user = await enableUser({ db: db(), actor: auditActor(actor), userId, version });
    revalidatePath("/users");
    return summary(user);
  },
);
