import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

/*
 * The UI's components rendered as a reader in `locale` gets them, for the issue 16 render tests: inside the
 * providers the app's root layout gives them (next-intl's messages of that language, dates in UTC, and a query
 * client for the registers' components).
 */

export async function renderInLocale(locale: Locale, element: ReactElement): Promise<string> {
  const messages = await loadMessages(locale);
  return renderToStaticMarkup(
    createElement(QueryClientProvider, { client: new QueryClient() }, createElement(NextIntlClientProvider, { locale, messages, timeZone: "UTC", children: element })),
  );
}

/**
 * What a reader sees of rendered markup: the text without tags and attributes (option values and ids are codes by
 * design), identifiers shown in <code> or <pre> left out. Runs of ordinary white space become one space; a
 * no-break space stays, as it is part of what the reader sees (French numbers and punctuation).
 */
export function visibleText(html: string): string {
  return html
    .replace(/<(code|pre)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/[ \t\r\n]+/g, " ");
}
