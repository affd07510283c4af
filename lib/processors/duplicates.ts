import { asc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { processors } from "@/db/schema";
import type { DuplicateReason, PossibleDuplicate } from "@/lib/api/contracts/processors";
import { normalizeProcessorName } from "./normalize-name";

/*
 * Possible duplicates of a vendor about to be registered. The unique normalised name only stops exact
 * collisions; an engineer typing "Amazon Web Service" or registering "aws.amazon.com" under another name
 * should be shown the existing record first and decide. So this looks wider: a normalised name within a
 * small edit distance, one name being the other plus words ("Mixpanel" / "Mixpanel Europe"), or the same
 * website domain. The query and the answer are the processors contract's (lib/api/contracts/processors.ts).
 */

/** Second-level labels under which registrations sit one level deeper: "example.co.uk", "example.com.cn". */
const SECOND_LEVEL_LABELS: ReadonlySet<string> = new Set(["co", "com", "net", "org", "ac", "gov", "edu", "ne", "or"]);

/**
 * The registrable domain of a website, lower-cased, without "www." or any sub-domain:
 * "https://www.Example.co.uk/privacy" → "example.co.uk". Undefined for a blank or unparsable value.
 */
export function websiteDomain(website: string | null | undefined): string | undefined {
  const text = website?.trim();
  if (!text) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const labels = host.replace(/\.$/, "").split(".").filter(Boolean);
  if (labels.length < 2) return undefined;
  const keep = labels.length >= 3 && SECOND_LEVEL_LABELS.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-keep).join(".");
}

/** Levenshtein distance, stopping early once it exceeds `limit` (only "close or not" matters here). */
function editDistanceWithin(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

/** How two normalised names relate: equal, similar (a typo or extra words), or not at all. */
export function compareNormalizedNames(a: string, b: string): "same_name" | "similar_name" | undefined {
  if (a === "" || b === "") return undefined;
  if (a === b) return "same_name";
  // One typo per six characters of the shorter name, and none in names of three characters or fewer ("sap" vs "sas").
  const shorter = Math.min(a.length, b.length);
  if (shorter > 3 && editDistanceWithin(a, b, Math.max(1, Math.floor(shorter / 6)))) return "similar_name";
  // Extra words at either end: "mixpanel" within "mixpanel europe"; at least four letters so "ai" matches nothing.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && ` ${long} `.includes(` ${short} `)) return "similar_name";
  return undefined;
}

/** Existing processors (any status) that may be the vendor named `name` at `website`; at most `limit`. */
export async function findPossibleDuplicates(
  db: Executor,
  { name, website, excludeId, limit = 10 }: { name?: string | null; website?: string | null; excludeId?: string; limit?: number },
): Promise<PossibleDuplicate[]> {
  const normalized = name?.trim() ? normalizeProcessorName(name) : "";
  const domain = websiteDomain(website);
  if (!normalized && !domain) return [];

  // The register holds hundreds to a few thousand vendors: comparing in memory is simpler than fuzzy SQL
  // that would have to behave the same on PGlite and PostgreSQL.
  const rows = await db
    .select({ id: processors.id, name: processors.name, normalizedName: processors.normalizedName, website: processors.website, status: processors.status })
    .from(processors)
    .orderBy(asc(processors.name));

  const found: PossibleDuplicate[] = [];
  for (const row of rows) {
    if (row.id === excludeId) continue;
    const reasons: DuplicateReason[] = [];
    const nameMatch = normalized ? compareNormalizedNames(normalized, row.normalizedName) : undefined;
    if (nameMatch) reasons.push(nameMatch);
    if (domain && websiteDomain(row.website) === domain) reasons.push("same_domain");
    if (reasons.length > 0) found.push({ id: row.id, name: row.name, website: row.website, status: row.status, reasons });
  }
  // Exact names first, then shared domains, then look-alikes.
  const rank = (duplicate: PossibleDuplicate) =>
    duplicate.reasons.includes("same_name") ? 0 : duplicate.reasons.includes("same_domain") ? 1 : 2;
  return found.sort((a, b) => rank(a) - rank(b)).slice(0, limit);
}
