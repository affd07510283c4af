import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { enumField, enumMessage } from "@/lib/validation/enum-field";
import { parseInput } from "@/lib/validation/parse";

function refusal(schema: z.ZodType, input: unknown): AppError {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("parseInput accepted the input");
}

describe("enum error messages name labels, not codes", () => {
  const body = z.object({ role: enumField("processorRole"), access: enumField("accessType").default("storage") });

  it("accepts the codes", () => {
    expect(parseInput(body, { role: "sub_processor" })).toEqual({ role: "sub_processor", access: "storage" });
  });

  it("refuses anything else with the labels in the message and the codes in the data", () => {
    const error = refusal(body, { role: "vendor", access: "carrier_pigeon" });
    expect(error.code).toBe("validation_failed");
    expect(error.details.fields).toEqual([
      {
        path: "role",
        message: "must be one of: Processor; Sub-processor; Independent controller; Joint controller; Affiliate",
        allowed: ["processor", "sub_processor", "controller", "joint_controller", "affiliate"],
      },
      { path: "access", message: "must be one of: Storage; Remote access", allowed: ["storage", "remote_access"] },
    ]);
    expect(error.message).not.toMatch(/sub_processor|remote_access/);
  });

  it("narrows a kind to the values given, in their order", () => {
    const action = enumField("reviewAction", ["approve", "reject"]);
    expect(action.safeParse("submit").error?.issues[0]?.message).toBe("must be one of: Approve; Reject");
    expect(action.safeParse("approve").success).toBe(true);
  });

  it("can say it in French", () => {
    expect(enumMessage("legalBasis", ["consent", "legitimate_interests"], "fr")).toBe("doit être l'une des valeurs suivantes\u00a0: Consentement; Intérêts légitimes");
  });

  it("leaves other issues without an allowed list", () => {
    const error = refusal(z.object({ name: z.string() }), { name: 3 });
    expect(error.details.fields?.[0]).not.toHaveProperty("allowed");
  });
});

describe("problem titles", () => {
  it("titles every error code in English and French", async () => {
    const { ERROR_STATUS, errorTitle } = await import("@/lib/errors");
    for (const code of Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]) {
      expect(errorTitle(code, "fr")).not.toBe(errorTitle(code, "en"));
    }
    expect(errorTitle("validation_failed")).toBe("Some fields are invalid");
    expect(errorTitle("validation_failed", "fr")).toBe("Certains champs ne sont pas valides");
  });
});
