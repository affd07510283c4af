import { verifyWebhookSignature } from "../lib/notifications/signature";
import { startSmtpReceiver, startWebhookReceiver } from "../tests/notifications-receivers";
import { demoUser, expect, test as base, uniqueName } from "./fixtures";
import { startE2EServer } from "./server";

/*
 * Issue 17: "an e-mail and a webhook arrive on the local receivers for a new critical flag". This spec's worker
 * runs its own server, started with SMTP_URL pointing at an SMTP server (smtp-server) the spec runs on loopback
 * and a pass of the notification runner every 2 seconds; the webhook receiver is a node:http server.
 */

type Receivers = { smtp: Awaited<ReturnType<typeof startSmtpReceiver>>; hooks: Awaited<ReturnType<typeof startWebhookReceiver>> };

const test = base.extend<Record<never, never>, { receivers: Receivers }>({
  receivers: [
    async ({}, use) => {
      const receivers = { smtp: await startSmtpReceiver(), hooks: await startWebhookReceiver() };
      await use(receivers);
      await receivers.smtp.close();
      await receivers.hooks.close();
    },
    { scope: "worker" },
  ],
  // A plain function: the override keeps the base fixture's options (worker scope, automatic, its start-up timeout).
  e2eServer: async ({ receivers }, use, workerInfo) => {
    const server = await startE2EServer(`notifications-${workerInfo.parallelIndex}`, {
      SMTP_URL: receivers.smtp.url,
      MAIL_FROM: "Transfer governance <governance@e2e.test>",
      NOTIFY_INTERVAL_SECONDS: "2",
    });
    await use(server);
    await server.stop();
  },
});

test("an e-mail and a webhook arrive on the local receivers for a new critical flag", async ({ page, signInAs, api, receivers }, testInfo) => {
  const { smtp, hooks } = receivers;
  await signInAs("dpo");

  // The DPO adds a webhook endpoint in the settings page; its signing secret is shown once.
  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const form = page.getByTestId("webhook-form");
  await form.getByLabel("Name").fill("Security ticketing");
  await form.getByLabel("URL").fill(`${hooks.url}/governance`);
  await expect(form.getByLabel("New critical flag")).toBeChecked();
  await form.getByRole("button", { name: "Add the endpoint" }).click();
  const secret = await page.getByTestId("new-webhook-secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await expect(page.getByTestId("webhook-table")).toContainText("Security ticketing");

  // A transfer without encryption in transit carrying sensitive data (precise location) is registered.
  const vendor = uniqueName("Notified Vendor");
  const processor = await api.createProcessor({ name: vendor });
  const template = await api.findTransfer("");
  const transfer = await api.createTransferLike(template.id as string, {
    processorId: processor.id as string,
    encryptionInTransit: "none",
    dataCategories: ["user.contact.email", "user.location.precise"],
  });

  // Both arrive: the e-mail to the DPO, naming the vendor and linking to the transfer…
  const dpoEmail = demoUser("dpo").email;
  await expect
    .poll(() => smtp.mails.find((mail) => mail.to.includes(dpoEmail) && mail.subject.includes(vendor))?.subject, { timeout: 30_000 })
    .toMatch(/^New critical flag: .+ \(Transfer – Notified Vendor [0-9a-f]{6}\)$/);
  const mail = smtp.mails.find((received) => received.to.includes(dpoEmail) && received.subject.includes(vendor))!;
  expect(mail.text).toContain(`/transfers/${transfer.id as string}`);
  expect(mail.text).not.toMatch(/critical_flag|transfer\.no-encryption/);

  // …and the webhook, signed with the endpoint's secret.
  const forTransfer = () =>
    hooks.requests.filter((request) => request.path === "/governance" && (JSON.parse(request.body) as { data: { subjectId?: string } }).data.subjectId === transfer.id);
  await expect.poll(() => forTransfer().length, { timeout: 30_000 }).toBeGreaterThan(0);
  const [request] = forTransfer();
  expect(request!.headers["x-governance-event"]).toBe("critical_flag");
  expect(
    verifyWebhookSignature({
      secret,
      timestamp: request!.headers["x-governance-timestamp"] as string,
      body: request!.body,
      signature: request!.headers["x-governance-signature"] as string,
    }),
  ).toBe(true);

  // The delivery log shows the webhook delivered.
  await page.reload();
  const log = page.getByTestId("delivery-log");
  await expect(log.getByRole("row").filter({ hasText: `${hooks.url}/governance` }).first()).toContainText("Delivered");
  await page.screenshot({ path: testInfo.outputPath("notifications.png"), fullPage: true });
});
