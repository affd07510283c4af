import { toIsoDate } from "@/lib/rules/iso-date";

/** Today's calendar date (UTC): the one place that reads the clock for the rules. */
export function todayIso(now: Date = new Date()): string {
  return toIsoDate(now);
}
