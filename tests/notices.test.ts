import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle, Executor } from "@/db/client";
import { auditEvents, flags } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { reevaluateNoticeFindings } from "@/lib/notices/evaluation";
import { createNotice, createNoticeStatement, deleteNoticeStatement, updateNoticeStatement } from "@/lib/notices/service";
import { seedDemoData } from "@/lib/seed/demo";
import { updateTransfer } from "@/lib/transfers/service";
import { createApiToken, createUser } from "@/lib/users/service";
import * as generatedRoute from "../app/api/v1/notices/[id]/generated/route";
import * as statementCollection from "../app/api/v1/notices/[id]/statements/route";
import * as noticeCollection from "../app/api/v1/notices/route";
import * as statementItem from "../app/api/v1/notice-statements/[id]/route";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";
const ctxOf = (db: Executor) => ({ db, actor: TEST_ACTOR, today: TODAY });

async function noticeFlags(db: Executor, ruleId: string) {
  return db.select().from(flags).where(eq(flags.ruleId, ruleId));
}

describeOnDatabases("the privacy notice and its findings", (use) => {
  it("records a version with its SHA-256, and a statement that declares a country resolves the finding (same row when it returns)", async () => {
    const { db } = use();
    const ctx = ctxOf(db);
    const { record: notice } = await createNotice({ ctx, input: { title: "Privacy Policy", versionLabel: "v1", effectiveDate: "2026-01-01", languages: ["en"], text: "abc" } });
    // SHA-256("abc"), computed by the server.
    expect(notice.sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const processor = await makeProcessor(db, { name: "Réclame", service: "advertising", country: "FR" });
    const { transfer } = await makeTransfer(db, { today: TODAY, processorId: processor.id, destinationCountry: "FR" });
    const { record: china } = await createNoticeStatement({
      ctx,
      input: { noticeId: notice.id, body: { kind: "country", value: "cn", quote: "may be transferred to Mainland China", section: "International transfers" } },
    });
    expect(china.value).toBe("CN");

    const [open] = await noticeFlags(db, "notice.undisclosed-destination");
    expect(open).toMatchObject({ subjectType: "transfer", subjectId: transfer.id, status: "open", severity: "medium", processorId: processor.id });
    expect(open!.message).toContain("“may be transferred to Mainland China” (section “International transfers”)");
    expect(open!.messageFr).toContain("France");
    expect(open!.facts).toMatchObject({ destination: "FR", noticeQuote: "“may be transferred to Mainland China”", noticeSection: "International transfers" });

    const { record: france } = await createNoticeStatement({
      ctx,
      input: { noticeId: notice.id, body: { kind: "country", value: "FR", quote: "and France", section: "International transfers" } },
    });
    expect((await noticeFlags(db, "notice.undisclosed-destination"))[0]).toMatchObject({ id: open!.id, status: "resolved" });

    // The statement edited to another country: the cause returns, on the same row.
    const { record: edited } = await updateNoticeStatement({ ctx, input: { id: france.id, changes: { version: france.version, value: "DE" } } });
    const reopened = await noticeFlags(db, "notice.undisclosed-destination");
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ id: open!.id, status: "open" });

    // A stale version is refused with a conflict.
    await expect(updateNoticeStatement({ ctx, input: { id: france.id, changes: { version: france.version, value: "FR" } } })).rejects.toMatchObject({ code: "version_conflict" });
    await deleteNoticeStatement({ ctx, input: { id: edited.id, version: edited.version } });

    const audited = await db.select().from(auditEvents).where(eq(auditEvents.recordId, france.id));
    expect(audited.map((event) => event.action).sort()).toEqual(["create", "delete", "update"]);
  });

  it("re-evaluates after register writes, and the register's own passes leave the notice findings alone", async () => {
    const { db } = use();
    const ctx = ctxOf(db);
    const { record: notice } = await createNotice({ ctx, input: { title: "Notice", versionLabel: "v2", effectiveDate: "2026-02-01", text: "We encrypt everything." } });
    await createNoticeStatement({ ctx, input: { noticeId: notice.id, body: { kind: "encryption_at_rest", quote: "We encrypt everything.", section: "Security" } } });
    const { transfer } = await makeTransfer(db, { today: TODAY });
    const before = (await noticeFlags(db, "notice.transfer-unencrypted-against-promise")).filter((flag) => flag.subjectId === transfer.id);
    expect(before).toEqual([]);

    const { record } = await updateTransfer({ ctx, input: { id: transfer.id, changes: { version: transfer.version, encryptionAtRest: "none" } } });
    const [opened] = (await noticeFlags(db, "notice.transfer-unencrypted-against-promise")).filter((flag) => flag.subjectId === transfer.id);
    expect(opened).toMatchObject({ status: "open", severity: "high" });
    expect(opened!.facts).toMatchObject({ unencrypted: ["at_rest"], noticeQuote: "“We encrypt everything.”" });

    await runFullEvaluation({ db, today: TODAY });
    expect((await db.select().from(flags).where(eq(flags.id, opened!.id)))[0]).toMatchObject({ status: "open" });

    await updateTransfer({ ctx, input: { id: transfer.id, changes: { version: record.version, encryptionAtRest: "customer_keys" } } });
    expect((await db.select().from(flags).where(eq(flags.id, opened!.id)))[0]).toMatchObject({ status: "resolved" });
  });

  it("refuses a statement whose value does not fit its kind, naming the field", async () => {
    const { db } = use();
    const ctx = ctxOf(db);
    const { record: notice } = await createNotice({ ctx, input: { title: "Notice", versionLabel: "v3", effectiveDate: "2026-03-01", url: "https://example.com/privacy" } });
    const attempt = (body: Record<string, unknown>) => createNoticeStatement({ ctx, input: { noticeId: notice.id, body: { quote: "words", section: "Somewhere", ...body } } });
    await expect(attempt({ kind: "data_category", value: "user.nothing.like.this" })).rejects.toMatchObject({ code: "validation_failed", details: { fields: [{ path: "value" }] } });
    await expect(attempt({ kind: "country", value: "XX" })).rejects.toMatchObject({ details: { fields: [{ path: "value" }] } });
    await expect(attempt({ kind: "recipient_category", value: "cloud" })).rejects.toMatchObject({ details: { fields: [{ path: "value" }] } });
    await expect(attempt({ kind: "no_sale", value: "US" })).rejects.toMatchObject({ details: { fields: [{ path: "value" }] } });
    await expect(createNotice({ ctx, input: { title: "No text", versionLabel: "v0", effectiveDate: "2026-03-01" } })).rejects.toMatchObject({ details: { fields: [{ path: "text" }] } });
  });
});

const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

function call(handler: unknown, { method = "GET", url, token, body, id, headers = {} }: { method?: string; url: string; token: string; body?: unknown; id?: string; headers?: Record<string, string> }) {
  const request = new Request(`${BASE}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (handler as Handler)(request, { params: Promise.resolve((id ? { id } : {}) as Record<string, string>) });
}

describeOnDatabases("the notice API", (use) => {
  const tokens = { dpo: "", engineer: "" };
  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const { db } = use();
    for (const role of ["dpo", "engineer"] as const) {
      const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { email: `${role}@notice.test`, name: `Notice ${role}`, role } });
      tokens[role] = (await createApiToken({ ctx: { db, actor: SYSTEM_ACTOR, today: "2026-01-01" }, input: { userId: user.id, name: "tests" } })).token;
    }
  });
  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  it("lets the DPO write, names invalid fields, answers 409 on a stale version, and serves the generated sections", async () => {
    const forbidden = await call(noticeCollection.POST, { method: "POST", url: "/api/v1/notices", token: tokens.engineer, body: { title: "N", versionLabel: "1", effectiveDate: "2026-01-01", text: "t" } });
    expect(forbidden.status).toBe(403);
    const created = await call(noticeCollection.POST, {
      method: "POST",
      url: "/api/v1/notices",
      token: tokens.dpo,
      body: { title: "Privacy Policy", versionLabel: "1", effectiveDate: "2026-01-01", languages: ["en"], text: "How we transfer\n\nWe send data to Mainland China.\n" },
    });
    expect(created.status).toBe(201);
    const { data: notice } = await created.json();

    const invalid = await call(statementCollection.POST, { method: "POST", url: `/api/v1/notices/${notice.id}/statements`, token: tokens.dpo, id: notice.id, body: { kind: "country", value: "ZZ", quote: "q", section: "s" } });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors).toEqual([expect.objectContaining({ path: "value" })]);

    const statement = await call(statementCollection.POST, {
      method: "POST",
      url: `/api/v1/notices/${notice.id}/statements`,
      token: tokens.dpo,
      id: notice.id,
      body: { kind: "country", value: "CN", quote: "We send data to Mainland China.", section: "How we transfer" },
    });
    expect(statement.status).toBe(201);
    const { data: saved } = await statement.json();
    const listed = await (await call(statementCollection.GET, { url: `/api/v1/notices/${notice.id}/statements`, token: tokens.engineer, id: notice.id })).json();
    expect(listed.data.map((s: { id: string }) => s.id)).toEqual([saved.id]);

    const patched = await call(statementItem.PATCH, { method: "PATCH", url: `/api/v1/notice-statements/${saved.id}`, token: tokens.dpo, id: saved.id, body: { version: saved.version, value: "HK" } });
    expect(patched.status).toBe(200);
    const stale = await call(statementItem.PATCH, { method: "PATCH", url: `/api/v1/notice-statements/${saved.id}`, token: tokens.dpo, id: saved.id, body: { version: saved.version, value: "CN" } });
    expect(stale.status).toBe(409);

    const list = await (await call(noticeCollection.GET, { url: "/api/v1/notices", token: tokens.engineer })).json();
    expect(list.data[0]).toMatchObject({ id: notice.id, inForce: true, statementCount: 1 });

    const json = await call(generatedRoute.GET, { url: `/api/v1/notices/${notice.id}/generated?language=fr&format=json`, token: tokens.engineer, id: notice.id });
    const { data: generated } = await json.json();
    expect(generated.language).toBe("fr");
    expect(generated.sections.map((s: { title: string }) => s.title)).toContain("Transferts internationaux");
    expect(generated.compared).toContain("We send data to Mainland China.");
    expect(generated.diff.some((part: { kind: string }) => part.kind === "removed")).toBe(true);
    const md = await call(generatedRoute.GET, { url: `/api/v1/notices/${notice.id}/generated?language=en&format=md`, token: tokens.engineer, id: notice.id });
    expect(md.headers.get("content-type")).toContain("text/markdown");
    expect(await md.text()).toContain("## Recipients of your personal information");
  });
});

describeOnDatabases("the demo notice", (use) => {
  it("quotes the demo policy and finds the promises the demo register breaks", async () => {
    const { db } = use();
    await seedDemoData(db, { today: TODAY });
    const found = await db.select().from(flags).where(and(like(flags.ruleId, "notice.%"), eq(flags.status, "open")));
    const rules = new Set(found.map((flag) => flag.ruleId));
    for (const rule of [
      "notice.transfer-without-contract-against-promise",
      "notice.transfer-unencrypted-against-promise",
      "notice.undisclosed-destination",
      "notice.undisclosed-recipient-category",
      "notice.storage-outside-declared",
    ]) {
      expect(rules, rule).toContain(rule);
    }
    const atRest = found.find((flag) => flag.ruleId === "notice.transfer-unencrypted-against-promise")!;
    expect(atRest.facts).toMatchObject({ unencrypted: ["at_rest"], noticeSection: "How we store and protect your personal information?" });
    expect(atRest.message).toContain("encryption throughout the storage and transmission process");
    const destination = found.find((flag) => flag.ruleId === "notice.undisclosed-destination")!;
    expect(destination).toMatchObject({ severity: "low", facts: { destination: "FR", nonExhaustive: true } });
    for (const flag of found) expect(flag.messageFr, flag.ruleId).not.toBe("");

    // A pass over the demo changes nothing when nothing changed, and is cheap (a few aggregate reads).
    const again = await reevaluateNoticeFindings({ db, today: TODAY });
    expect(again).toMatchObject({ findings: found.length, inserted: 0, refreshed: 0, reopened: 0, resolved: 0 });
    console.info(`notice findings on the demo: ${again.findings}, re-evaluated in ${again.ms} ms`);
  });
});
