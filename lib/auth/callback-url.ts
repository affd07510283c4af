/*
 * Where to send the browser after signing in or out (issue 14, open redirect). A `callbackUrl` comes from the
 * address bar, so anyone can write one into a link; only a path of this site may be followed. Browsers are
 * lenient in ways a prefix check misses: they treat "\" as "/" ("/\evil.example" is "//evil.example", another
 * host), drop tabs and newlines inside a URL ("/\t/evil" is "//evil"), and some layer between the link and
 * the redirect may percent-decode once more ("/%5Cevil" becomes "/\evil"). Anything doubtful goes to "/".
 */

const HOME = "/";
// A host that cannot exist (RFC 6761 .invalid): resolving against it tells whether a path leaves the site.
const PLACEHOLDER_ORIGIN = "http://callback.invalid";
// Decoding stops after this many layers: a legitimate path is encoded once, at most twice.
const MAX_DECODING_LAYERS = 3;
const MAX_LENGTH = 2048;

/** The path as written: "/" first, then not a second slash; no whitespace, control character or backslash anywhere. */
function isPlainPath(text: string): boolean {
  // Browsers strip tab, CR and LF before resolving, and read "\" as "/": none belongs in a link we follow.
  if (/[\s\u0000-\u001f\u007f\\]/u.test(text)) return false;
  return text.startsWith("/") && !text.startsWith("//");
}

/**
 * A decoded layer of the path, read as a browser would read it had it arrived decoded: tabs and newlines
 * dropped, then still a path of this site ("/" not followed by "/" or "\", no backslash or control character
 * before the query). Its query may hold anything a search does (spaces, "%", "\").
 */
function staysOnSite(decoded: string): boolean {
  const text = decoded.replace(/[\t\n\r]/g, "");
  const path = text.split(/[?#]/, 1)[0]!;
  if (/[\u0000-\u001f\u007f\\]/u.test(path)) return false;
  return path.startsWith("/") && !path.startsWith("//");
}

/**
 * The same-origin path a callback URL may lead to, or "/" when it could lead anywhere else. `origin` is this
 * site's origin ("https://governance.example"): next-auth hands over absolute URLs of the site itself, which
 * are accepted as their path.
 */
export function safeCallbackPath(raw: unknown, origin?: string): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return HOME;
  let candidate = raw;
  if (origin && !raw.startsWith("/")) {
    let absolute: URL;
    try {
      absolute = new URL(raw);
    } catch {
      return HOME;
    }
    // Compared on the parsed origin, so "https://site.example.evil.example" or "https://site.example@evil" are not the site.
    if (absolute.origin !== new URL(origin).origin || /[\s\u0000-\u001f\u007f\\]/u.test(raw)) return HOME;
    candidate = `${absolute.pathname}${absolute.search}${absolute.hash}`;
  }

  if (!isPlainPath(candidate)) return HOME;
  // Every decoding must still stay on the site: "/%5Cevil", "/%2F%2Fevil" and "/%09/evil" do not.
  let decoded = candidate;
  for (let layer = 0; layer <= MAX_DECODING_LAYERS; layer++) {
    if (!staysOnSite(decoded)) return HOME;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return HOME; // a malformed escape: no browser-independent reading of it exists
    }
    if (next === decoded) break;
    if (layer === MAX_DECODING_LAYERS) return HOME;
    decoded = next;
  }

  // Last line of defence, whatever the checks above missed: the URL parser must keep it on the site.
  const resolved = new URL(candidate, PLACEHOLDER_ORIGIN);
  if (resolved.origin !== PLACEHOLDER_ORIGIN) return HOME;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** next-auth's redirect callback: an absolute URL on `baseUrl` built from the safe path. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  return new URL(safeCallbackPath(url, origin), origin).toString();
}
