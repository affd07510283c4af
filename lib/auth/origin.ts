/*
 * CSRF defence for cookie-authenticated writes: the browser says where a request comes from (Sec-Fetch-Site,
 * or Origin), and only the app's own origin may write. Bearer-token requests carry no ambient credentials and
 * are exempt (lib/auth/guard.ts). Web APIs only: the proxy (proxy.ts) uses it too.
 */

const SAFE_METHODS = ["GET", "HEAD", "OPTIONS"];

/** Whether a request with these headers comes from a page of this application (any method). */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A read is always allowed; a write only from the app's own origin. */
export function isSameOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.includes(request.method)) return true;
  return isSameOriginRequest(request.headers);
}
