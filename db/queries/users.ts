import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { users, type NewUser, type User } from "../schema";

export async function findUserByEmail({ db, email }: { db: Executor; email: string }): Promise<User | undefined> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return rows[0];
}

export async function getUserById({ db, id }: { db: Executor; id: string }): Promise<User | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function countActiveUsers({ db }: { db: Executor }): Promise<number> {
  const rows = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(isNull(users.disabledAt));
  return rows[0]?.count ?? 0;
}

export async function insertUser({ db, user }: { db: Executor; user: NewUser }): Promise<User> {
  const rows = await db.insert(users).values(user).returning();
  return rows[0]!;
}

/** Outside demo mode the demo accounts must not work: their passwords are public. */
export async function disableDemoUsers({ db }: { db: Executor }): Promise<number> {
  const rows = await db
    .update(users)
    .set({ disabledAt: new Date(), updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(and(eq(users.isDemo, true), isNull(users.disabledAt)))
    .returning({ id: users.id });
  return rows.length;
}

export async function enableDemoUsers({ db }: { db: Executor }): Promise<void> {
  await db.update(users).set({ disabledAt: null }).where(eq(users.isDemo, true));
}

export async function recordSignIn({ db, userId }: { db: Executor; userId: string }): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}
