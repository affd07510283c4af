import type { Notification } from "@/db/schema";
import { DELIVERY_HEADER, EVENT_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./signature";

/** A receiver that does not answer within 10 s counts as a failed attempt (retried with backoff). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookDelivery {
  deliveryId: string;
  url: string;
  secret: string;
  event: string;
  /** The exact bytes sent, and signed. */
  body: string;
  /** Unix seconds. */
  timestamp: number;
}

export interface WebhookResponse {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** What a receiver gets: the notification's id, event, time and payload (ids, names, dates; never a secret). */
export function webhookBody(notification: Pick<Notification, "id" | "event" | "createdAt" | "payload">): string {
  return JSON.stringify({ id: notification.id, event: notification.event, createdAt: notification.createdAt.toISOString(), data: notification.payload });
}

/** POSTs one signed delivery; 2xx is delivered, anything else (or no answer within the timeout) a failed attempt. */
export async function postWebhook(delivery: WebhookDelivery, fetcher: typeof fetch = fetch): Promise<WebhookResponse> {
  try {
    const response = await fetcher(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "transfer-governance-webhooks/1",
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: delivery.deliveryId,
        [TIMESTAMP_HEADER]: String(delivery.timestamp),
        [SIGNATURE_HEADER]: signWebhook({ secret: delivery.secret, timestamp: delivery.timestamp, body: delivery.body }),
      },
      body: delivery.body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    // The answer's first characters, for the delivery log; the rest is not read.
    const text = response.ok ? "" : (await response.text().catch(() => "")).slice(0, 200);
    return { ok: response.status >= 200 && response.status < 300, status: response.status, error: response.ok ? null : `HTTP ${response.status}${text ? `: ${text}` : ""}` };
  } catch (error) {
    const reason = error instanceof Error ? (error.name === "TimeoutError" ? `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : causeOf(error)) : String(error);
    return { ok: false, status: null, error: reason };
  }
}

/** fetch says "fetch failed"; the cause says why (ECONNREFUSED, a DNS failure). */
function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
