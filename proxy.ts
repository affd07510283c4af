import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { problemResponse } from "@/lib/api/problem";
import { createNonce, pageContentSecurityPolicy } from "@/lib/auth/csp";
import { isSameOriginWrite } from "@/lib/auth/origin";
import { AppError } from "@/lib/errors";

/**
 * Runs before every page (not the API, not static files). It does three things, none of them authorization,
 * which every page, route handler and server action does itself (lib/auth/guard.ts):
 * - refuses a write from another site with 403: pages receive writes only as server actions, which carry the
 *   session cookie; Next would refuse a foreign origin too, but with a 500 (issue 14);
 * - gives the page its Content-Security-Policy with a fresh script nonce (lib/auth/csp.ts), on the response
 *   and on the request, where Next reads the nonce for its own script tags;
 * - sends anonymous browsers to the sign-in page, except on the public pages.
 */

// The sign-in page, and /setup: the first run without the demo, when nobody can sign in yet (/setup/start checks its own session).
const PUBLIC_PAGES = /^\/(sign-in|setup)(\/|$)/;

function withContentSecurityPolicy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

const signedInPage = withAuth((request) => withContentSecurityPolicy(request), { pages: { signIn: "/sign-in" } });

export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response | undefined> {
  if (!isSameOriginWrite(request)) {
    return problemResponse(
      new AppError("forbidden", "Cross-site request refused: changes must come from this application's own pages."),
      request.nextUrl.pathname,
    );
  }
  if (PUBLIC_PAGES.test(request.nextUrl.pathname)) return withContentSecurityPolicy(request);
  return (await signedInPage(request as NextRequestWithAuth, event)) ?? undefined;
}

export const config = {
  // Every page, the public ones included (they need their CSP too); not the API, which answers JSON and files
  // (next.config.js gives those a CSP of their own), nor Next's static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
