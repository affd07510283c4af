import { z } from "zod";
import { isoDate, text, version } from "./common";

export const acceptRiskInput = z.object({
  version,
  justification: text(4000).min(10, { message: "must explain the decision in at least 10 characters" }),
  acceptedUntil: isoDate,
});

export type AcceptRiskInput = z.input<typeof acceptRiskInput>;
