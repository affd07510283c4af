import type { ImportProblem } from "./columns";

/*
 * The import's problems in French. The checks (rows.ts, validate.ts) word each problem in English, the language of
 * the API's problem details; the import page reads them in its own language through this table of the checks' own
 * sentences. A message it does not know (a schema's wording, a permission refusal) stays in English, and the page
 * marks it lang="en" rather than guess.
 */

const quoted = (text: string) => `«\u00a0${text}\u00a0»`;
const where = " (in this file or the register)";
const whereFr = " (dans ce fichier ou dans le registre)";

const SENTENCES: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^is required$/, () => "est obligatoire"],
  [/^must be true or false \(yes\/no, 1\/0\)$/, () => "doit valoir vrai ou faux (yes/no, 1/0)"],
  [/^must be a whole number$/, () => "doit être un nombre entier"],
  [/^give processorExternalId or processorName$/, () => "indiquer processorExternalId ou processorName"],
  [/^duplicates the entity of row (\d+)$/, (row) => `fait double emploi avec l'entité de la ligne ${row}`],
  [/^duplicates the processor of row (\d+) \(same normalised name\)$/, (row) => `fait double emploi avec le sous-traitant de la ligne ${row} (même nom normalisé)`],
  [/^duplicates the externalId of row (\d+)$/, (row) => `reprend l'externalId de la ligne ${row}`],
  [/^another processor already has this name \("(.*)"\)$/, (name) => `un autre sous-traitant porte déjà ce nom (${quoted(name!)})`],
  [/^a processor with this name exists with the external id "(.*)"$/, (id) => `un sous-traitant de ce nom existe déjà avec l'identifiant externe ${quoted(id!)}`],
  [new RegExp(`^no processor has the external id "(.*)"${escape(where)}$`), (id) => `aucun sous-traitant n'a l'identifiant externe ${quoted(id!)}${whereFr}`],
  [new RegExp(`^no processor is named "(.*)"${escape(where)}$`), (name) => `aucun sous-traitant ne s'appelle ${quoted(name!)}${whereFr}`],
  [/^no processing activity is named "(.*)"$/, (name) => `aucune activité de traitement ne s'appelle ${quoted(name!)}`],
  [new RegExp(`^no entity is named "(.*)"${escape(where)}$`), (name) => `aucune entité ne s'appelle ${quoted(name!)}${whereFr}`],
  [
    /^unknown data (category|categories) (.*)$/,
    (count, keys) => `${count === "category" ? "catégorie de données inconnue" : "catégories de données inconnues"}\u00a0: ${keys!.replace(/"([^"]*)"/g, (_m, key: string) => quoted(key))}`,
  ],
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A problem's message in French, or null when the table does not know its sentence. */
export function importProblemFr(message: string): string | null {
  for (const [pattern, french] of SENTENCES) {
    const match = pattern.exec(message);
    if (match) return french(...match.slice(1));
  }
  return null;
}

/** A problem's message as a page in `locale` shows it, with the lang attribute it needs (set only for English on a French page). */
export function importProblemMessage(problem: Pick<ImportProblem, "message">, locale: "en" | "fr"): { text: string; lang: "en" | undefined } {
  if (locale === "en") return { text: problem.message, lang: undefined };
  const french = importProblemFr(problem.message);
  return french === null ? { text: problem.message, lang: "en" } : { text: french, lang: undefined };
}
