"use server";

import { revalidatePath } from "next/cache";
import type { CreateTokenRequest, CreatedToken, RevokedToken } from "@/components/tokens/token-action-types";
import { createTokenFormBody } from "@/lib/api/contracts/users";
import { ALL_ROLES, action, type Actor } from "@/lib/auth/guard";
import type { ServiceContext } from "@/lib/services/context";
import { createApiToken, revokeApiToken } from "@/lib/users/service";
import { parseInput } from "@/lib/validation/parse";

/**
 * Every role may create its own tokens (auditors need them for exports); a token carries its owner's role.
 * A request authenticated by a token cannot reach a server action, so tokens never mint tokens.
 */
export const createToken = action(
  { roles: ALL_ROLES },
  async ({ actor, ctx, input }: { actor: Actor; ctx: ServiceContext; input: CreateTokenRequest }): Promise<CreatedToken> => {
    // Arguments of a server action come from the network: the form's text expiry is parsed here, the rest by the service.
    const form = parseInput(createTokenFormBody, input);
    const { record, token } = await createApiToken({ ctx, input: { ...form, userId: actor.id } });
    revalidatePath("/settings/tokens");
    return { id: record.id, name: record.name, prefix: record.prefix, token };
  },
);

/** Revokes one of the actor's tokens; the DPO may revoke anyone's (the service checks). */
export const revokeToken = action(
  { roles: ALL_ROLES },
  async ({ ctx, input }: { ctx: ServiceContext; input: { tokenId: string } }): Promise<RevokedToken> => {
    const { record } = await revokeApiToken({ ctx, input });
    revalidatePath("/settings/tokens");
    return { id: record.id, name: record.name, revokedAt: record.revokedAt?.toISOString() ?? null };
  },
);
