import type { Metadata } from "next";
import { headers } from "next/headers";
import { ApiReference, type OpenApiDocument } from "@/components/api-reference/api-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { ALL_ROLES, requirePageActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

export default async function ApiReferencePage() {
  await requirePageActor(ALL_ROLES);
  const requestHeaders = await headers();
  // The curl examples use the address the reader reached the app at, so they can be pasted as they are.
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  const document = buildOpenApiDocument() as unknown as OpenApiDocument;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">API reference</h1>
      <p className="text-sm text-slate-700">{document.info.description}</p>
      <ApiReference document={document} baseUrl={`${protocol}://${host}`} />
    </div>
  );
}
