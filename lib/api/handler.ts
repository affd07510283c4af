import { etagOf } from "./params";

/** A JSON response for one record, with its version as the ETag. */
export function recordResponse(body: unknown, { version, status = 200, location }: { version: number; status?: number; location?: string }): Response {
  const headers = new Headers({ etag: etagOf(version) });
  if (location) headers.set("location", location);
  return Response.json(body, { status, headers });
}
