import { z } from "zod";
import { text, version } from "@/lib/validation/common";

/*
 * The review workflow's inputs: the processor version the reviewer saw (optimistic concurrency), and a
 * comment. A rejection must say why, so that the engineer knows what to fix before submitting again.
 */

export const REVIEW_ACTIONS = ["submit", "approve", "reject"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const comment = text(4000).describe("A note for the record; required (at least 5 characters) to reject");

export const submitProcessorInput = z.strictObject({ version, comment: comment.optional() });
export const approveProcessorInput = z.strictObject({ version, comment: comment.optional() });
export const rejectProcessorInput = z.strictObject({
  version,
  comment: text(4000).min(5, { message: "must explain the rejection in at least 5 characters" }),
});

export const reviewInputSchemas = {
  submit: submitProcessorInput,
  approve: approveProcessorInput,
  reject: rejectProcessorInput,
} as const;

export type ReviewInput = z.input<typeof submitProcessorInput>;
