import { describe, expect, it } from "vitest";
import { systemActor, type UserActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { judgeRemediationChange } from "./remediation";

const TODAY = "2026-11-24";
const user = (role: UserActor["role"], userId: string): UserActor => ({ kind: "user", userId, tokenId: null, label: `${role} <${userId}>`, role });
const DPO = user("dpo", "dpo-1");
const ENGINEER = user("engineer", "eng-1");
const OTHER = user("engineer", "eng-2");
const current = { assigneeUserId: "eng-1", dueDate: "2026-11-20", workStatus: "to_do" as const };

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

describe("who may change a flag's remediation", () => {
  it("leaves assigning and due dates to the DPO (or the system)", () => {
    expect(judgeRemediationChange({ actor: DPO, current, changes: { assigneeUserId: "eng-2", dueDate: "2026-12-01" }, today: TODAY })).toEqual({
      reassigned: true,
      redated: true,
      restatused: false,
    });
    expect(judgeRemediationChange({ actor: systemActor("test"), current, changes: { assigneeUserId: null }, today: TODAY }).reassigned).toBe(true);
    expect(refusal(() => judgeRemediationChange({ actor: ENGINEER, current, changes: { assigneeUserId: "eng-2" }, today: TODAY })).message).toBe("Only the DPO assigns flags.");
    expect(refusal(() => judgeRemediationChange({ actor: ENGINEER, current, changes: { dueDate: "2026-12-01" }, today: TODAY })).code).toBe("forbidden");
  });

  it("judges only what changes: the assignee's form may send the assignee and due date it shows", () => {
    expect(
      judgeRemediationChange({ actor: ENGINEER, current, changes: { assigneeUserId: "eng-1", dueDate: "2026-11-20", workStatus: "in_progress" }, today: TODAY }),
    ).toEqual({ reassigned: false, redated: false, restatused: true });
  });

  it("leaves the work status to the assignee and the DPO", () => {
    expect(judgeRemediationChange({ actor: DPO, current, changes: { workStatus: "waiting_for_vendor" }, today: TODAY }).restatused).toBe(true);
    expect(refusal(() => judgeRemediationChange({ actor: OTHER, current, changes: { workStatus: "in_progress" }, today: TODAY })).message).toBe(
      "Only the flag's assignee or the DPO sets its work status.",
    );
  });

  it("refuses a new due date in the past, naming dueDate; today, no date, or the passed date kept are fine", () => {
    const past = refusal(() => judgeRemediationChange({ actor: DPO, current, changes: { dueDate: "2026-11-23" }, today: TODAY }));
    expect(past.code).toBe("validation_failed");
    expect(past.details.fields).toEqual([{ path: "dueDate", message: "must be today or later" }]);
    expect(judgeRemediationChange({ actor: DPO, current, changes: { dueDate: TODAY }, today: TODAY }).redated).toBe(true);
    expect(judgeRemediationChange({ actor: DPO, current, changes: { dueDate: null }, today: TODAY }).redated).toBe(true);
    expect(judgeRemediationChange({ actor: DPO, current, changes: { dueDate: "2026-11-20" }, today: TODAY }).redated).toBe(false);
  });
});
