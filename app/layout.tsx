import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  const product = t("productName");
  return { title: { default: product, template: `%s · ${product}` }, description: t("productDescription") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP's script nonce (proxy.ts) is new each time, and a page
  // prerendered at build time (/forbidden, the 404 page) would carry scripts the browser then refuses.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* Client components inherit the request's locale and messages (lib/i18n/request.ts). */}
        <NextIntlClientProvider>
          <QueryProvider>{children}</QueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
