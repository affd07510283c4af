import {
  ACCESS_TYPES,
  AGREEMENT_TYPES,
  DOJ_EXEMPTIONS,
  ENCRYPTION_AT_REST,
  ENCRYPTION_IN_TRANSIT,
  FREQUENCIES,
  PIPL_EXEMPTIONS,
  SCC_MODULES,
  TRANSFER_MECHANISMS,
  TRANSFER_STATUSES,
  VOLUME_UNITS,
} from "@/db/schema/enums";
import type { PackedRegister } from "@/db/queries/register";
import { isMainlandExport } from "@/lib/rules/pipl";
import type { AgreementFacts, RegisterSnapshot, TransferRecord } from "@/lib/rules/types";

/*
 * The parser of the register as packed text (db/queries/register.ts reads it: loadPacked). No "server-only"
 * marker and no database module loaded (the imports above are enums and types): the full re-evaluation's
 * worker thread (lib/flags/evaluation-worker.ts) parses the same text the main thread received, so this
 * module must load outside the server's module graph too.
 */

export type { PackedRegister };

/**
 * The snapshot the rules evaluate, parsed from the packed register. With `ownsProcessor`, only the transfers
 * to the processors it accepts are parsed (one thread's share of a full pass, see
 * lib/flags/evaluation-share.ts), and as context the mainland exports to the others (PIPL counts are per
 * exporter); the ids of the others' transfers are returned, so that the share can tell another share's
 * transfer from a deleted one. Processors, agreements and the small tables are always read whole:
 * a sub-processor's rules read its parents and their agreements.
 */
export function snapshotFromPacked(
  packed: PackedRegister,
  ownsProcessor?: (processorId: string) => boolean,
): { snapshot: RegisterSnapshot; otherTransferIds: Set<string> } {
  /*
   * References into the small tables are swapped for the very string the referenced row holds. An id cut
   * out of the packed text is a slice of it, and V8 compares a slice with another string the slow way on
   * every map lookup: the rules look up each transfer's processor, activity, exporter and categories.
   */
  const reference = {
    processor: lookupOr(sameStrings(packed.processors.map((p) => p.id))),
    activity: lookupOr(sameStrings(packed.activities.map((a) => a.id))),
    entity: lookupOr(sameStrings(packed.entities.map((e) => e.id))),
    category: lookupOr(sameStrings(packed.categories.map((c) => c.id))),
  };
  // Both lists come in transfer id order: a transfer's categories are the run of lines starting with its id.
  const categoryLines = new PackedPairs(packed.transferCategories);
  const transfers: TransferRecord[] = [];
  const otherTransferIds = new Set<string>();
  forEachLine(packed.transfers, (text, start, end) => {
    const id = text.slice(start, text.indexOf("\t", start));
    if (ownsProcessor !== undefined && !ownsProcessor(fieldAt(text, start, TRANSFER_PROCESSOR_FIELD))) {
      otherTransferIds.add(id);
      // Another share evaluates it, but a mainland export adds to its exporter's PIPL counts, which this
      // share's transfers read (2024 Provisions Art. 7-8: per exporter, over every recipient): kept as context.
      if (!isMainlandExport({ originCountry: fieldAt(text, start, TRANSFER_ORIGIN_FIELD), destinationCountry: fieldAt(text, start, TRANSFER_DESTINATION_FIELD) })) {
        categoryLines.skip(id);
        return;
      }
    }
    const f = splitFields(text.slice(start, end), TRANSFER_FIELDS);
    // One order for a transfer's categories whatever plan the database picks: messages list them in order.
    transfers.push(transferRecordFromFields(f, categoryLines.take(id).map(reference.category).sort(), reference));
  });
  if (!categoryLines.done()) throw new Error("Register snapshot: category links out of transfer order");
  const agreementTransferIds = groupPairs(packed.agreementTransfers);
  const agreements = splitLines(packed.agreements, AGREEMENT_FIELDS).map((f) =>
    agreementFactsFromFields(f, agreementTransferIds.get(f[0]!) ?? [], reference.processor),
  );
  const snapshot: RegisterSnapshot = {
    today: packed.today,
    entities: packed.entities,
    activities: packed.activities,
    processors: packed.processors,
    agreements,
    categories: packed.categories,
    transfers,
  };
  return { snapshot, otherTransferIds };
}

const TRANSFER_PROCESSOR_FIELD = 3;
const TRANSFER_ORIGIN_FIELD = 4;
const TRANSFER_DESTINATION_FIELD = 5;

/** Every transfer's processor, from the packed text: for the findings of a share this thread did not parse. */
export function transferProcessorIds(packed: PackedRegister): Map<string, string> {
  const processors = new Map<string, string>();
  forEachLine(packed.transfers, (text, start) => {
    processors.set(text.slice(start, text.indexOf("\t", start)), fieldAt(text, start, TRANSFER_PROCESSOR_FIELD));
  });
  return processors;
}

/** Calls `visit` with each line's bounds, without splitting the whole text into an array of lines first. */
function forEachLine(text: string | null, visit: (text: string, start: number, end: number) => void): void {
  if (text === null) return;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    visit(text, start, end);
    start = end + 1;
  }
}

/** The value of field `index` (0-based) of the line starting at `start`. */
function fieldAt(text: string, start: number, index: number): string {
  let from = start;
  for (let i = 0; i < index; i++) from = text.indexOf("\t", from) + 1;
  const tab = text.indexOf("\t", from);
  return text.slice(from, tab);
}

function splitFields(line: string, fields: number): string[] {
  const values = line.split("\t");
  if (values.length !== fields) throw new Error(`Register snapshot: expected ${fields} fields, got ${values.length}`);
  return values;
}

/** The lines of a packed text value, each split into exactly `fields` fields (anything else is a bug, not data). */
function splitLines(text: string | null, fields: number): string[][] {
  if (text === null) return [];
  return text.split("\n").map((line) => splitFields(line, fields));
}

/**
 * "key<TAB>value" lines sorted by key, read in step with another list in the same order: take(key) returns
 * the values of the run of lines for that key, without building a map of every key.
 */
class PackedPairs {
  private position = 0;
  constructor(private readonly text: string | null) {}

  take(key: string): string[] {
    const values: string[] = [];
    const text = this.text;
    if (text === null) return values;
    while (this.position < text.length && text.startsWith(key, this.position) && text.charCodeAt(this.position + key.length) === TAB) {
      const start = this.position + key.length + 1;
      const end = text.indexOf("\n", start);
      values.push(text.slice(start, end === -1 ? text.length : end));
      this.position = end === -1 ? text.length : end + 1;
    }
    return values;
  }

  /** Passes the run of lines for this key without reading them. */
  skip(key: string): void {
    const text = this.text;
    if (text === null) return;
    while (this.position < text.length && text.startsWith(key, this.position) && text.charCodeAt(this.position + key.length) === TAB) {
      const end = text.indexOf("\n", this.position + key.length + 1);
      this.position = end === -1 ? text.length : end + 1;
    }
  }

  done(): boolean {
    return this.text === null || this.position >= this.text.length;
  }
}

const TAB = 9;

/** "key<TAB>value" lines grouped by key. */
function groupPairs(text: string | null): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  if (text === null) return groups;
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t");
    const key = line.slice(0, tab);
    const value = line.slice(tab + 1);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [value]);
    else list.push(value);
  }
  return groups;
}

/**
 * Enum values as the very strings the rules compare them with, for the same reason as the references
 * above: a value of 13 characters or more cut out of the packed text is a slice, and the rules compare
 * mechanisms and agreement types with === and includes() on every transfer.
 */
function enumOf<T extends string>(values: readonly T[]): (value: string) => T {
  const strings = new Map<string, T>(values.map((value) => [value, value]));
  return (value) => strings.get(value) ?? (value as T);
}

const ENUM = {
  accessType: enumOf(ACCESS_TYPES),
  volumeUnit: enumOf(VOLUME_UNITS),
  frequency: enumOf(FREQUENCIES),
  encryptionInTransit: enumOf(ENCRYPTION_IN_TRANSIT),
  encryptionAtRest: enumOf(ENCRYPTION_AT_REST),
  mechanism: enumOf(TRANSFER_MECHANISMS),
  transferStatus: enumOf(TRANSFER_STATUSES),
  agreementType: enumOf(AGREEMENT_TYPES),
  sccModule: enumOf(SCC_MODULES),
  dojExemption: enumOf(DOJ_EXEMPTIONS),
  piplExemption: enumOf(PIPL_EXEMPTIONS),
};

const TRANSFER_FIELDS = 26;

interface References {
  processor(id: string): string;
  activity(id: string): string;
  entity(id: string): string;
}

function sameStrings(values: readonly string[]): Map<string, string> {
  return new Map(values.map((value) => [value, value]));
}

function lookupOr(strings: Map<string, string>): (value: string) => string {
  return (value) => strings.get(value) ?? value;
}

function transferRecordFromFields(f: string[], categoryIds: string[], reference: References): TransferRecord {
  return {
    id: f[0]!,
    activityId: reference.activity(f[1]!),
    exporterEntityId: reference.entity(f[2]!),
    processorId: reference.processor(f[3]!),
    originCountry: f[4]!,
    destinationCountry: f[5]!,
    accessType: ENUM.accessType(f[6]!),
    subjectRegions: f[7] ? f[7].split(",") : [],
    estimatedSubjects: Number(f[8]),
    volumeUnit: ENUM.volumeUnit(f[9]!),
    frequency: ENUM.frequency(f[10]!),
    encryptionInTransit: ENUM.encryptionInTransit(f[11]!),
    encryptionAtRest: ENUM.encryptionAtRest(f[12]!),
    mechanism: ENUM.mechanism(f[13]!),
    tiaDate: f[14] || null,
    cisaRequirementsMet: f[15] === "true",
    status: ENUM.transferStatus(f[16]!),
    startDate: f[17] || null,
    endDate: f[18] || null,
    reExportOfForeignData: f[19] === "true",
    dojExemption: f[20] ? ENUM.dojExemption(f[20]) : null,
    importantData: f[21] === "true",
    piplExemption: f[22] ? ENUM.piplExemption(f[22]) : null,
    piplSeparateConsent: f[23] === "true",
    pipiaDate: f[24] || null,
    tiaReviewReason: f[25] || null,
    categoryIds,
  };
}

const AGREEMENT_FIELDS = 10;

function agreementFactsFromFields(f: string[], transferIds: string[], processor: (id: string) => string): AgreementFacts {
  return {
    id: f[0]!,
    processorId: processor(f[1]!),
    type: ENUM.agreementType(f[2]!),
    sccModule: f[3] ? ENUM.sccModule(f[3]) : null,
    signedDate: f[4] || null,
    effectiveDate: f[5] || null,
    expiryDate: f[6] || null,
    permitsSubprocessing: f[7] === "true",
    flowDown: f[8] === "true",
    coversAllTransfers: f[9] === "true",
    transferIds,
  };
}

