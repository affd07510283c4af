import type { Locale } from "./locales";
import { MESSAGE_NAMESPACES } from "./namespaces";

type Messages = Record<string, unknown>;

/** Every namespace's messages for one locale, as next-intl takes them: `{ [namespace]: { key: text } }`. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    MESSAGE_NAMESPACES.map(async (namespace) => {
      const loaded = (await import(`./messages/${locale}/${namespace}.json`)) as { default: Messages };
      return [namespace, loaded.default] as const;
    }),
  );
  return Object.fromEntries(entries);
}
