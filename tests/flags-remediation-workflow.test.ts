import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, flags, notifications, transfers, type Flag } from "@/db/schema";
import { flagListInput, flagListQuery } from "@/lib/api/contracts/flags";
import { userActor, type UserActor } from "@/lib/auth/actor";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { listFlagRegister } from "@/lib/flags/register";
import { commentOnFlag, revokeFlagAcceptance, updateFlagRemediation } from "@/lib/flags/remediation";
import { acceptFlagRisk } from "@/lib/flags/service";
import { updateTransfer } from "@/lib/transfers/service";
import { createApiToken, createUser } from "@/lib/users/service";
import * as commentsRoute from "../app/api/v1/flags/[id]/comments/route";
import * as flagCollection from "../app/api/v1/flags/route";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeTransfer } from "./factories";

/*
 * Issue 17, point 3: the remediation of a flag. The DPO assigns it (the assignee is notified) and sets a due date;
 * the assignee says where the work stands; the DPO, the assignee and the engineer who owns the subject comment;
 * the DPO may revoke an acceptance. The flag resolves only when its cause is gone: the record is fixed.
 */

const TODAY = "2026-11-24";
const BASE = "http://localhost:3000";
const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describeOnDatabases("flag remediation workflow", (use) => {
  const actors: Record<"dpo" | "engineer" | "otherEngineer" | "auditor", UserActor> = {} as never;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const ctx = { db: use().db, actor: SYSTEM_ACTOR, today: TODAY };
    for (const [key, role] of [
      ["dpo", "dpo"],
      ["engineer", "engineer"],
      ["otherEngineer", "engineer"],
      ["auditor", "auditor"],
    ] as const) {
      const { record } = await createUser({ ctx, input: { email: `${key.toLowerCase()}@remediation.test`, name: `Remediation ${key}`, role } });
      actors[key] = userActor({ id: record.id, name: record.name, email: record.email, role });
      tokens[key] = (await createApiToken({ ctx: { ...ctx, actor: actors[key] }, input: { userId: record.id, name: "tests" } })).token;
    }
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  const ctxOf = (actor: UserActor | typeof TEST_ACTOR, today = TODAY) => ({ db: use().db, actor, today });

  /** A transfer without encryption in transit, registered by `owner`: its open flag for that rule. */
  async function openFlag(owner?: UserActor): Promise<Flag> {
    const { db } = use();
    const { transfer, flags: raised } = await makeTransfer(db, { today: TODAY, encryptionInTransit: "none" });
    if (owner) await db.update(transfers).set({ createdByUserId: owner.userId }).where(eq(transfers.id, transfer.id));
    const flag = raised.find((candidate) => candidate.ruleId === "transfer.no-encryption-in-transit");
    expect(flag).toBeDefined();
    return { ...flag!, fingerprint: "" };
  }

  const call = (handler: unknown, url: string, token: string, init: RequestInit = {}, params: Record<string, string> = {}) =>
    (handler as Handler)(
      new Request(`${BASE}${url}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers } }),
      { params: Promise.resolve(params) },
    );

  it("the DPO assigns a flag with a due date: the assignee gets a notification, the change is audited", async () => {
    const { db } = use();
    const flag = await openFlag();
    const { record } = await updateFlagRemediation({
      ctx: ctxOf(actors.dpo),
      input: { id: flag.id, changes: { version: flag.version, assigneeUserId: actors.engineer.userId, dueDate: "2026-12-15" } },
    });
    expect(record).toMatchObject({ assigneeUserId: actors.engineer.userId, assigneeName: "Remediation engineer", dueDate: "2026-12-15", workStatus: "to_do", status: "open" });
    expect(record.version).toBe(flag.version + 1);

    const sent = await db.select().from(notifications).where(eq(notifications.dedupeKey, `flag_assigned:${flag.id}:${actors.engineer.userId}:${record.version}`));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ event: "flag_assigned", recipientUserId: actors.engineer.userId, payload: expect.objectContaining({ flagId: flag.id, dueDate: "2026-12-15" }) });

    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "flag_remediation"), eq(auditEvents.recordId, flag.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ assigneeUserId: null, dueDate: null });
    expect(audit[0]!.after).toMatchObject({ assigneeUserId: actors.engineer.userId, assigneeName: "Remediation engineer", dueDate: "2026-12-15" });

    // The work status is the assignee's to set; no one is notified of a change that is not an assignment.
    const { record: started } = await updateFlagRemediation({ ctx: ctxOf(actors.engineer), input: { id: flag.id, changes: { version: record.version, workStatus: "in_progress" } } });
    expect(started.workStatus).toBe("in_progress");
    expect(await db.select().from(notifications).where(eq(notifications.recipientUserId, actors.engineer.userId))).toHaveLength(1);
  });

  it("refuses a stale version with a 409 naming who changed the flag", async () => {
    const flag = await openFlag();
    await updateFlagRemediation({ ctx: ctxOf(actors.dpo), input: { id: flag.id, changes: { version: flag.version, dueDate: "2026-12-01" } } });
    const error = await rejection(
      updateFlagRemediation({ ctx: ctxOf(actors.dpo), input: { id: flag.id, changes: { version: flag.version, assigneeUserId: actors.engineer.userId } } }),
    );
    expect(error.code).toBe("version_conflict");
    expect(error.message).toContain("Remediation dpo");
    const [row] = await use().db.select().from(flags).where(eq(flags.id, flag.id));
    expect(row!.assigneeUserId).toBeNull();
  });

  it("leaves assigning and due dates to the DPO, the work status to the assignee, and assigns only active engineers or DPOs", async () => {
    const flag = await openFlag();
    const assign = await rejection(
      updateFlagRemediation({ ctx: ctxOf(actors.engineer), input: { id: flag.id, changes: { version: flag.version, assigneeUserId: actors.engineer.userId } } }),
    );
    expect(assign.code).toBe("forbidden");
    expect(assign.message).toBe("Only the DPO assigns flags.");
    const due = await rejection(updateFlagRemediation({ ctx: ctxOf(actors.engineer), input: { id: flag.id, changes: { version: flag.version, dueDate: "2026-12-31" } } }));
    expect(due.code).toBe("forbidden");
    const auditor = await rejection(updateFlagRemediation({ ctx: ctxOf(actors.auditor), input: { id: flag.id, changes: { version: flag.version, workStatus: "in_progress" } } }));
    expect(auditor.code).toBe("forbidden");

    const toAuditor = await rejection(
      updateFlagRemediation({ ctx: ctxOf(actors.dpo), input: { id: flag.id, changes: { version: flag.version, assigneeUserId: actors.auditor.userId } } }),
    );
    expect(toAuditor.code).toBe("validation_failed");
    expect(toAuditor.details.fields).toEqual([{ path: "assigneeUserId", message: "must be an active engineer or DPO" }]);
    const past = await rejection(updateFlagRemediation({ ctx: ctxOf(actors.dpo), input: { id: flag.id, changes: { version: flag.version, dueDate: "2026-11-23" } } }));
    expect(past.details.fields).toEqual([{ path: "dueDate", message: "must be today or later" }]);

    const { record } = await updateFlagRemediation({ ctx: ctxOf(actors.dpo), input: { id: flag.id, changes: { version: flag.version, assigneeUserId: actors.engineer.userId } } });
    const notAssignee = await rejection(
      updateFlagRemediation({ ctx: ctxOf(actors.otherEngineer), input: { id: flag.id, changes: { version: record.version, workStatus: "waiting_for_vendor" } } }),
    );
    expect(notAssignee.code).toBe("forbidden");
    // Sending the assignee it shows (unchanged) is not assigning: the assignee's form may do so.
    const { record: waiting } = await updateFlagRemediation({
      ctx: ctxOf(actors.engineer),
      input: { id: flag.id, changes: { version: record.version, assigneeUserId: actors.engineer.userId, workStatus: "waiting_for_vendor" } },
    });
    expect(waiting.workStatus).toBe("waiting_for_vendor");
  });

  it("revoking an acceptance reopens the flag and keeps the acceptance in its history; only the DPO revokes", async () => {
    const { db } = use();
    const flag = await openFlag();
    const { record: accepted } = await acceptFlagRisk({
      ctx: ctxOf(actors.dpo),
      input: { id: flag.id, changes: { version: flag.version, justification: "Vendor migrates to TLS next quarter", acceptedUntil: "2027-03-01" } },
    });
    const reason = { version: accepted.version, reason: "The vendor dropped its migration plan" };
    expect((await rejection(revokeFlagAcceptance({ ctx: ctxOf(actors.engineer), input: { id: flag.id, changes: reason } }))).code).toBe("forbidden");
    const short = await rejection(revokeFlagAcceptance({ ctx: ctxOf(actors.dpo), input: { id: flag.id, changes: { ...reason, reason: "No" } } }));
    expect(short.details.fields).toEqual([expect.objectContaining({ path: "reason" })]);

    const { record } = await revokeFlagAcceptance({ ctx: ctxOf(actors.dpo), input: { id: flag.id, changes: reason } });
    expect(record).toMatchObject({ status: "open", acceptanceJustification: "Vendor migrates to TLS next quarter", acceptedUntil: "2027-03-01" });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "flag"), eq(auditEvents.recordId, flag.id)))
      .orderBy(auditEvents.id);
    expect(events.map((event) => event.action)).toEqual(["accept_risk", "revoke_acceptance"]);
    expect(events[1]!.after).toEqual({ status: "open", acceptanceRevocationReason: "The vendor dropped its migration plan" });

    const again = await rejection(revokeFlagAcceptance({ ctx: ctxOf(actors.dpo), input: { id: flag.id, changes: { ...reason, version: record.version } } }));
    expect(again.code).toBe("conflict");
  });

  it("lists the flags assigned to someone, the overdue ones and those at a work status, on the server", async () => {
    const due = await openFlag();
    const later = await openFlag();
    const other = await openFlag();
    // Set a week before TODAY, when the date was still ahead.
    const earlier = ctxOf(actors.dpo, "2026-11-10");
    await updateFlagRemediation({ ctx: earlier, input: { id: due.id, changes: { version: due.version, assigneeUserId: actors.otherEngineer.userId, dueDate: "2026-11-20" } } });
    await updateFlagRemediation({ ctx: earlier, input: { id: later.id, changes: { version: later.version, assigneeUserId: actors.otherEngineer.userId, dueDate: "2026-12-20", workStatus: "waiting_for_vendor" } } });
    await updateFlagRemediation({ ctx: earlier, input: { id: other.id, changes: { version: other.version, assigneeUserId: actors.engineer.userId, dueDate: "2026-11-11" } } });

    const viewer = { userId: actors.otherEngineer.userId, today: TODAY };
    const ids = async (query: Record<string, string>) =>
      (await listFlagRegister({ db: use().db, today: TODAY, ...flagListInput(flagListQuery.parse({ pageSize: "100", ...query }), viewer) })).rows.map((row) => row.id).sort();
    expect(await ids({ assignee: "me" })).toEqual([due.id, later.id].sort());
    expect(await ids({ assignee: "me", overdue: "true" })).toEqual([due.id]);
    expect(await ids({ assignee: actors.engineer.userId, overdue: "true" })).toEqual([other.id]);
    expect(await ids({ assignee: "me", workStatus: "waiting_for_vendor" })).toEqual([later.id]);
    // Overdue means open: once resolved (here by the engine), a flag is no longer due.
    await use().db.update(flags).set({ status: "resolved" }).where(eq(flags.id, other.id));
    expect(await ids({ overdue: "true" })).not.toContain(other.id);

    // Through the API, `me` is the token's owner; the row carries the assignee and the due date.
    const response = await call(flagCollection.GET, "/api/v1/flags?assignee=me&pageSize=100", tokens.otherEngineer!);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string; assigneeName: string; dueDate: string }[]; total: number };
    expect(body.data.map((row) => row.id).sort()).toEqual([due.id, later.id].sort());
    expect(body.data.find((row) => row.id === due.id)).toMatchObject({ assigneeName: "Remediation otherEngineer", dueDate: "2026-11-20" });
    const invalid = await call(flagCollection.GET, "/api/v1/flags?assignee=someone", tokens.otherEngineer!);
    expect(invalid.status).toBe(422);
  });

  it("takes comments from the DPO, the assignee and the subject's owner, and names `body` when it is empty or too long", async () => {
    const flag = await openFlag(actors.engineer);
    const url = `/api/v1/flags/${flag.id}/comments`;
    const post = (token: string, body: unknown) => call(commentsRoute.POST, url, token, { method: "POST", body: JSON.stringify(body) }, { id: flag.id });

    const empty = await post(tokens.dpo!, { body: "   " });
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual(["body"]);
    const long = await post(tokens.dpo!, { body: "x".repeat(5001) });
    expect(long.status).toBe(422);
    expect(((await long.json()) as { errors: { path: string; message: string }[] }).errors).toEqual([{ path: "body", message: "must be at most 5000 characters" }]);

    expect((await post(tokens.dpo!, { body: "Please enable TLS on the upload endpoint." })).status).toBe(200);
    // The engineer who registered the transfer takes part without being assigned; another engineer does not.
    const owner = await post(tokens.engineer!, { body: "On it: the vendor's gateway supports TLS 1.3." });
    expect(owner.status).toBe(200);
    expect(((await owner.json()) as { data: { authorName: string } }).data.authorName).toBe("Remediation engineer");
    expect((await post(tokens.otherEngineer!, { body: "Me too" })).status).toBe(403);
    expect((await post(tokens.auditor!, { body: "Noted" })).status).toBe(403);

    const listed = await call(commentsRoute.GET, url, tokens.auditor!, {}, { id: flag.id });
    expect(listed.status).toBe(200);
    const page = (await listed.json()) as { data: { body: string }[]; total: number };
    expect(page.total).toBe(2);
    expect(page.data.map((comment) => comment.body)).toEqual(["Please enable TLS on the upload endpoint.", "On it: the vendor's gateway supports TLS 1.3."]);
    const audit = await use()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, "flag_remediation"), eq(auditEvents.action, "comment"), eq(auditEvents.recordId, flag.id)));
    expect(audit).toHaveLength(2);
  });

  it("resolves the flag when the record is fixed, not by its remediation: a resolved flag is a 409", async () => {
    const { db } = use();
    const flag = await openFlag();
    const { record } = await updateFlagRemediation({ ctx: ctxOf(actors.dpo), input: { id: flag.id, changes: { version: flag.version, assigneeUserId: actors.engineer.userId } } });
    const [transfer] = await db.select().from(transfers).where(eq(transfers.id, flag.subjectId));
    await updateTransfer({ ctx: ctxOf(TEST_ACTOR), input: { id: transfer!.id, changes: { version: transfer!.version, encryptionInTransit: "tls1_3" } } });
    const [resolved] = await db.select().from(flags).where(eq(flags.id, flag.id));
    expect(resolved).toMatchObject({ status: "resolved", assigneeUserId: actors.engineer.userId });
    const error = await rejection(
      updateFlagRemediation({ ctx: ctxOf(actors.engineer), input: { id: flag.id, changes: { version: resolved!.version, workStatus: "in_progress" } } }),
    );
    expect(error.code).toBe("conflict");
    expect(record.status).toBe("open");
  });
});
