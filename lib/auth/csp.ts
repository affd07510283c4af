/*
 * The Content-Security-Policy of the pages (issue 14: no 'unsafe-inline' for scripts). Next.js inlines its
 * flight data and bootstrap as <script> elements; instead of allowing every inline script, each page response
 * gets a fresh random nonce, and Next puts it on its own script tags when it finds it in the request's
 * Content-Security-Policy header (proxy.ts sets both). An injected script has no nonce and does not run.
 * 'strict-dynamic' lets the scripts Next loads from a nonced script (its chunks) run, and makes CSP3 browsers
 * ignore 'self', so a script file planted on this origin does not run either. Pages must be rendered per
 * request for this: a prerendered page carries no nonce. Web APIs only: proxy.ts runs it for every page.
 */

/** 128 random bits, base64: a nonce an attacker cannot guess for the page they inject into (CSP3 §2.3.1). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function pageContentSecurityPolicy(nonce: string, { development = false }: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids ('unsafe-eval'); production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Styles stay 'unsafe-inline': React renders style attributes, which a nonce cannot cover; CSS cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
