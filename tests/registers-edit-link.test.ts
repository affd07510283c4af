import { describe, expect, it } from "vitest";
import { mayEdit } from "@/components/registers/edit-link";

describe("who sees a record's Edit link", () => {
  const draftByEngineer = { createdByUserId: "engineer-1", status: "draft" };

  it("shows it to the DPO on any record", () => {
    expect(mayEdit({ userId: "dpo-1", role: "dpo" }, { createdByUserId: "someone", status: "approved" })).toBe(true);
  });

  it("shows it to an engineer only on their own draft", () => {
    expect(mayEdit({ userId: "engineer-1", role: "engineer" }, draftByEngineer)).toBe(true);
    expect(mayEdit({ userId: "engineer-2", role: "engineer" }, draftByEngineer)).toBe(false);
    expect(mayEdit({ userId: "engineer-1", role: "engineer" }, { ...draftByEngineer, status: "approved" })).toBe(false);
  });

  it("never shows it to an auditor", () => {
    expect(mayEdit({ userId: "auditor-1", role: "auditor" }, draftByEngineer)).toBe(false);
  });
});
