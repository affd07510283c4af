import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/*
 * The real receivers of notifications on loopback, for the integration tests and the Playwright spec: an SMTP
 * server (smtp-server) that keeps every message it accepts, parsed (mailparser), and an HTTP receiver that keeps
 * every webhook request with its raw body and answers the status a test queues (200 by default).
 */

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  headers: Map<string, unknown>;
}

export async function startSmtpReceiver(): Promise<{ url: string; port: number; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            headers: parsed.headers as Map<string, unknown>,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number;
}

export async function startWebhookReceiver(): Promise<{
  url: string;
  requests: ReceivedWebhook[];
  /** The statuses to answer next on a path, in order; then 200. */
  answer: (path: string, ...statuses: number[]) => void;
  close: () => Promise<void>;
}> {
  const requests: ReceivedWebhook[] = [];
  const queued = new Map<string, number[]>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const status = queued.get(path)?.shift() ?? 200;
      requests.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), answered: status });
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "receiver error");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (path, ...statuses) => queued.set(path, [...(queued.get(path) ?? []), ...statuses]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
