import "server-only";
import { and, asc, eq, getTableColumns, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { users, type NewUser, type User, type UserRole } from "../schema";

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

/** A user as the application shows it: everything but the password hash. */
export type VisibleUser = Omit<User, "passwordHash">;

const { passwordHash: _passwordHash, ...visibleUserColumns } = getTableColumns(users);

export type UserStatusFilter = "active" | "disabled";

export interface ListUsersInput {
  db: Executor;
  page: number;
  pageSize: number;
  /** Text search on the email and the name. */
  q?: string;
  role?: UserRole;
  status?: UserStatusFilter;
}

/** One page of the user accounts (never the password hash), by email; total for the pager. */
export async function listUsers({ db, page, pageSize, q, role, status }: ListUsersInput): Promise<{ rows: VisibleUser[]; total: number }> {
  const conditions: SQL[] = [];
  if (q?.trim()) {
    const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.email, pattern), ilike(users.name, pattern))!);
  }
  if (role) conditions.push(eq(users.role, role));
  if (status === "active") conditions.push(isNull(users.disabledAt));
  if (status === "disabled") conditions.push(isNotNull(users.disabledAt));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select(visibleUserColumns)
      .from(users)
      .where(where)
      .orderBy(sql`lower(${users.email})`, asc(users.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { rows, total: totals[0]?.count ?? 0 };
}
