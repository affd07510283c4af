/** One key that differs between an audit event's before and after. */
export interface RecordChange {
  key: string;
  kind: "added" | "removed" | "changed";
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values (what the audit's jsonb columns hold); key order does not count. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

/**
 * The keys whose values differ between two snapshots of a record, sorted by key. A key absent on one side
 * is "added" or "removed"; a creation (no before) lists every key of the after as added, a deletion every key
 * of the before as removed. Nested values are compared whole, not key by key.
 */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): RecordChange[] {
  const left = before ?? {};
  const right = after ?? {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  const changes: RecordChange[] = [];
  for (const key of keys) {
    const inLeft = Object.hasOwn(left, key);
    const inRight = Object.hasOwn(right, key);
    if (inLeft && inRight) {
      if (!jsonEqual(left[key], right[key])) changes.push({ key, kind: "changed", before: left[key], after: right[key] });
    } else if (inRight) {
      changes.push({ key, kind: "added", before: undefined, after: right[key] });
    } else {
      changes.push({ key, kind: "removed", before: left[key], after: undefined });
    }
  }
  return changes;
}
