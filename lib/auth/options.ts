import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/db/client";
import { findUserByEmail, recordSignIn } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import { appendAuditEvent } from "@/lib/audit/record";
import { UNUSED_HASH, verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().email().max(320),
  password: z.string().min(1).max(1024),
});

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: UserRole };
  }
  interface User {
    id: string;
    role: UserRole;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: UserRole;
  }
}

/**
 * next-auth v4 (stable) rather than v5 (still a beta): JWT sessions in an httpOnly cookie. The token
 * carries only the user id; every request re-reads the user (role, disabled) through the auth guard,
 * so that disabling a user or changing a role takes effect at once.
 */
export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
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
            actor: { userId: user.id, label: `${user.name} <${user.email}>` },
            action: "sign_in",
            recordType: "user",
            recordId: user.id,
          });
        });
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
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
        };
      }
      return session;
    },
  },
};
