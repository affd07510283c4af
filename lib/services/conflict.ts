/** "2026-11-24 20:31 UTC": minutes are enough to tell two people's saves apart in a conversation. */
export function formatChangedAt(at: Date): string {
  return `${at.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** What a stale save is told: who saved last and when, so that the editor knows whom to ask before overwriting. */
export function conflictMessage({ what, changedBy, changedAt }: { what: string; changedBy: string; changedAt: Date }): string {
  return `This ${what} was changed by ${changedBy} at ${formatChangedAt(changedAt)} while you were editing. Reload it to see their change, then apply yours again.`;
}
