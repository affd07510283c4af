import { z } from "zod";
import { enumLabelList, enumValues, type EnumKind, type EnumValue, type Locale } from "@/lib/labels";

/*
 * An enum field of a contract, with the message a person can act on: "must be one of: Consent; Contract; …"
 * names the values by their labels (lib/labels), not by codes a reader never sees. The codes stay in the data: the
 * field accepts the codes, parseInput adds them to the problem's field issue (`allowed`), and the OpenAPI
 * document lists them as the schema's enum.
 */

const ONE_OF: Readonly<Record<Locale, string>> = { en: "must be one of: ", fr: "doit être l'une des valeurs suivantes\u00a0: " };

/**
 * "must be one of: Storage; Remote access" (a subset when `values` narrows the kind). The API answers in English;
 * a form in French may ask for "doit être l'une des valeurs suivantes : Stockage; Accès à distance".
 */
export function enumMessage<K extends EnumKind>(kind: K, values?: readonly EnumValue<K>[], locale: Locale = "en"): string {
  return `${ONE_OF[locale] ?? ONE_OF.en}${enumLabelList(kind, locale, values ?? enumValues(kind))}`;
}

/**
 * z.enum of a catalogue kind's values (all, or the `values` given, in their order), refusing anything else with
 * the labelled message: enumField("legalBasis"), enumField("recordStatus", ["approved", "rejected"]).
 */
export function enumField<K extends EnumKind, const V extends readonly EnumValue<K>[] = readonly EnumValue<K>[]>(kind: K, values?: V) {
  const list: readonly EnumValue<K>[] = values ?? enumValues(kind);
  const message = enumMessage(kind, list);
  // z.enum wants a non-empty tuple of literals: the catalogue's values are those of the kind's tuple.
  return z.enum(list as unknown as readonly [V[number], ...V[number][]], { error: () => message });
}
