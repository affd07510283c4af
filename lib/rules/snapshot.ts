import { evaluateAgreement, evaluateProcessor, evaluateTransfer } from "./evaluate";
import type { IsoDate } from "./iso-date";
import { emptyPiplTotals, isMainlandExport, piplTotalsByExporter, type PiplCountedTransfer } from "./pipl";
import { agreementCoversTransfer, gdprRegions, isTransferActive } from "./predicates";
import type {
  ActivityFacts,
  AgreementContext,
  AgreementFacts,
  CategoryFacts,
  DojAggregateTransfer,
  EntityFacts,
  Finding,
  PiplExportTotals,
  ProcessorContext,
  ProcessorFacts,
  RegisterSnapshot,
  TransferContext,
  TransferRecord,
} from "./types";

/*
 * Builds the per-subject contexts from whole tables, so that the DB layer loads rows and the derived
 * semantics (which agreements cover a transfer, which transfers are active, the DOJ aggregate) live in one
 * place. For incremental evaluation, load the rows around the changed record and call the build* function.
 */

// The snapshot's shape is a kernel type (db/ builds it): it lives in types.ts.
export type { RegisterSnapshot, TransferRecord } from "./types";

interface Index {
  snapshot: RegisterSnapshot;
  entities: Map<string, EntityFacts>;
  activities: Map<string, ActivityFacts>;
  processors: Map<string, ProcessorFacts>;
  categories: Map<string, CategoryFacts>;
  agreementsByProcessor: Map<string, AgreementFacts[]>;
  /** Transfers grouped by recipient: every per-subject lookup stays linear in the register's size. */
  transfersByProcessor: Map<string, TransferRecord[]>;
  dojGroups: Map<string, DojAggregateTransfer[]>;
  /** PIPL counts per exporting entity, built in one pass on first need (see piplTotalsOf). */
  piplTotals: Map<string, PiplExportTotals> | null;
  recipients: Map<string, Recipient>;
}

/** What every transfer to one processor shares: built once per processor, not once per transfer. */
interface Recipient {
  processor: ProcessorFacts;
  processorChain: readonly ProcessorFacts[];
  agreements: readonly AgreementFacts[];
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function indexSnapshot(snapshot: RegisterSnapshot): Index {
  const agreementsByProcessor = new Map<string, AgreementFacts[]>();
  for (const agreement of snapshot.agreements) {
    const list = agreementsByProcessor.get(agreement.processorId) ?? [];
    list.push(agreement);
    agreementsByProcessor.set(agreement.processorId, list);
  }
  const transfersByProcessor = new Map<string, TransferRecord[]>();
  for (const transfer of snapshot.transfers) {
    const list = transfersByProcessor.get(transfer.processorId) ?? [];
    list.push(transfer);
    transfersByProcessor.set(transfer.processorId, list);
  }
  return {
    snapshot,
    entities: byId(snapshot.entities),
    activities: byId(snapshot.activities),
    processors: byId(snapshot.processors),
    categories: byId(snapshot.categories),
    agreementsByProcessor,
    transfersByProcessor,
    dojGroups: new Map(),
    piplTotals: null,
    recipients: new Map(),
  };
}

function required<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`Register snapshot: ${what} ${id} not found`);
  return value;
}

/** Parents of a processor, nearest first; stops on a cycle or a missing parent. */
function chainOf(index: Index, processorId: string): ProcessorFacts[] {
  const chain: ProcessorFacts[] = [];
  const seen = new Set<string>([processorId]);
  let parentId = index.processors.get(processorId)?.parentProcessorId ?? null;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = index.processors.get(parentId);
    if (parent === undefined) break;
    chain.push(parent);
    seen.add(parentId);
    parentId = parent.parentProcessorId;
  }
  return chain;
}

function categoriesOf(index: Index, transfer: TransferRecord): CategoryFacts[] {
  return transfer.categoryIds.map((id) => required(index.categories, id, "category"));
}


/**
 * All transfers from one exporter to one recipient, built once per group and shared by its transfers:
 * rebuilding it for each transfer would cost the square of the group's size.
 */
function dojGroupOf(index: Index, transfer: TransferRecord): DojAggregateTransfer[] {
  const key = `${transfer.exporterEntityId}|${transfer.processorId}`;
  let group = index.dojGroups.get(key);
  if (group === undefined) {
    group = (index.transfersByProcessor.get(transfer.processorId) ?? [])
      .filter((t) => t.exporterEntityId === transfer.exporterEntityId)
      .map((t) => ({
        id: t.id,
        exporterEntityId: t.exporterEntityId,
        processorId: t.processorId,
        destinationCountry: t.destinationCountry,
        subjectRegions: t.subjectRegions,
        dojExemption: t.dojExemption,
        estimatedSubjects: t.estimatedSubjects,
        volumeUnit: t.volumeUnit,
        status: t.status,
        startDate: t.startDate,
        endDate: t.endDate,
        categories: categoriesOf(index, t),
      }));
    index.dojGroups.set(key, group);
  }
  return group;
}

/**
 * The PIPL counts of the transfer's exporter over every recipient (2024 Provisions Art. 7-8). Built for all
 * exporters in one pass over the snapshot's mainland exports, the first time a transfer asks: per transfer,
 * it would cost the square of an exporter's exports. A scoped snapshot holds every mainland export of the
 * exporters it evaluates (db/queries/register.ts loads them as context), so the counts are whole there too.
 */
function piplTotalsOf(index: Index, transfer: TransferRecord): PiplExportTotals | undefined {
  if (index.piplTotals === null) {
    index.piplTotals = piplTotalsByExporter(mainlandExports(index), index.snapshot.today);
  }
  return index.piplTotals.get(transfer.exporterEntityId);
}

function* mainlandExports(index: Index): Iterable<PiplCountedTransfer> {
  for (const transfer of index.snapshot.transfers) {
    if (isMainlandExport(transfer)) yield { transfer, categories: categoriesOf(index, transfer) };
  }
}

function recipientOf(index: Index, processorId: string): Recipient {
  let recipient = index.recipients.get(processorId);
  if (recipient === undefined) {
    const processor = required(index.processors, processorId, "processor");
    const processorChain = chainOf(index, processor.id);
    const agreements = [processor, ...processorChain].flatMap((p) => index.agreementsByProcessor.get(p.id) ?? []);
    recipient = { processor, processorChain, agreements };
    index.recipients.set(processorId, recipient);
  }
  return recipient;
}

function transferContext(index: Index, transfer: TransferRecord): TransferContext {
  const { processor, processorChain, agreements } = recipientOf(index, transfer.processorId);
  let dojAggregate: DojAggregateTransfer[] | undefined;
  let piplAggregate: PiplExportTotals | undefined;
  return {
    today: index.snapshot.today,
    // The record itself, not a copy: a full pass builds 100,000 contexts and copies cost collections.
    transfer,
    activity: required(index.activities, transfer.activityId, "activity"),
    processor,
    processorChain,
    exporter: required(index.entities, transfer.exporterEntityId, "entity"),
    agreements,
    categories: categoriesOf(index, transfer),
    // Built on first read: only the DOJ rule needs it, and only for recipients of concern.
    get dojAggregate() {
      dojAggregate ??= dojGroupOf(index, transfer).filter((t) => t.id !== transfer.id);
      return dojAggregate;
    },
    // Likewise: only the PIPL rules read it, and only for mainland exports. An exporter with nothing counted
    // gets zero counts, not "absent" (which would count this transfer alone).
    get piplAggregate() {
      piplAggregate ??= piplTotalsOf(index, transfer) ?? emptyPiplTotals(index.snapshot.today);
      return piplAggregate;
    },
  };
}

function processorContext(index: Index, processor: ProcessorFacts): ProcessorContext {
  const { today } = index.snapshot;
  const active = (index.transfersByProcessor.get(processor.id) ?? []).filter((t) => isTransferActive(t, today));
  const parent = processor.parentProcessorId === null ? undefined : index.processors.get(processor.parentProcessorId);
  return {
    today,
    processor,
    parent:
      parent === undefined ? null : { processor: parent, agreements: index.agreementsByProcessor.get(parent.id) ?? [] },
    agreements: index.agreementsByProcessor.get(processor.id) ?? [],
    hasActiveTransfers: active.length > 0,
    transfersRelyOnDpf: active.some((t) => t.mechanism === "dpf"),
    ukTransfersRelyOnDpf: active.some((t) => t.mechanism === "dpf" && gdprRegions(t.subjectRegions).includes("UK")),
  };
}

/**
 * Only the agreement's own processor's transfers count here. A parent's agreement that lapses also leaves
 * its sub-processors' transfers uncovered, but those raise transfer.no-contract themselves; keeping this
 * to one processor lets the DB layer re-evaluate per processor without loading the whole tree.
 */
function agreementContext(index: Index, agreement: AgreementFacts): AgreementContext {
  const { today } = index.snapshot;
  const coversActiveTransfer = (index.transfersByProcessor.get(agreement.processorId) ?? []).some(
    (t) =>
      isTransferActive(t, today) &&
      agreementCoversTransfer(agreement, t, []),
  );
  const processorName = index.processors.get(agreement.processorId)?.name;
  return processorName === undefined
    ? { today, agreement, coversActiveTransfer }
    : { today, agreement, processorName, coversActiveTransfer };
}

export function buildTransferContext(snapshot: RegisterSnapshot, transferId: string): TransferContext {
  const index = indexSnapshot(snapshot);
  return transferContext(index, required(byId(snapshot.transfers), transferId, "transfer"));
}

export function buildProcessorContext(snapshot: RegisterSnapshot, processorId: string): ProcessorContext {
  const index = indexSnapshot(snapshot);
  return processorContext(index, required(index.processors, processorId, "processor"));
}

export function buildAgreementContext(snapshot: RegisterSnapshot, agreementId: string): AgreementContext {
  const index = indexSnapshot(snapshot);
  return agreementContext(index, required(byId(snapshot.agreements), agreementId, "agreement"));
}

export interface EvaluateRegisterOptions {
  /**
   * Evaluate only the subjects of these processors (their transfers, their agreements, themselves); the
   * rest of the snapshot (ancestors loaded for context) is read but not evaluated. null or absent: all.
   */
  processorIds?: ReadonlySet<string> | readonly string[] | null;
}

/** Every finding of the register (or of the processors in scope): transfers, then agreements, then processors. */
export function evaluateRegister(snapshot: RegisterSnapshot, options: EvaluateRegisterOptions = {}): Finding[] {
  const index = indexSnapshot(snapshot);
  const scope = options.processorIds == null ? null : new Set(options.processorIds);
  const inScope = (processorId: string) => scope === null || scope.has(processorId);
  // Plain loops into one array: a full pass has 100,000 transfers, and filter/flatMap copies cost collections.
  const findings: Finding[] = [];
  for (const t of snapshot.transfers) {
    if (inScope(t.processorId)) for (const finding of evaluateTransfer(transferContext(index, t))) findings.push(finding);
  }
  for (const a of snapshot.agreements) {
    if (inScope(a.processorId)) for (const finding of evaluateAgreement(agreementContext(index, a))) findings.push(finding);
  }
  for (const p of snapshot.processors) {
    if (inScope(p.id)) for (const finding of evaluateProcessor(processorContext(index, p))) findings.push(finding);
  }
  return findings;
}

/**
 * The processor of each finding (the flags' processor column). `transferProcessors` covers every transfer
 * found, which a share's snapshot alone does not. Maps built on first use: a steady-state pass writes nothing.
 */
export function findingProcessors(
  snapshot: RegisterSnapshot,
  transferProcessors: () => Map<string, string> = () => new Map(snapshot.transfers.map((t) => [t.id, t.processorId])),
): (finding: Finding) => string | null {
  let transferProcessor: Map<string, string> | undefined;
  let agreementProcessor: Map<string, string> | undefined;
  return (finding) => {
    if (finding.subjectType === "processor") return finding.subjectId;
    if (finding.subjectType === "transfer") {
      transferProcessor ??= transferProcessors();
      return transferProcessor.get(finding.subjectId) ?? null;
    }
    agreementProcessor ??= new Map(snapshot.agreements.map((a) => [a.id, a.processorId]));
    return agreementProcessor.get(finding.subjectId) ?? null;
  };
}
