/*
 * Text PostgreSQL cannot store. U+0000: text and jsonb cannot hold it (the database refuses the statement, a 500
 * if it got that far). A lone UTF-16 surrogate (U+D800..U+DFFF without its pair, which JSON's "\uD800" escape can
 * carry): it has no UTF-8 form, so the driver would store U+FFFD instead, silently changing what was sent. With
 * the `u` flag a surrogate pair is one code point, so \p{Cs} matches only an unpaired half.
 */
const NUL = "\u0000";
const LONE_SURROGATE = /\p{Cs}/u;

/** Why `value` cannot be stored as text, or undefined when it can. */
export function unstorableTextReason(value: string): string | undefined {
  if (value.includes(NUL)) return "must not contain the NUL character";
  if (LONE_SURROGATE.test(value)) return "must not contain an unpaired UTF-16 surrogate (text that is not valid Unicode)";
  return undefined;
}

/** A step of the walk below: the value, and how it was reached (the path is spelled out only when it is needed). */
interface TextWalkStep {
  value: unknown;
  key?: string;
  parent?: TextWalkStep;
}

function pathOf(step: TextWalkStep): string {
  const keys: string[] = [];
  for (let at: TextWalkStep | undefined = step; at?.key !== undefined; at = at.parent) keys.push(at.key);
  // The path is sent back in the JSON answer, so a key's own unpaired surrogate is shown as U+FFFD there.
  return keys.reverse().join(".").replace(/\p{Cs}/gu, "\uFFFD") || "(body)";
}

/**
 * The first string (value or key) of a request's input that cannot be stored, with its dotted path ("(body)" for
 * the input itself), or undefined. The edges (JSON bodies: lib/api/body.ts; query strings: lib/api/params.ts)
 * call it before their schema, so that every field of every contract is covered without each declaring it.
 * Iterative, so that a deeply nested body cannot overflow the stack.
 */
export function findUnstorableText(input: unknown): { path: string; message: string } | undefined {
  const stack: TextWalkStep[] = [{ value: input }];
  while (stack.length) {
    const step = stack.pop()!;
    const { value } = step;
    if (typeof value === "string") {
      const message = unstorableTextReason(value);
      if (message) return { path: pathOf(step), message };
    } else if (value && typeof value === "object") {
      // Pushed in reverse, so that the first offending field in document order is the one named.
      for (const [key, child] of Object.entries(value).reverse()) {
        const childStep: TextWalkStep = { value: child, key, parent: step };
        stack.push(childStep);
        // A bad key is reported under its own path, before its value.
        if (unstorableTextReason(key)) stack.push({ ...childStep, value: key });
      }
    }
  }
  return undefined;
}
