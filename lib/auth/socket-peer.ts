import { randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

/*
 * The address of the TCP peer of a request, which Next.js does not hand to route handlers (issue 14: rate limits
 * an attacker cannot sidestep). Next's server fills `X-Forwarded-For` from the socket only when the request
 * has none (`??=` in next/dist/server/base-server.js): a header the client wrote reaches the handler as it was
 * written, so no header tells the handler who is really connected. Node publishes every request on the
 * documented diagnostics channel "http.server.request.start" (Node ≥ 18.7) with its socket, before any
 * 'request' listener — Next's included — sees it: a subscriber writes the socket's address into a header of
 * our own, overwriting whatever the client sent under that name.
 *
 * The header carries a random seal of this process. A request that reached the process before the subscriber
 * was installed (it is installed when this module is first loaded; instrumentation may do it at start-up) has
 * no stamp, or only a client's forged one without the seal: its peer is then unknown, never a claimed address.
 */

export const SOCKET_PEER_HEADER = "x-governance-socket-peer";
const REQUEST_START_CHANNEL = "http.server.request.start";
// On globalThis: Next bundles route handlers and instrumentation separately, and each bundle would otherwise
// hold its own copy of this module, its own seal and its own subscriber.
const STATE_KEY = Symbol.for("transfer-governance.socket-peer");

interface SocketPeerState {
  seal: string;
}

function installedState(): SocketPeerState | undefined {
  return (globalThis as unknown as Record<symbol, SocketPeerState | undefined>)[STATE_KEY];
}

/** Starts stamping every incoming request of this process with its socket peer; idempotent. */
export function recordSocketPeers(): void {
  if (installedState()) return;
  const state: SocketPeerState = { seal: randomBytes(16).toString("hex") };
  (globalThis as unknown as Record<symbol, SocketPeerState>)[STATE_KEY] = state;
  subscribe(REQUEST_START_CHANNEL, (message) => {
    const { request } = message as { request: IncomingMessage };
    request.headers[SOCKET_PEER_HEADER] = `${state.seal} ${request.socket.remoteAddress ?? ""}`;
  });
}

function sameSeal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The address of the TCP peer that sent `request`, or null when this process did not stamp it. */
export function socketPeer(request: Request): string | null {
  const state = installedState();
  const stamp = request.headers.get(SOCKET_PEER_HEADER);
  if (!state || !stamp) return null;
  const [seal = "", address = ""] = stamp.split(" ");
  return sameSeal(seal, state.seal) && address ? address : null;
}
