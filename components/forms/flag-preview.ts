/**
 * A flag as the edit and create forms show it before saving: plain data, because it crosses the network
 * from a server action to the browser.
 */
export interface FlagPreview {
  /** Stable across the prediction and the stored flags: one rule on one subject. */
  key: string;
  ruleId: string;
  subjectType: string;
  severity: string;
  message: string;
  /** The finding in French; empty for a flag not re-evaluated since findings were worded in French. */
  messageFr: string;
  status: string;
}

/** What a form's preview action answers: the flags that stay or become open (or accepted) if the change is saved. */
export interface ChangePreview {
  flags: FlagPreview[];
}

export function toFlagPreview(flag: {
  ruleId: string;
  subjectType: string;
  subjectId: string;
  severity: string;
  message: string;
  messageFr?: string;
  status: string;
}): FlagPreview {
  return {
    key: `${flag.subjectType}:${flag.subjectId}:${flag.ruleId}`,
    ruleId: flag.ruleId,
    subjectType: flag.subjectType,
    severity: flag.severity,
    message: flag.message,
    messageFr: flag.messageFr ?? "",
    status: flag.status,
  };
}

/** The flags a form compares: not resolved (an accepted risk still shows, as on the detail pages). */
export function openFlagPreviews(flags: readonly Parameters<typeof toFlagPreview>[0][]): FlagPreview[] {
  return flags.filter((flag) => flag.status !== "resolved").map(toFlagPreview);
}
