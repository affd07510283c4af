import type { Severity } from "@/db/schema/enums";
import type {
  AgreementContext,
  AgreementRule,
  FactValue,
  Finding,
  ProcessorContext,
  ProcessorRule,
  TransferContext,
  TransferRule,
} from "./types";

/** What a rule's check returns when it fires; the wrapper adds the rule's id, citation and subject. */
export interface Hit {
  severity: Severity;
  /** In English. */
  message: string;
  /** In French: every rule words its finding in both languages. */
  messageFr: string;
  facts: Record<string, FactValue>;
}

type Meta<R> = Omit<R, "subject" | "evaluate">;

function toFinding(
  meta: Meta<TransferRule | ProcessorRule | AgreementRule>,
  subjectType: Finding["subjectType"],
  subjectId: string,
  hit: Hit,
): Finding {
  return {
    ruleId: meta.id,
    subjectType,
    subjectId,
    severity: hit.severity,
    message: hit.message,
    messageFr: hit.messageFr,
    facts: hit.facts,
    citation: meta.citation,
    remediation: meta.remediation,
  };
}

export function defineTransferRule(meta: Meta<TransferRule>, check: (ctx: TransferContext) => Hit | null): TransferRule {
  return {
    ...meta,
    subject: "transfer",
    evaluate(ctx) {
      const hit = check(ctx);
      return hit === null ? null : toFinding(meta, "transfer", ctx.transfer.id, hit);
    },
  };
}

export function defineProcessorRule(
  meta: Meta<ProcessorRule>,
  check: (ctx: ProcessorContext) => Hit | null,
): ProcessorRule {
  return {
    ...meta,
    subject: "processor",
    evaluate(ctx) {
      const hit = check(ctx);
      return hit === null ? null : toFinding(meta, "processor", ctx.processor.id, hit);
    },
  };
}

export function defineAgreementRule(
  meta: Meta<AgreementRule>,
  check: (ctx: AgreementContext) => Hit | null,
): AgreementRule {
  return {
    ...meta,
    subject: "agreement",
    evaluate(ctx) {
      const hit = check(ctx);
      return hit === null ? null : toFinding(meta, "agreement", ctx.agreement.id, hit);
    },
  };
}
