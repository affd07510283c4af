import type { z } from "zod";
import { fieldsError } from "@/lib/errors";
import { findUnstorableText } from "./storable-text";

/**
 * Validates at a boundary; failures become one AppError naming every invalid field by its path. An unknown
 * field of a strict schema is reported under its own path ("foo: is not a known field") rather than once for
 * the whole body, so that a client sees which key to remove.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // Server actions, imports and scripts reach the services without lib/api's edge checks: the same refusal here.
  const unstorable = findUnstorableText(input);
  if (unstorable) throw fieldsError("validation_failed", [unstorable]);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [...issue.path.map(String), key].join("."), message: "is not a known field" }))
      : [
          {
            path: issue.path.map(String).join(".") || "(body)",
            message: issue.message,
            // enumField's message names the labels; the codes a client sends go in the data, next to it.
            ...(issue.code === "invalid_value" ? { allowed: issue.values.map(String) } : {}),
          },
        ],
  );
  throw fieldsError("validation_failed", fields);
}
