import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { ApiReference, type OpenApiDocument } from "@/components/api-reference/api-reference";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { ALL_ROLES, requirePageActor } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiReference");
  return { title: t("metaTitle") };
}

export default async function ApiReferencePage() {
  await requirePageActor(ALL_ROLES);
  const [requestHeaders, locale, t] = await Promise.all([headers(), getLocale(), getTranslations("apiReference")]);
  // The curl examples use the address the reader reached the app at, so they can be pasted as they are.
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  const document = buildOpenApiDocument() as unknown as OpenApiDocument;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {/* The OpenAPI document is a developer document, in English whatever the page's language. */}
      <p className="text-sm text-slate-700" lang={locale === "en" ? undefined : "en"}>
        {document.info.description}
      </p>
      <ApiReference document={document} baseUrl={`${protocol}://${host}`} />
    </div>
  );
}
