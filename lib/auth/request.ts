/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next.js sets the
 * header from the socket when no proxy did). Earlier entries are whatever the client claimed.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).pop();
  return last ?? request.headers.get("x-real-ip") ?? "unknown";
}

/**
 * CSRF defence for cookie-authenticated writes: the browser says where a request comes from (Origin, or
 * Sec-Fetch-Site), and only the app's own origin may write. Bearer-token requests carry no ambient
 * credentials and are exempt.
 */
export function isSameOriginWrite(request: Request): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return true;
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
