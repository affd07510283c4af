import { sql } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ChainStatus } from "@/components/audit/chain-status";
import { auditEvents } from "@/db/schema";
import { CHAIN_BREAKS, chainBreakReason } from "@/lib/audit/chain-break";
import { verifyAuditChain, type ChainVerification } from "@/lib/audit/verify";
import type { Locale } from "@/lib/i18n/locales";
import { updateTransfer } from "@/lib/transfers/service";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeTransfer } from "./factories";

/*
 * Issue 16: why the audit chain breaks is a code with a sentence per language. The audit page says it in its
 * reader's language; the verifier's `reason` (the CLI's, `npm run audit:verify`) stays English.
 */

// The chain status is a server component: it reads its language and messages from next-intl's request API.
const request = vi.hoisted(() => ({ locale: "en" as "en" | "fr" }));
vi.mock("next-intl/server", async () => {
  const { loadMessages: load } = await import("@/lib/i18n/messages");
  const { createTranslator: translator } = await import("next-intl");
  return {
    getLocale: async () => request.locale,
    getTranslations: async (namespace: string) => translator({ locale: request.locale, messages: await load(request.locale), namespace: namespace as never }),
  };
});

const TODAY = "2026-11-24";

async function chainStatus(locale: Locale, verification: ChainVerification): Promise<string> {
  request.locale = locale;
  return renderToStaticMarkup(await ChainStatus({ verification: Promise.resolve(verification) }));
}

describe("the reasons", () => {
  it("have an English and a French sentence for every code, the French not the English", () => {
    for (const code of CHAIN_BREAKS) {
      expect(chainBreakReason(code, "en")).toMatch(/^[a-z]/);
      expect(chainBreakReason(code, "fr")).not.toBe(chainBreakReason(code, "en"));
    }
    expect(chainBreakReason("content_altered", "fr")).toBe("son contenu ne correspond pas à son empreinte (l’événement a été modifié)");
  });

  it("the page says it in French to a French reader, in English to an English one, and no code", async () => {
    const broken: ChainVerification = { ok: false, checked: 4, brokenAt: 5, reasonCode: "content_altered", reason: chainBreakReason("content_altered") };
    const french = await chainStatus("fr", broken);
    expect(french).toContain("son contenu ne correspond pas à son empreinte");
    expect(french).not.toContain("does not match");
    const english = await chainStatus("en", broken);
    expect(english).toContain("its content does not match its hash (the event was altered)");
    for (const html of [french, english]) expect(html).not.toContain("content_altered");
  });

  it("an intact chain shows no reason", async () => {
    const intact: ChainVerification = { ok: true, checked: 3, headHash: "a".repeat(64), lastEventId: 3, keyed: 3, unkeyed: 0, lastKeyedId: 3 };
    const html = await chainStatus("fr", intact);
    expect(html).toContain('data-state="intact"');
    for (const code of CHAIN_BREAKS) expect(html).not.toContain(chainBreakReason(code, "fr"));
  });
});

describeOnDatabases("the verifier names why, as a code and in English", (use) => {
  async function twoEvents() {
    const { db } = use();
    const { transfer } = await makeTransfer(db, { today: TODAY });
    await updateTransfer({ ctx: { db, actor: TEST_ACTOR, today: TODAY }, input: { id: transfer.id, changes: { version: 1, estimatedSubjects: 77 } } });
    const rows = await db.select().from(auditEvents).where(sql`${auditEvents.recordId} = ${transfer.id}`).orderBy(auditEvents.id);
    return rows.map((row) => row.id);
  }

  it("an intact chain has no reason", async () => {
    await twoEvents();
    const result = await verifyAuditChain({ db: use().db });
    expect(result.ok).toBe(true);
    expect(result).not.toHaveProperty("reasonCode");
  });

  it("an altered event: content_altered, with the English sentence", async () => {
    const { db } = use();
    const [, update] = await twoEvents();
    await db.execute(sql`update audit_events set actor_label = 'someone else' where id = ${update!}`);
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: false, brokenAt: update, reasonCode: "content_altered", reason: chainBreakReason("content_altered", "en") });
    await db.execute(sql`delete from audit_events where id >= ${update!}`);
  });

  it("a MAC replaced: mac_invalid; a MAC removed after keyed events: mac_removed", async () => {
    const { db } = use();
    const [create, update] = await twoEvents();
    const [row] = await db.select({ mac: auditEvents.mac }).from(auditEvents).where(sql`${auditEvents.id} = ${create!}`);
    expect(row!.mac).not.toBeNull();
    const forged = row!.mac!.replace(/./g, (c) => (c === "0" ? "1" : "0"));
    await db.execute(sql`update audit_events set mac = ${forged} where id = ${update!}`);
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: false, brokenAt: update, reasonCode: "mac_invalid" });
    await db.execute(sql`update audit_events set mac = null where id = ${update!}`);
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: false, brokenAt: update, reasonCode: "mac_removed", reason: chainBreakReason("mac_removed", "en") });
    await db.execute(sql`delete from audit_events where id >= ${update!}`);
  });

  it("a removed event: link_broken", async () => {
    const { db } = use();
    const [create, update] = await twoEvents();
    await db.execute(sql`delete from audit_events where id = ${create!}`);
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: false, brokenAt: update, reasonCode: "link_broken" });
  });
});
