import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Validates at a boundary; failures become one AppError naming every invalid field by its path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
  const summary = fields.map((field) => `${field.path}: ${field.message}`).join("; ");
  throw new AppError("validation_failed", summary, { fields });
}
