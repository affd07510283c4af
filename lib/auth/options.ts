import "server-only";
import type { AuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/db/client";
import { findUserByEmail, recordSignIn } from "@/db/queries/users";
import { USER_ROLES, type UserRole } from "@/db/schema";
import { createUser } from "@/lib/users/service";
import { appendAuditEvent } from "@/lib/audit/record";
import { todayIso } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/locales";
import { systemActor, userActor } from "./actor";
import { safeRedirectUrl } from "./callback-url";
import { rememberLocaleCookie } from "./locale-preference";
import { UNUSED_HASH, verifyPassword } from "./password";
import { endSessionsOnSignOut } from "./sessions";

const credentialsSchema = z.object({
  email: z.string().trim().email().max(320),
  password: z.string().min(1).max(1024),
});

declare module "next-auth" {
  interface Session {
    /** `sessionVersion`: the user's session version when the session was issued (lib/auth/sessions.ts). */
    user: { id: string; email: string; name: string; role: UserRole; sessionVersion?: number };
  }
  interface User {
    id: string;
    role: UserRole;
    sessionVersion?: number;
    /** The language stored on the account (null: follow the browser), brought to the browser at sign-in. */
    locale?: Locale | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: UserRole;
    /** The session version the token was issued under; absent in tokens issued before versions existed. */
    sv?: number;
  }
}

/**
 * Optional company SSO over OpenID Connect, switched on by OIDC_ISSUER, OIDC_CLIENT_ID and
 * OIDC_CLIENT_SECRET. A user who signs in through SSO for the first time is created with OIDC_DEFAULT_ROLE
 * (default auditor: read-only, the least privilege) unless OIDC_AUTO_CREATE=0, in which case a DPO must
 * create the user first (any role); an existing user keeps their role, and a disabled one is refused.
 */
export function oidcConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

function oidcProvider(env: NodeJS.ProcessEnv = process.env): Provider {
  const issuer = env.OIDC_ISSUER!.replace(/\/$/, "");
  return {
    id: "oidc",
    name: env.OIDC_NAME || "Company SSO",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; email?: string; name?: string }) {
      return { id: profile.sub, email: profile.email ?? "", name: profile.name ?? profile.email ?? profile.sub, role: "auditor" };
    },
  } as Provider;
}

const oidcDefaultRole = z.enum(USER_ROLES).catch("auditor");

/** Maps an SSO identity to our user (creating it when allowed); null refuses the sign-in. */
async function resolveSsoUser(email: string, name: string): Promise<{ id: string; role: UserRole; sessionVersion: number; locale: Locale | null } | null> {
  if (!email) return null;
  const existing = await findUserByEmail({ db: db(), email });
  if (existing) {
    return existing.disabledAt ? null : { id: existing.id, role: existing.role, sessionVersion: existing.sessionVersion, locale: existing.locale };
  }
  if (process.env.OIDC_AUTO_CREATE === "0") return null;
  const role = oidcDefaultRole.parse(process.env.OIDC_DEFAULT_ROLE ?? "auditor");
  // Nobody is signed in yet: the system creates the account, named after the identity that asked for it.
  const { record } = await createUser({ ctx: { db: db(), actor: systemActor(`sso ${email}`), today: todayIso() }, input: { email, name, role } });
  return { id: record.id, role: record.role, sessionVersion: record.sessionVersion, locale: record.locale };
}

/**
 * next-auth v4 (stable) rather than v5 (still a beta): JWT sessions in an httpOnly cookie. The token
 * carries the user id and the session version it was issued under; every request re-reads the user (role,
 * disabled, session version) through the auth guard, so that disabling a user or changing a role takes effect
 * at once, and a session ended by signing out or by a password or role change is refused (lib/auth/sessions.ts).
 */
export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    ...(oidcConfigured() ? [oidcProvider()] : []),
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await findUserByEmail({ db: db(), email: parsed.data.email });
        const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? UNUSED_HASH);
        if (!user || !user.passwordHash || !valid || user.disabledAt) return null;
        await db().transaction(async (tx) => {
          await recordSignIn({ db: tx, userId: user.id });
          await appendAuditEvent({
            db: tx,
            actor: userActor(user),
            action: "sign_in",
            recordType: "user",
            recordId: user.id,
          });
        });
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, locale: user.locale };
      },
    }),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      const resolved = await resolveSsoUser(user.email ?? "", user.name ?? user.email ?? "");
      if (!resolved) return false;
      // From here on the session carries our user id and role, not the identity provider's subject.
      user.id = resolved.id;
      user.role = resolved.role;
      user.sessionVersion = resolved.sessionVersion;
      user.locale = resolved.locale;
      const signedIn = userActor({ id: resolved.id, name: user.name ?? "", email: user.email ?? "", role: resolved.role });
      await appendAuditEvent({ db: db(), actor: { ...signedIn, label: `${signedIn.label} (SSO)` }, action: "sign_in", recordType: "user", recordId: resolved.id });
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0;
        // `user` is present only while signing in (next-auth's route handler): the language the user chose,
        // stored on the account, reaches this browser too (another device, a cleared cookie). Without one
        // stored, the browser's cookie or Accept-Language stays in charge (lib/i18n/request.ts).
        if (user.locale) await rememberLocaleCookie(user.locale);
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = {
          id: token.uid,
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role,
          sessionVersion: token.sv,
        };
      }
      return session;
    },
    // Where next-auth sends the browser after signing in or out: only a path of this site (issue 14, open redirect).
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
  },
  events: {
    // Signing out ends the session on the server too: the deleted cookie, or a copy of it, is refused from now on.
    async signOut({ token }) {
      if (token?.uid) await endSessionsOnSignOut({ db: db(), userId: token.uid, claimedVersion: token.sv });
    },
  },
};
