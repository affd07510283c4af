import NextAuth from "next-auth";
import { db } from "@/db/client";
import { route } from "@/lib/auth/guard";
import { authOptions } from "@/lib/auth/options";
import { clearLoginFailures, loginKey, reserveLoginAttempt } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/auth/request";

const nextAuth = NextAuth(authOptions);

export const GET = route<{ nextauth: string[] }>({ public: true }, ({ request, params }) => nextAuth(request, { params }));

/**
 * Sign-in attempts are rate limited here, around next-auth: five failures per account and client address
 * within a minute answer 429 with Retry-After until the window has passed. The client address is the TCP peer,
 * or what a trusted proxy saw (TRUSTED_PROXIES): never an X-Forwarded-For entry the client wrote itself, so
 * a new made-up address per attempt does not start a new count (lib/auth/request.ts).
 */
export const POST = route<{ nextauth: string[] }>({ public: true }, async ({ request, params }) => {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return nextAuth(request, { params });

  const form = await request.clone().formData();
  const key = loginKey(String(form.get("email") ?? ""), clientAddress(request));
  // The attempt is counted before it is tried: a burst of parallel guesses meets the limit too.
  const retryAfter = await reserveLoginAttempt({ db: db(), key });
  if (retryAfter > 0) {
    // next-auth's client reads `url` from the body: point it at the sign-in page with a reason.
    const url = new URL(`/sign-in?error=RateLimited`, request.url).toString();
    return Response.json(
      { url, error: "Too many failed sign-in attempts. Try again later.", retryAfterSeconds: retryAfter },
      { status: 429, headers: { "retry-after": String(retryAfter) } },
    );
  }

  const response = await nextAuth(request, { params });
  const outcome = `${response.headers.get("location") ?? ""} ${await response.clone().text()}`;
  // A failure is already counted; a success clears the key's count.
  if (!outcome.includes("error=CredentialsSignin") && response.status < 400) await clearLoginFailures({ db: db(), key });
  return response;
});
