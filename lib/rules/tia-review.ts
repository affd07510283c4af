import { formatList } from "./format";

/*
 * Why a completed TIA is under review, in French. The TIA service (lib/tia) records the cause on the transfer
 * (transfers.tia_review_reason) in English words, naming the material changes of EDPB Recommendations 01/2020,
 * step 6, as DOMAIN.md §8 lists them: destination, categories, access type, volume band, mechanism. The French
 * finding names the same changes in French; words it cannot place are quoted as recorded rather than dropped.
 */

// Each change is a clause of its own ("destination changed from China to India; data categories added: …"),
// recognised by how it starts: the words after it (country and category names) never decide what changed.
const CHANGES: readonly { pattern: RegExp; fr: string }[] = [
  { pattern: /^(the )?destination/i, fr: "la destination" },
  { pattern: /^(the )?(data )?categor/i, fr: "les catégories de données" },
  { pattern: /^(the )?access/i, fr: "le type d'accès" },
  { pattern: /^(the )?volume/i, fr: "la tranche de volume" },
  { pattern: /^(the )?(transfer )?mechanism/i, fr: "l'outil de transfert" },
];

/** The material changes the recorded reason names, in French, in DOMAIN.md §8's order; empty when it names none. */
export function tiaReviewChangesFr(reason: string): string[] {
  // "Material change since the completed TIA: a; b; c." (lib/tia/basis.ts, reviewReasonOf): the clauses after the lead.
  const clauses = reason
    .replace(/^\s*material change[^:]*:/i, "")
    .split(";")
    .map((clause) => clause.trim());
  return CHANGES.filter((change) => clauses.some((clause) => change.pattern.test(clause))).map((change) => change.fr);
}

/** "une modification importante du transfert (la destination et le type d'accès)", or the reason quoted as recorded. */
export function tiaReviewCauseFr(reason: string): string {
  const changes = tiaReviewChangesFr(reason);
  if (changes.length > 0) return `une modification importante du transfert (${formatList(changes, "fr")})`;
  return `une modification importante du transfert (motif consigné\u00a0: «\u00a0${reason.trim()}\u00a0»)`;
}
