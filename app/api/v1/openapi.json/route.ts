import { buildOpenApiDocument } from "@/lib/api/openapi";
import { route } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

/**
 * The OpenAPI 3.1 description of /api/v1, built from the resource contracts. Public: a client generator (or a
 * person deciding whether to ask for a token) reads it before it has credentials; it holds no data.
 */
export const GET = route({ public: true }, async ({ request }) =>
  Response.json(buildOpenApiDocument({ serverUrl: new URL(request.url).origin })),
);
