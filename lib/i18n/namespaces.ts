/**
 * The UI's message files, one per area of the product (lib/i18n/messages/<locale>/<namespace>.json), so that
 * each area's texts are read and translated side by side. Components read theirs with
 * `useTranslations("<namespace>")` (client) or `getTranslations("<namespace>")` (server).
 * Enum values and field names are not here: they come from the label catalogue (lib/labels).
 */
export const MESSAGE_NAMESPACES = [
  "common",
  "layout",
  "auth",
  "setup",
  "dashboard",
  "processors",
  "transfers",
  "agreements",
  "activities",
  "categories",
  "entities",
  "flags",
  "exports",
  "import",
  "audit",
  "review",
  "registration",
  "users",
  "tokens",
  "forms",
  "registers",
  "apiReference",
  "documents",
  "notice",
  "tia",
  "notifications",
] as const;

export type MessageNamespace = (typeof MESSAGE_NAMESPACES)[number];
