import { beforeAll, describe, expect, it } from "vitest";
import { approveActivity } from "@/lib/activities/service";
import { assertRole } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { assertMaySetStatus, editRefusal, statusRefusal } from "@/lib/records/ownership";
import { reviewProcessor } from "@/lib/review/service";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeActivity, makeEntity, makeProcessor } from "./factories";

/*
 * Issue 16: an error message a person reads names statuses and roles by their labels ("awaiting review",
 * "Engineer"), never by their codes ("submitted", "engineer"); the codes stay in the error's data.
 */

const TODAY = "2026-03-01";
const engineer = { kind: "user" as const, userId: "u-eng", tokenId: null, label: "Eve", role: "engineer" as const };
const CODES = /\b(submitted|offboarded|dpo|engineer|auditor)\b/;

function caught(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("ownership refusals name statuses in words", () => {
  it("an engineer's own record awaiting review: the status by its label", () => {
    const refusal = editRefusal(engineer, { createdByUserId: "u-eng", status: "submitted" }, "transfer");
    expect(refusal).toBe("This transfer is awaiting review: only a draft or rejected transfer can be edited by an engineer; ask the DPO.");
    expect(editRefusal(engineer, { createdByUserId: "u-eng", status: "offboarded" }, "processor")).toBe(
      "This processor is offboarded: only a draft or rejected processor can be edited by an engineer; ask the DPO.",
    );
  });

  it("an engineer's own draft is not refused", () => {
    expect(editRefusal(engineer, { createdByUserId: "u-eng", status: "draft" }, "transfer")).toBeNull();
    expect(editRefusal(engineer, { createdByUserId: "u-eng", status: "rejected" }, "transfer")).toBeNull();
  });

  it("a status an engineer may not set: its label in the message and the field, the code nowhere", () => {
    expect(statusRefusal(engineer, "ended", "transfer")).toBe('Engineers cannot set a transfer to "ended": the DPO reviews and approves.');
    const error = caught(() => assertMaySetStatus(engineer, "approved", "transfer"));
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe('Engineers cannot set a transfer to "approved": the DPO reviews and approves.');
    expect(error.details.fields).toEqual([{ path: "status", message: 'cannot be "approved" for an engineer' }]);
    // Submitting is the engineer's to do: no refusal.
    expect(statusRefusal(engineer, "submitted", "transfer")).toBeNull();
  });
});

describe("a role refusal names roles by their labels", () => {
  const auditor = { id: "u-aud", email: "a@words.test", name: "Ann", role: "auditor" as const };

  it("refuses with the labels", () => {
    const error = caught(() => assertRole(auditor, ["dpo", "engineer"]));
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe("This action needs the role DPO or Engineer; your role is Auditor.");
    expect(error.message).not.toMatch(CODES);
  });

  it("lets an allowed role through", () => {
    expect(assertRole(auditor, ["dpo", "auditor"])).toBe(auditor);
  });
});

describeOnDatabases("review conflicts name the status in words", (use) => {
  const dpo = { kind: "user" as const, userId: "", tokenId: null, label: "Dana", role: "dpo" as const };

  beforeAll(async () => {
    const { record } = await createUser({ ctx: { db: use().db, actor: TEST_ACTOR, today: TODAY }, input: { email: "dana@words.test", name: "Dana", role: "dpo" } });
    dpo.userId = record.id;
  });

  it("approving an approved vendor again: 'approved', and the step asks for one awaiting review", async () => {
    const { db } = use();
    const vendor = await makeProcessor(db, { status: "approved" });
    const error = await reviewProcessor.approve({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: vendor.id, changes: { version: vendor.version } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect((error as AppError).message).toBe("This vendor is approved: only a vendor awaiting review can be approved.");
    expect((error as AppError).details).toMatchObject({ currentStatus: "approved" });
  });

  it("submitting a vendor awaiting review: 'awaiting review', never 'submitted'", async () => {
    const { db } = use();
    const vendor = await makeProcessor(db, { status: "submitted" });
    const error = await reviewProcessor.submit({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: vendor.id, changes: { version: vendor.version } } }).catch((e: unknown) => e);
    expect((error as AppError).message).toBe("This vendor is awaiting review: only a draft or rejected vendor can be submitted.");
    expect((error as AppError).details).toMatchObject({ currentStatus: "submitted" });
  });

  it("approving an approved activity: the status in words; one awaiting review is approved", async () => {
    const { db } = use();
    const controller = await makeEntity(db);
    const approved = await makeActivity(db, controller.id, { status: "approved" });
    const error = await approveActivity({ ctx: { db, actor: dpo, today: TODAY }, input: { id: approved.id, changes: { version: approved.version } } }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("conflict");
    expect((error as AppError).message).toBe("This processing activity is approved: only an activity awaiting review can be approved.");

    const pending = await makeActivity(db, controller.id, { status: "submitted" });
    const { record } = await approveActivity({ ctx: { db, actor: dpo, today: TODAY }, input: { id: pending.id, changes: { version: pending.version } } });
    expect(record.status).toBe("approved");
  });
});
