import "server-only";
import { listCategoryRegister, type ListCategoryRegisterInput } from "@/db/queries/categories-register";
import { CATEGORY_NAMES_FR } from "@/lib/taxonomy/names-fr";

/*
 * The data-category register's search in both of the product's languages: the database holds the taxonomy's
 * English names; the French ones live with the taxonomy (lib/taxonomy/names-fr.ts), so the keys whose French
 * name matches are found here and handed to the query, as the flag search does with the rules' titles.
 */

/** Lower case without accents or ligatures, one apostrophe: "electronique" finds « Adresse électronique », as a French reader may type it. */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("fr").replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/[’‘]/g, "'");
}

const FRENCH_NAMES: readonly (readonly [key: string, name: string])[] = Object.entries(CATEGORY_NAMES_FR).map(([key, name]) => [key, folded(name)] as const);

/** The taxonomy's keys whose French name contains the text (accents and case aside). */
export function categoryKeysNamedInFrench(q: string): string[] {
  const text = folded(q.trim());
  if (!text) return [];
  return FRENCH_NAMES.filter(([, name]) => name.includes(text)).map(([key]) => key);
}

/** The register (GET /api/v1/data-categories and the page): the search also finds a category by its French name. */
export function listDataCategoryRegister(input: Omit<ListCategoryRegisterInput, "searchKeys">) {
  return listCategoryRegister({ ...input, searchKeys: input.q ? categoryKeysNamedInFrench(input.q) : [] });
}
