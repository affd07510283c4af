import { buildOpenApiDocument } from "@/lib/api/openapi";
import { ALL_ROLES, route } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of /api/v1, generated from the validation schemas. */
export const GET = route({ roles: ALL_ROLES }, async ({ request }) =>
  Response.json(buildOpenApiDocument({ serverUrl: new URL(request.url).origin })),
);
