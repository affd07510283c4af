import { AGREEMENT_RULES } from "./agreement-rules";
import { assertIsoDate } from "./iso-date";
import { isTransferActive } from "./predicates";
import { PROCESSOR_RULES } from "./processor-rules";
import { TRANSFER_RULES } from "./transfer-rules";
import type { AgreementContext, Finding, ProcessorContext, TransferContext } from "./types";

/*
 * Entry points: one subject in, its findings out (catalog order). The caller stores them as flags and
 * resolves the flags that no longer appear. "today" is validated here so a bad date fails loudly instead of
 * comparing as a string.
 */

function run<C>(rules: readonly { evaluate(ctx: C): Finding | null }[], ctx: C): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const finding = rule.evaluate(ctx);
    if (finding !== null) findings.push(finding);
  }
  return findings;
}

/** Rejected and ended transfers (see isTransferActive) raise nothing: they need no remediation. */
export function evaluateTransfer(ctx: TransferContext): Finding[] {
  assertIsoDate(ctx.today, "today");
  if (!isTransferActive(ctx.transfer, ctx.today)) return [];
  return run(TRANSFER_RULES, ctx);
}

export function evaluateProcessor(ctx: ProcessorContext): Finding[] {
  assertIsoDate(ctx.today, "today");
  return run(PROCESSOR_RULES, ctx);
}

export function evaluateAgreement(ctx: AgreementContext): Finding[] {
  assertIsoDate(ctx.today, "today");
  return run(AGREEMENT_RULES, ctx);
}
