import { ALL_ROLES, route } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

/** Who am I: lets an engineer check a token (and its role) from their own tooling. */
export const GET = route({ roles: ALL_ROLES }, async ({ actor }) =>
  Response.json({ id: actor!.id, email: actor!.email, name: actor!.name, role: actor!.role, via: actor!.tokenId ? "token" : "session" }),
);
