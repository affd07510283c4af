import type { AgreementType, FlagSubjectType, Severity } from "@/db/schema/enums";

/*
 * A flag the registration wizard's summary predicts, as plain data: the server action hands it to the page,
 * which names it in the reader's language. Kept apart from wizard.ts (server only) so that the page's
 * components can import the types.
 */

/**
 * What a predicted flag is about, as data rather than words: the vendor itself, one of the transfers the
 * registration writes (by its destination, an ISO country code) or one of its agreements (by type). A transfer
 * or agreement without `country` / `agreementType` is one the vendor already had (created through the API or
 * an import while it was a draft), not one of this registration's.
 */
export type PredictedFlagSubject =
  | { kind: Extract<FlagSubjectType, "processor"> }
  | { kind: Extract<FlagSubjectType, "transfer">; country?: string }
  | { kind: Extract<FlagSubjectType, "agreement">; agreementType?: AgreementType };

export interface PredictedFlag {
  ruleId: string;
  /** The rule's title in English; the page shows the label catalogue's, in the reader's language. */
  title: string;
  severity: Severity;
  /** Why it fires: the rule's message with the facts it used. */
  message: string;
  /** The same in French (empty for a flag not re-evaluated since findings were worded in French). */
  messageFr: string;
  citation: string;
  remediation: string;
  /** What it is about: the page names it ("Transfer to China", "The vendor", "DPA"). */
  about: PredictedFlagSubject;
  /**
   * Which record it is on, as `type:id`: with the rule, one flag (a key for the page, never shown). Two transfers
   * to one country are two subjects.
   */
  subject: string;
}
