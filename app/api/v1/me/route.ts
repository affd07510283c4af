import { meOperation, type meResponse } from "@/lib/api/contracts/users";
import { route } from "@/lib/auth/guard";
import type { z } from "zod";

export const dynamic = "force-dynamic";

/** Who am I: lets an engineer check a token (and its role) from their own tooling. */
export const GET = route({ roles: meOperation.roles }, async ({ actor }) => {
  const me: z.infer<typeof meResponse> = { id: actor.id, email: actor.email, name: actor.name, role: actor.role, via: actor.tokenId ? "token" : "session" };
  return Response.json(me);
});
