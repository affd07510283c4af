import { describe, expect, it } from "vitest";
import { mayEdit } from "@/components/registers/edit-link";

const user = (userId: string, role: "dpo" | "engineer" | "auditor") => ({ kind: "user" as const, userId, tokenId: null, label: userId, role });

describe("who sees a record's Edit link", () => {
  const draftByEngineer = { createdByUserId: "engineer-1", status: "draft" };

  it("shows it to the DPO on any record", () => {
    expect(mayEdit(user("dpo-1", "dpo"), { createdByUserId: "someone", status: "approved" })).toBe(true);
  });

  it("shows it to an engineer only on their own draft", () => {
    expect(mayEdit(user("engineer-1", "engineer"), draftByEngineer)).toBe(true);
    expect(mayEdit(user("engineer-2", "engineer"), draftByEngineer)).toBe(false);
    expect(mayEdit(user("engineer-1", "engineer"), { ...draftByEngineer, status: "approved" })).toBe(false);
  });

  it("never shows it to an auditor", () => {
    expect(mayEdit(user("auditor-1", "auditor"), draftByEngineer)).toBe(false);
  });
});
