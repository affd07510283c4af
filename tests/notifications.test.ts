import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { flags, notificationDeliveries, notifications, users, type UserRole } from "@/db/schema";
import type { Executor } from "@/db/client";
import { userActor } from "@/lib/auth/actor";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { enumLabel, formatDate } from "@/lib/labels";
import { runNotificationPass } from "@/lib/notifications/runner";
import { createWebhookEndpoint, listDeliveries, updateNotificationSettings } from "@/lib/notifications/service";
import { verifyWebhookSignature } from "@/lib/notifications/signature";
import { smtpMailer, type NotificationTransports } from "@/lib/notifications/transports";
import { postWebhook } from "@/lib/notifications/webhook";
import { submitProcessor } from "@/lib/review/service";
import { addDays } from "@/lib/rules/iso-date";
import { describeOnDatabases } from "./databases";
import { makeAgreement, makeProcessor, makeTransfer } from "./factories";
import { startSmtpReceiver, startWebhookReceiver } from "./notifications-receivers";

/*
 * Reminders end to end with real receivers on loopback: an SMTP server (smtp-server) and an HTTP webhook receiver.
 * Time is driven through the `now` and `today` each pass is given, never by sleeping.
 */

const TODAY = "2026-11-24";
const APP_URL = "https://governance.example";
const IN_TRANSIT = "transfer.no-encryption-in-transit";

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let transports: NotificationTransports;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  hooks = await startWebhookReceiver();
  transports = { appUrl: APP_URL, sendMail: smtpMailer({ url: smtp.url, from: "Governance <governance@example.test>" }), postWebhook: (delivery) => postWebhook(delivery) };
});

afterAll(async () => {
  await smtp.close();
  await hooks.close();
});

async function makeUser(db: Executor, role: UserRole, locale: "en" | "fr" | null, name: string) {
  const [row] = await db
    .insert(users)
    .values({ email: `${name.toLowerCase().replace(/\W+/g, ".")}.${Math.random().toString(36).slice(2, 8)}@example.test`, name, role, locale })
    .returning();
  return row!;
}

/** Deliveries are due from the moment they are created (the database's clock): passes run from a little later. */
const later = (ms = 0) => new Date(Date.now() + 1000 + ms);

describeOnDatabases("notifications", (use) => {
  // The receivers serve both databases' suites: each suite's endpoints have paths of their own.
  const suite = Math.random().toString(36).slice(2, 8);
  const flakyPath = `/flaky-${suite}`;
  const downPath = `/down-${suite}`;
  const okPath = `/ok-${suite}`;
  let dpo: Awaited<ReturnType<typeof makeUser>>;
  let dpoFr: Awaited<ReturnType<typeof makeUser>>;
  let engineer: Awaited<ReturnType<typeof makeUser>>;
  let okEndpoint: Awaited<ReturnType<typeof createWebhookEndpoint>>;

  beforeAll(async () => {
    const { db } = use();
    dpo = await makeUser(db, "dpo", "en", "Dana Protection");
    dpoFr = await makeUser(db, "dpo", "fr", "Delphine Officier");
    engineer = await makeUser(db, "engineer", null, "Eric Engineer");
    okEndpoint = await createWebhookEndpoint({
      ctx: { db, actor: userActor({ ...dpo, tokenId: null }), today: TODAY },
      input: { name: "Ticketing", url: `${hooks.url}${okPath}`, events: ["critical_flag", "agreement_expiring"] },
    });
  });

  it("a critical flag opened by a write: one e-mail per DPO in their language, and one signed webhook", async () => {
    const { db } = use();
    const { transfer, flags: raised } = await makeTransfer(db, {
      today: TODAY,
      encryptionInTransit: "none",
      dataCategories: ["user.contact.email", "user.location.precise"],
    });
    const critical = raised.find((flag) => flag.ruleId === IN_TRANSIT)!;
    expect(critical.severity).toBe("critical");
    const mailsBefore = smtp.mails.length;
    const hooksBefore = hooks.requests.length;

    const now = later();
    const summary = await runNotificationPass({ db, now, today: TODAY, transports });
    expect(summary.delivery.failed).toBe(0);

    const titleEn = enumLabel("rule", IN_TRANSIT, "en");
    const titleFr = enumLabel("rule", IN_TRANSIT, "fr");
    const mails = smtp.mails.slice(mailsBefore).filter((mail) => mail.subject.includes(titleEn) || mail.subject.includes(titleFr));
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([dpo.email, dpoFr.email].sort());
    const english = mails.find((mail) => mail.to[0] === dpo.email)!;
    expect(english.subject).toMatch(new RegExp(`^New critical flag: ${titleEn} \\(Transfer – Vendor `));
    expect(english.text).toContain("Hello Dana Protection,");
    expect(english.text).toContain(critical.message);
    expect(english.text).toContain(`${APP_URL}/transfers/${transfer.id}`);
    expect(english.text).not.toMatch(/critical_flag|no-encryption-in-transit/);
    const french = mails.find((mail) => mail.to[0] === dpoFr.email)!;
    expect(french.subject).toMatch(new RegExp(`^Nouvelle alerte critique : ${titleFr} \\(Transfert – Vendor `));
    expect(french.text).toContain("Bonjour Delphine Officier,");
    expect(french.text).toContain("Une alerte critique a été ouverte sur Transfert");
    // The engineer's defaults are the flags assigned to them only.
    expect(smtp.mails.slice(mailsBefore).some((mail) => mail.to.includes(engineer.email))).toBe(false);

    const received = hooks.requests.slice(hooksBefore).filter((request) => request.path === okPath);
    const forFlag = received.filter((request) => (JSON.parse(request.body) as { data: { flagId: string } }).data.flagId === critical.id);
    expect(forFlag).toHaveLength(1);
    const [request] = forFlag;
    expect(request!.headers["x-governance-event"]).toBe("critical_flag");
    expect(request!.headers["x-governance-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(request!.headers["x-governance-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(
      verifyWebhookSignature({
        secret: okEndpoint.secret,
        timestamp: request!.headers["x-governance-timestamp"] as string,
        body: request!.body,
        signature: request!.headers["x-governance-signature"] as string,
        now,
      }),
    ).toBe(true);
    // A body altered on the way, or another secret, does not verify.
    expect(verifyWebhookSignature({ secret: okEndpoint.secret, timestamp: request!.headers["x-governance-timestamp"] as string, body: request!.body.replace("critical", "kritical"), signature: request!.headers["x-governance-signature"] as string, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "whsec_other", timestamp: request!.headers["x-governance-timestamp"] as string, body: request!.body, signature: request!.headers["x-governance-signature"] as string, now })).toBe(false);
  });

  it("retries a receiver answering 500 after the backoff, then logs it delivered; a second pass sends nothing", async () => {
    const { db } = use();
    const dpoCtx = { db, actor: userActor({ ...dpo, tokenId: null }), today: TODAY };
    const flaky = await createWebhookEndpoint({ ctx: dpoCtx, input: { name: "Flaky", url: `${hooks.url}${flakyPath}`, events: ["critical_flag"] } });
    hooks.answer(flakyPath, 500);
    await makeTransfer(db, { today: TODAY, encryptionInTransit: "none", dataCategories: ["user.location.precise"] });
    const start = later();
    const flakyRequests = () => hooks.requests.filter((request) => request.path === flakyPath);

    await runNotificationPass({ db, now: start, today: TODAY, transports });
    expect(flakyRequests().map((request) => request.answered)).toEqual([500]);
    let [logged] = (await listDeliveries({ ctx: dpoCtx, endpointId: flaky.id, query: {} })).data;
    expect(logged).toMatchObject({ status: "retrying", attempts: 1, lastResponseStatus: 500 });
    expect(logged!.lastError).toContain("HTTP 500");
    expect(new Date(logged!.nextAttemptAt).getTime()).toBe(start.getTime() + 60_000);

    // Before the minute is up: not tried again.
    await runNotificationPass({ db, now: new Date(start.getTime() + 30_000), today: TODAY, transports });
    expect(flakyRequests()).toHaveLength(1);

    await runNotificationPass({ db, now: new Date(start.getTime() + 61_000), today: TODAY, transports });
    expect(flakyRequests().map((request) => request.answered)).toEqual([500, 200]);
    [logged] = (await listDeliveries({ ctx: dpoCtx, endpointId: flaky.id, query: {} })).data;
    expect(logged).toMatchObject({ status: "delivered", attempts: 2, lastResponseStatus: 200, lastError: null });

    // Dedupe: another pass, and a full re-evaluation of the same findings, raise and send nothing new.
    const mails = smtp.mails.length;
    const requests = hooks.requests.length;
    const before = await db.$count(notifications);
    await runFullEvaluation({ db, today: TODAY });
    await runNotificationPass({ db, now: new Date(start.getTime() + 120_000), today: TODAY, transports });
    expect(await db.$count(notifications)).toBe(before);
    expect(smtp.mails.length).toBe(mails);
    expect(hooks.requests.length).toBe(requests);
  });

  it("gives up after six attempts (1 min, 5 min, 30 min, 2 h, 6 h) and logs it failed", async () => {
    const { db } = use();
    const dpoCtx = { db, actor: userActor({ ...dpo, tokenId: null }), today: TODAY };
    const down = await createWebhookEndpoint({ ctx: dpoCtx, input: { name: "Down", url: `${hooks.url}${downPath}`, events: ["critical_flag"] } });
    hooks.answer(downPath, 503, 503, 503, 503, 503, 503, 503);
    await makeTransfer(db, { today: TODAY, encryptionInTransit: "none", dataCategories: ["user.biometric.face"] });
    let now = later();
    const minutes = [0, 1, 5, 30, 120, 360];
    for (const delay of minutes) {
      now = new Date(now.getTime() + delay * 60_000);
      await runNotificationPass({ db, now, today: TODAY, transports });
    }
    const [logged] = (await listDeliveries({ ctx: dpoCtx, endpointId: down.id, query: {} })).data;
    expect(logged).toMatchObject({ status: "failed", attempts: 6, lastResponseStatus: 503 });
    await runNotificationPass({ db, now: new Date(now.getTime() + 24 * 3_600_000), today: TODAY, transports });
    expect(hooks.requests.filter((request) => request.path === downPath)).toHaveLength(6);
  });

  it("reminds of an agreement expiring at 60, 30 and 7 days: one notice per threshold", async () => {
    const { db } = use();
    const processor = await makeProcessor(db, { name: "Expiring Hosting Ltd" });
    const agreement = await makeAgreement(db, processor.id, { type: "dpa", expiryDate: addDays(TODAY, 45) });
    const keys = async () =>
      (await db.select({ key: notifications.dedupeKey }).from(notifications).where(like(notifications.dedupeKey, `agreement_expiring:${agreement.id}:%`))).map((row) => row.key.split(":").pop());
    const mailsBefore = smtp.mails.length;

    await runNotificationPass({ db, now: later(), today: TODAY, transports });
    expect(await keys()).toEqual(["60"]);
    const mail = smtp.mails.slice(mailsBefore).find((received) => received.to[0] === dpo.email && received.subject.includes("Expiring Hosting Ltd"))!;
    expect(mail.subject).toBe("Data processing agreement (DPA) with Expiring Hosting Ltd expires in 45 days".replace("Data processing agreement (DPA)", enumLabel("agreementType", "dpa", "en")));
    expect(mail.text).toContain(`${APP_URL}/agreements/${agreement.id}`);
    const french = smtp.mails.slice(mailsBefore).find((received) => received.to[0] === dpoFr.email && received.subject.includes("Expiring Hosting Ltd"))!;
    expect(french.subject).toBe(`${enumLabel("agreementType", "dpa", "fr")} avec Expiring Hosting Ltd : échéance dans 45 jours`);

    await runNotificationPass({ db, now: later(1000), today: TODAY, transports });
    expect(await keys()).toEqual(["60"]);
    await runNotificationPass({ db, now: later(2000), today: addDays(TODAY, 20), transports });
    expect((await keys()).sort()).toEqual(["30", "60"]);
    await runNotificationPass({ db, now: later(3000), today: addDays(TODAY, 25), transports });
    expect((await keys()).sort()).toEqual(["30", "60"]);
    await runNotificationPass({ db, now: later(4000), today: addDays(TODAY, 40), transports });
    expect((await keys()).sort()).toEqual(["30", "60", "7"]);
    // Expired: no further reminder (the agreement.expired flag takes over).
    await runNotificationPass({ db, now: later(5000), today: addDays(TODAY, 46), transports });
    expect(await keys()).toHaveLength(3);
  });

  it("sends each user who wants it a daily digest in their language, with what concerns them", async () => {
    const { db } = use();
    const day = "2027-02-01";
    const engineerCtx = { db, actor: userActor({ ...engineer, tokenId: null }), today: day };
    await updateNotificationSettings({ ctx: engineerCtx, input: { emailEnabled: true, dailyDigest: true, events: ["flag_assigned"], version: 0 } });
    const { flags: raised } = await makeTransfer(db, { today: TODAY, encryptionAtRest: "none" });
    const assignedFlag = raised.find((flag) => flag.ruleId === "transfer.no-encryption-at-rest")!;
    await db.update(flags).set({ assigneeUserId: engineer.id, dueDate: "2027-01-15" }).where(eq(flags.id, assignedFlag.id));
    await makeProcessor(db, { name: "Waiting Vendor", status: "submitted" });
    const openCritical = await db.$count(flags, and(eq(flags.status, "open"), eq(flags.severity, "critical")));
    const mailsBefore = smtp.mails.length;

    await runNotificationPass({ db, now: later(), today: day, transports });
    const digests = smtp.mails.slice(mailsBefore).filter((mail) => /Daily digest|Récapitulatif quotidien/.test(mail.subject));
    expect(digests.map((mail) => mail.to[0]).sort()).toEqual([dpo.email, dpoFr.email, engineer.email].sort());
    const french = digests.find((mail) => mail.to[0] === dpoFr.email)!;
    expect(french.subject).toBe(`Récapitulatif quotidien du ${formatDate(day, "fr")}`);
    expect(french.text).toContain(`Alertes ouvertes : ${openCritical} critiques`);
    expect(french.text).toMatch(/Fiches en attente de votre validation : [1-9]/);
    expect(french.text).toMatch(/Alertes en retard : [1-9]/);
    const engineerDigest = digests.find((mail) => mail.to[0] === engineer.email)!;
    expect(engineerDigest.subject).toMatch(/^Daily digest of /);
    expect(engineerDigest.text).toContain("Flags assigned to you: 1.");
    expect(engineerDigest.text).not.toContain("awaiting your review");
    // The overdue flag was reported on its own too, once.
    expect(await db.$count(notifications, like(notifications.dedupeKey, `flag_overdue:${assignedFlag.id}:%`))).toBe(1);

    // Once a day.
    const count = smtp.mails.length;
    await runNotificationPass({ db, now: later(1000), today: day, transports });
    expect(smtp.mails.slice(count).filter((mail) => /Daily digest|Récapitulatif quotidien/.test(mail.subject))).toHaveLength(0);
  });

  it("a vendor submitted for review notifies the DPO; without SMTP_URL the e-mails are logged as not sent, with the reason", async () => {
    const { db } = use();
    const vendor = await makeProcessor(db, { name: "Submitted Analytics Inc", status: "draft", createdByUserId: engineer.id });
    await submitProcessor({ ctx: { db, actor: userActor({ ...engineer, tokenId: null }), today: TODAY }, input: { id: vendor.id, changes: { version: vendor.version } } });
    const [notice] = await db.select().from(notifications).where(like(notifications.dedupeKey, `vendor_submitted:processor:${vendor.id}:%`));
    expect(notice).toMatchObject({ event: "vendor_submitted", payload: expect.objectContaining({ name: "Submitted Analytics Inc", submittedBy: "Eric Engineer" }) });

    await runNotificationPass({ db, now: later(), today: TODAY, transports: { ...transports, sendMail: null } });
    const deliveries = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notice!.id));
    expect(deliveries.map((delivery) => delivery.userId).sort()).toEqual([dpo.id, dpoFr.id].sort());
    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({ channel: "email", status: "failed", attempts: 1 });
      expect(delivery.lastError).toContain("SMTP_URL");
    }
  });
});
