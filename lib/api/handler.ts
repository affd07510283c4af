import { route, type Access, type Actor } from "@/lib/auth/guard";
import { HttpProblem } from "./problem";

/**
 * route() (authentication, role, AppError → problem+json) plus the HTTP-only problems of lib/api
 * (400 invalid JSON, 413, 415, 428), in the same problem+json shape.
 */
export function apiRoute<P = Record<string, string>>(
  access: Access,
  handler: (input: { request: Request; actor: Actor | null; params: P }) => Promise<Response>,
) {
  return route<P>(access, async (input) => {
    try {
      return await handler(input);
    } catch (error) {
      if (error instanceof HttpProblem) return error.toResponse(new URL(input.request.url).pathname);
      throw error;
    }
  });
}

/** A JSON response for one record, with its version as the ETag. */
export function recordResponse(body: unknown, { version, status = 200, location }: { version: number; status?: number; location?: string }): Response {
  const headers = new Headers({ etag: `"${version}"` });
  if (location) headers.set("location", location);
  return Response.json(body, { status, headers });
}
