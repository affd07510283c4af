import type { Locale } from "@/lib/i18n/locales";

/*
 * Why the audit hash chain breaks at an event, as a code the verifier returns and a sentence per language: the
 * audit page shows it in its reader's language; `npm run audit:verify` and the verifier's `reason` keep the
 * English one (the CLI speaks English). Framework-free, so that any page, export or script may read it.
 */

export const CHAIN_BREAKS = ["link_broken", "content_altered", "mac_removed", "mac_invalid"] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

const REASONS: Readonly<Record<Locale, Readonly<Record<ChainBreak, string>>>> = {
  en: {
    link_broken: "its previous-hash does not match the event before it (an event was removed or inserted)",
    content_altered: "its content does not match its hash (the event was altered)",
    mac_removed: "it carries no MAC although the events before it do (its MAC was removed)",
    mac_invalid:
      "its MAC does not verify with the audit key: the chain was re-hashed by someone without the key (or AUDIT_KEY / NEXTAUTH_SECRET is not the app's)",
  },
  fr: {
    link_broken: "l’empreinte précédente qu’il enregistre ne correspond pas à l’événement qui le précède (un événement a été supprimé ou inséré)",
    content_altered: "son contenu ne correspond pas à son empreinte (l’événement a été modifié)",
    mac_removed: "il ne porte pas de code d’authentification (MAC) alors que les événements qui le précèdent en portent un (son MAC a été supprimé)",
    mac_invalid:
      "son code d’authentification (MAC) n’est pas vérifié par la clé d’audit : la chaîne a été recalculée par quelqu’un qui n’a pas la clé (ou AUDIT_KEY / NEXTAUTH_SECRET n’est pas celle de l’application)",
  },
};

/** The sentence for a break, in the language asked (English for anything else). */
export function chainBreakReason(code: ChainBreak, locale: Locale = "en"): string {
  return (REASONS[locale] ?? REASONS.en)[code];
}
