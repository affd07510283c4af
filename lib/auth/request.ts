import { BlockList, isIP } from "node:net";
import { recordSocketPeers, socketPeer } from "./socket-peer";

export { isSameOriginWrite } from "./origin";

// Installed when the first route that reads client addresses is loaded, at the latest (see socket-peer.ts).
recordSocketPeers();

/** What a request's client address is when the process could not see the socket (see socket-peer.ts). */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * An address as the proxies write it, in one spelling: without brackets or port ("[::1]:443", "10.0.0.1:5123")
 * and IPv4-mapped IPv6 as IPv4 ("::ffff:10.0.0.1": what a dual-stack socket reports for an IPv4 client).
 */
export function normalizeAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/**
 * TRUSTED_PROXIES: comma-separated addresses and CIDR ranges of the reverse proxies in front of the app
 * ("10.0.0.0/8, 127.0.0.1, fd00::/8"); none by default. A wrong entry stops the request with an error that
 * names it, rather than silently trusting less (or more) than the operator meant.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const normalized = normalizeAddress(address);
    const family = isIP(normalized);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 4 ? 32 : 128;
    if (!family || rest.length > 0 || (bits !== undefined && (!/^\d+$/.test(prefix!) || bits > maxBits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or an address/prefix range (e.g. 10.0.0.0/8)`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(normalized, type);
    else list.addSubnet(normalized, bits, type);
  }
  return list;
}

let trustedCache: { value: string | undefined; list: BlockList } | undefined;

function trustedProxies(): BlockList {
  const value = process.env.TRUSTED_PROXIES;
  if (!trustedCache || trustedCache.value !== value) trustedCache = { value, list: parseTrustedProxies(value) };
  return trustedCache.list;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then `X-Forwarded-For` is read
 * from the right (each proxy appends the address it received the request from), skipping trusted proxies, and
 * the first untrusted hop is the client. Entries left of it are whatever the client claimed and are never
 * believed: rotating them changes nothing. The algorithm of Express's proxy-addr, on a peer that Next does not
 * expose (socket-peer.ts).
 */
export function resolveClientAddress({ peer, forwardedFor, trusted }: { peer: string | null; forwardedFor: string | null; trusted: BlockList }): string {
  if (!peer) return UNKNOWN_ADDRESS;
  let client = normalizeAddress(peer);
  if (!isTrusted(client, trusted)) return client;
  const hops = (forwardedFor ?? "").split(",").map(normalizeAddress).filter(Boolean);
  while (hops.length > 0) {
    client = hops.pop()!;
    if (!isTrusted(client, trusted)) return client;
  }
  // Every hop is one of our proxies: the leftmost is as close to the client as anyone can tell.
  return client;
}

/** The client address of a request handled by this process, for rate limits (see resolveClientAddress). */
export function clientAddress(request: Request): string {
  return resolveClientAddress({ peer: socketPeer(request), forwardedFor: request.headers.get("x-forwarded-for"), trusted: trustedProxies() });
}
