import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "./parse";

const body = z.object({ name: z.string(), notes: z.object({ text: z.string() }).optional() });

function refusal(input: unknown): AppError {
  try {
    parseInput(body, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("parseInput accepted the input");
}

describe("parseInput: the edge of server actions, imports and scripts", () => {
  it("refuses a NUL byte, naming the field, before the schema runs", () => {
    const error = refusal({ name: "Acme\u0000Cloud" });
    expect(error.code).toBe("validation_failed");
    expect(error.details.fields).toEqual([{ path: "name", message: "must not contain the NUL character" }]);
  });

  it("refuses an unpaired surrogate deep in the input, naming its path", () => {
    expect(refusal({ name: "ok", notes: { text: "bad \uD800 half" } }).details.fields?.[0]?.path).toBe("notes.text");
  });

  it("accepts text with paired surrogates (emoji) and non-Latin scripts", () => {
    expect(parseInput(body, { name: "深圳 📷 שלום" })).toEqual({ name: "深圳 📷 שלום" });
  });
});
