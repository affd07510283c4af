import type { FlagAcceptance, PackedFlags, StoredFlagColumns } from "@/db/queries/flags";
import type { FlagStatus, FlagSubjectType } from "@/db/schema/enums";
import type { StoredFlag } from "./lifecycle";

/*
 * The parser of the stored flags as packed text (db/queries/flags.ts reads it): like the packed register
 * (lib/flags/packed-register.ts), one copy of a string crosses to the evaluation worker where 150,000
 * objects would be cloned one by one. Only types come from the database modules, so that the worker can load it.
 */

export type { FlagAcceptance, PackedFlags };

export const PACKED_FLAG_FIELDS = 6;

/** A stored flag from its columns, with what was accepted when it is accepted: the one mapping of both read paths. */
export function storedFlag(
  row: StoredFlagColumns,
  acceptances: ReadonlyMap<string, FlagAcceptance>,
): StoredFlag {
  const acceptance = row.status === "accepted" ? acceptances.get(row.id) : undefined;
  return {
    ...row,
    acceptedUntil: acceptance?.acceptedUntil ?? null,
    acceptedSeverity: acceptance?.acceptedSeverity ?? null,
    acceptedFacts: acceptance?.acceptedFacts ?? null,
  };
}

/** The stored flags whose subject `keep` accepts (all when absent). */
export function storedFlagsFromPacked(
  packed: PackedFlags,
  keep?: (subjectType: FlagSubjectType, subjectId: string) => boolean,
): StoredFlag[] {
  const text = packed.text;
  if (text === null) return [];
  const accepted = new Map(packed.acceptances.map((row) => [row.id, row]));
  const result: StoredFlag[] = [];
  // Line by line with indexOf rather than split("\n"): each share reads every line but keeps about half,
  // and only the lines it keeps are cut into fields.
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    if (keep !== undefined) {
      const typeStart = nthTab(line, 2) + 1;
      const idStart = line.indexOf("\t", typeStart) + 1;
      const subjectType = line.slice(typeStart, idStart - 1) as FlagSubjectType;
      if (!keep(subjectType, line.slice(idStart, line.indexOf("\t", idStart)))) continue;
    }
    const f = line.split("\t");
    if (f.length !== PACKED_FLAG_FIELDS) throw new Error(`Stored flags: expected ${PACKED_FLAG_FIELDS} fields, got ${f.length}`);
    result.push(
      storedFlag(
        { id: f[0]!, ruleId: f[1]!, subjectType: f[2] as FlagSubjectType, subjectId: f[3]!, fingerprint: f[4]!, status: f[5] as FlagStatus },
        accepted,
      ),
    );
  }
  return result;
}

function nthTab(line: string, n: number): number {
  let position = -1;
  for (let i = 0; i < n; i++) position = line.indexOf("\t", position + 1);
  return position;
}
