"use server";

import { revalidatePath } from "next/cache";
import type { CreateTokenRequest, CreatedToken, RevokedToken } from "@/components/tokens/token-action-types";
import { db } from "@/db/client";
import { ALL_ROLES, action, auditActor, type Actor } from "@/lib/auth/guard";
import { createApiToken, revokeApiToken } from "@/lib/users/service";
import { parseInput } from "@/lib/validation/parse";
import { createTokenFormInput, tokenRefInput } from "@/lib/validation/user";

/**
 * Every role may create its own tokens (auditors need them for exports); a token carries its owner's role.
 * A request authenticated by a token cannot reach a server action, so tokens never mint tokens.
 */
export const createToken = action(
  { roles: ALL_ROLES },
  async ({ actor, input }: { actor: Actor; input: CreateTokenRequest }): Promise<CreatedToken> => {
    // Arguments of a server action come from the network: nothing about their shape is trusted.
    const data = parseInput(createTokenFormInput, input);
    const created = await createApiToken({ db: db(), actor: auditActor(actor), userId: actor.id, input: data });
    revalidatePath("/settings/tokens");
    return created;
  },
);

/** Revokes one of the actor's tokens; the DPO may revoke anyone's (the service checks). */
export const revokeToken = action(
  { roles: ALL_ROLES },
  async ({ actor, input }: { actor: Actor; input: { tokenId: string } }): Promise<RevokedToken> => {
    const { tokenId } = parseInput(tokenRefInput, input);
    const token = await revokeApiToken({ db: db(), actor: auditActor(actor), tokenId });
    revalidatePath("/settings/tokens");
    return { id: token.id, name: token.name, revokedAt: token.revokedAt?.toISOString() ?? null };
  },
);
