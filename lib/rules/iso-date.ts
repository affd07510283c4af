/*
 * Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so that the server's time zone never moves a
 * deadline by a day. No date library is installed; these few functions are all the rules need.
 */

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// Rules compare the same few dates (today, expiries) hundreds of thousands of times in a full pass: each
// date is parsed and validated once, and its UTC time kept with its parts.
interface Parsed {
  parts: [number, number, number];
  ms: number;
}
const PARSED = new Map<string, Parsed | null>();

function parsed(value: string): Parsed | null {
  const cached = PARSED.get(value);
  if (cached !== undefined) return cached;
  const result = parseParts(value);
  if (PARSED.size > 50_000) PARSED.clear();
  const entry = result === null ? null : { parts: result, ms: Date.UTC(result[0], result[1] - 1, result[2]) };
  PARSED.set(value, entry);
  return entry;
}

function parts(value: string): [number, number, number] | null {
  return parsed(value)?.parts ?? null;
}

function parseParts(value: string): [number, number, number] | null {
  const match = ISO_DATE.exec(value);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Rejects 2026-02-30 and friends: Date.UTC would silently roll them over.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return [year, month, day];
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && parts(value) !== null;
}

export function assertIsoDate(value: unknown, label = "date"): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`${label} must be an ISO date (YYYY-MM-DD), got ${String(value)}`);
}

/** UTC calendar date of a Date or of an ISO timestamp ("2026-11-15T23:00:00Z" -> "2026-11-15"). */
export function toIsoDate(value: Date | string): IsoDate {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(value)}`);
  return date.toISOString().slice(0, 10);
}

function toUtcMs(value: IsoDate): number {
  const p = parsed(value);
  if (p === null) throw new RangeError(`Expected an ISO date (YYYY-MM-DD), got ${value}`);
  return p.ms;
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/**
 * Calendar months, clamped to the end of the target month: 2026-03-31 minus 1 month is 2026-02-28, and
 * 2024-02-29 minus 12 months is 2023-02-28.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const p = parts(date);
  if (p === null) throw new RangeError(`Expected an ISO date (YYYY-MM-DD), got ${date}`);
  const [year, month, day] = p;
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12; // 0-based
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
}

/** Negative when a is earlier, 0 when equal, positive when a is later. Validates both. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toUtcMs(a) - toUtcMs(b);
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) > 0;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}
