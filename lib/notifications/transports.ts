import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { appPublicUrl, mailFrom, smtpUrl } from "@/lib/env";
import { postWebhook, type WebhookDelivery, type WebhookResponse } from "./webhook";

/*
 * How notifications leave the application: e-mail through nodemailer to the SMTP server of SMTP_URL, and webhooks
 * through fetch. Passed to the dispatcher as values, so that a test points them at its own loopback servers.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  locale: string;
}

export interface NotificationTransports {
  /** Base of the links in e-mails (APP_URL, else NEXTAUTH_URL). */
  appUrl: string;
  /** Null when e-mail is not configured: e-mail deliveries are then logged as failed with the reason. */
  sendMail: ((message: MailMessage) => Promise<void>) | null;
  postWebhook: (delivery: WebhookDelivery) => Promise<WebhookResponse>;
}

const globalForMail = globalThis as unknown as { __mailTransport?: { url: string; transporter: Transporter } };

/** One pooled SMTP transport per SMTP_URL, kept across passes. */
function transporterFor(url: string): Transporter {
  const cached = globalForMail.__mailTransport;
  if (cached?.url === url) return cached.transporter;
  cached?.transporter.close();
  const transporter = nodemailer.createTransport(url);
  globalForMail.__mailTransport = { url, transporter };
  return transporter;
}

export function smtpMailer({ url, from }: { url: string; from: string }): (message: MailMessage) => Promise<void> {
  return async (message) => {
    await transporterFor(url).sendMail({
      from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: { "Content-Language": message.locale },
    });
  };
}

export function transportsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationTransports {
  const url = smtpUrl(env);
  return {
    appUrl: appPublicUrl(env),
    sendMail: url ? smtpMailer({ url, from: mailFrom(env) }) : null,
    postWebhook: (delivery) => postWebhook(delivery),
  };
}
