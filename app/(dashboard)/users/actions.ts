"use server";

import { revalidatePath } from "next/cache";
import type { ChangeRoleRequest, CreateUserRequest, UserRefRequest, UserSummary } from "@/components/users/user-action-types";
import type { VisibleUser } from "@/db/queries/users";
import { createUserAccountBody } from "@/lib/api/contracts/users";
import { action } from "@/lib/auth/guard";
import type { ServiceContext } from "@/lib/services/context";
import { changeUserRole, createUser, disableUser, enableUser } from "@/lib/users/service";
import { parseInput } from "@/lib/validation/parse";

// Arguments of a server action come from the network: the services parse them with the contract's schemas.

function summary({ record: user }: { record: VisibleUser }): UserSummary {
  return { id: user.id, email: user.email, name: user.name, role: user.role, version: user.version, disabled: user.disabledAt !== null };
}

/** The DPO creates an account with an initial password (at least 12 characters), audited. */
export const createUserAccount = action(
  { roles: ["dpo"] },
  async ({ ctx, input }: { ctx: ServiceContext; input: CreateUserRequest }): Promise<UserSummary> => {
    // The page requires a password (no SSO-only accounts from here); the service checks everything else.
    const created = await createUser({ ctx, input: parseInput(createUserAccountBody, input) });
    revalidatePath("/users");
    return summary(created);
  },
);

export const changeUserRoleAction = action(
  { roles: ["dpo"] },
  async ({ ctx, input }: { ctx: ServiceContext; input: ChangeRoleRequest }): Promise<UserSummary> => {
    const changed = await changeUserRole({ ctx, input });
    revalidatePath("/users");
    return summary(changed);
  },
);

/** Disabling ends the user's sessions and API tokens at their next request. */
export const disableUserAction = action(
  { roles: ["dpo"] },
  async ({ ctx, input }: { ctx: ServiceContext; input: UserRefRequest }): Promise<UserSummary> => {
    const disabled = await disableUser({ ctx, input });
    revalidatePath("/users");
    return summary(disabled);
  },
);

export const enableUserAction = action(
  { roles: ["dpo"] },
  async ({ ctx, input }: { ctx: ServiceContext; input: UserRefRequest }): Promise<UserSummary> => {
    const enabled = await enableUser({ ctx, input });
    revalidatePath("/users");
    return summary(enabled);
  },
);
