import "server-only";
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { flags, notificationSettings, processingActivities, processors, safeguardAgreements, users } from "@/db/schema";
import type { FlagPlan } from "@/lib/flags/lifecycle";
import { addDays, daysBetween } from "@/lib/rules/iso-date";
import { emitNotification, emitNotifications, type NotificationInput } from "./emit";
import { expiryThreshold, EXPIRY_THRESHOLDS_DAYS } from "./expiry-thresholds";
import { effectivePreferences } from "./preferences";

/*
 * Where reminders are raised. Event-driven ones are called from the write that causes them, in its transaction
 * (a new or reopened critical flag from the flag evaluation; a submission from the review service); date-driven
 * ones are daily scans (agreements nearing expiry, overdue flags, the digest) that the runner calls on every pass:
 * each occurrence has one dedupe key, so a second pass, a second instance or a restart raises nothing twice.
 */

/**
 * The flag evaluation opened or reopened flags (lib/flags/evaluation.ts, after applying its plan): one notice per
 * critical one, keyed by the flag and the time it opened, so a flag that is resolved and opens again is news again.
 */
export async function raiseCriticalFlagNotifications({ db, plan, now }: { db: Executor; plan: FlagPlan; now: Date }): Promise<number> {
  const insertedSubjects = [...new Set(plan.insert.filter((finding) => finding.severity === "critical").map((finding) => finding.subjectId))];
  const reopenedIds = plan.reopen.filter(({ finding }) => finding.severity === "critical").map(({ id }) => id);
  if (insertedSubjects.length === 0 && reopenedIds.length === 0) return 0;
  // In chunks: a full evaluation of a new register inserts thousands of flags, and a statement takes 65,535 parameters.
  const rows: Awaited<ReturnType<typeof openedCriticalFlags>> = [];
  for (let start = 0; start < Math.max(insertedSubjects.length, reopenedIds.length); start += 5000) {
    rows.push(...(await openedCriticalFlags(db, insertedSubjects.slice(start, start + 5000), reopenedIds.slice(start, start + 5000), now)));
  }
  const ids = await emitNotifications(
    db,
    rows.map(({ id, ...flag }) => ({
      event: "critical_flag",
      dedupeKey: `critical_flag:${id}:${now.toISOString()}`,
      payload: { flagId: id, ...flag, openedAt: now.toISOString() },
    })),
  );
  return ids.length;
}

async function openedCriticalFlags(db: Executor, insertedSubjects: string[], reopenedIds: string[], now: Date) {
  const opened = [];
  // first_seen_at = now: inserted by this pass, not by a concurrent one (the insert skips an existing row).
  if (insertedSubjects.length > 0) opened.push(and(inArray(flags.subjectId, insertedSubjects), eq(flags.firstSeenAt, now)));
  if (reopenedIds.length > 0) opened.push(inArray(flags.id, reopenedIds));
  if (opened.length === 0) return [];
  return db
    .select({
      id: flags.id,
      ruleId: flags.ruleId,
      severity: flags.severity,
      subjectType: flags.subjectType,
      subjectId: flags.subjectId,
      processorId: flags.processorId,
      processorName: processors.name,
      message: flags.message,
    })
    .from(flags)
    .leftJoin(processors, eq(processors.id, flags.processorId))
    .where(and(eq(flags.severity, "critical"), eq(flags.status, "open"), or(...opened)));
}

/** An engineer (or the DPO) sent a record for the DPO's review (lib/review/service.ts), in the submit's transaction. */
export async function raiseRecordSubmitted(
  db: Executor,
  { recordType, recordId, name, submittedBy, submittedAt }: { recordType: "processor" | "transfer" | "activity"; recordId: string; name: string; submittedBy: string; submittedAt: Date },
): Promise<string | null> {
  return emitNotification(db, {
    event: "vendor_submitted",
    dedupeKey: `vendor_submitted:${recordType}:${recordId}:${submittedAt.toISOString()}`,
    payload: { recordType, recordId, name, submittedBy, submittedAt: submittedAt.toISOString() },
  });
}

/** Signed agreements expiring within 60 days: one notice per agreement, expiry date and threshold (60, 30, 7). */
export async function scanExpiringAgreements({ db, today }: { db: Executor; today: string }): Promise<number> {
  const widest = EXPIRY_THRESHOLDS_DAYS[EXPIRY_THRESHOLDS_DAYS.length - 1]!;
  const rows = await db
    .select({
      id: safeguardAgreements.id,
      agreementType: safeguardAgreements.type,
      expiryDate: safeguardAgreements.expiryDate,
      processorId: safeguardAgreements.processorId,
      processorName: processors.name,
    })
    .from(safeguardAgreements)
    .innerJoin(processors, eq(processors.id, safeguardAgreements.processorId))
    .where(
      and(
        // Active: signed, and not offboarded with its vendor.
        isNotNull(safeguardAgreements.signedDate),
        sql`${processors.status} <> 'offboarded'`,
        gte(safeguardAgreements.expiryDate, today),
        lte(safeguardAgreements.expiryDate, addDays(today, widest)),
      ),
    );
  const inputs: NotificationInput[] = [];
  for (const row of rows) {
    const daysLeft = daysBetween(today, row.expiryDate!);
    const threshold = expiryThreshold(daysLeft);
    if (threshold === null) continue;
    inputs.push({
      event: "agreement_expiring",
      dedupeKey: `agreement_expiring:${row.id}:${row.expiryDate}:${threshold}`,
      payload: { agreementId: row.id, agreementType: row.agreementType, processorId: row.processorId, processorName: row.processorName, expiryDate: row.expiryDate, daysLeft, threshold },
    });
  }
  return (await emitNotifications(db, inputs)).length;
}

/** Open flags past their due date: one notice per flag and due date (a new due date is a new deadline). */
export async function scanOverdueFlags({ db, today }: { db: Executor; today: string }): Promise<number> {
  const rows = await db
    .select({
      id: flags.id,
      ruleId: flags.ruleId,
      severity: flags.severity,
      subjectType: flags.subjectType,
      subjectId: flags.subjectId,
      processorName: processors.name,
      dueDate: flags.dueDate,
      assigneeUserId: flags.assigneeUserId,
    })
    .from(flags)
    .leftJoin(processors, eq(processors.id, flags.processorId))
    .where(and(eq(flags.status, "open"), isNotNull(flags.dueDate), lt(flags.dueDate, today)));
  const ids = await emitNotifications(
    db,
    rows.map(({ id, ...flag }) => ({ event: "flag_overdue", dedupeKey: `flag_overdue:${id}:${flag.dueDate}`, payload: { flagId: id, ...flag } })),
  );
  return ids.length;
}

const DIGEST_ITEMS = 10;

/**
 * Once a day, for each active user who wants it: where the register stands, as that user needs it (the flags
 * assigned to them; for the DPO, the records awaiting review). Raised on the day's first pass; empty digests are
 * not sent.
 */
export async function raiseDailyDigests({ db, today }: { db: Executor; today: string }): Promise<number> {
  const people = await db
    .select({ id: users.id, role: users.role, settings: notificationSettings })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(isNull(users.disabledAt));
  const wanting = people.filter((person) => {
    const preferences = effectivePreferences(person.role, person.settings);
    return preferences.emailEnabled && preferences.dailyDigest;
  });
  if (wanting.length === 0) return 0;

  const openBySeverity = await db
    .select({ severity: flags.severity, count: count() })
    .from(flags)
    .where(and(eq(flags.status, "open"), inArray(flags.severity, ["critical", "high"])))
    .groupBy(flags.severity);
  const openCritical = openBySeverity.find((row) => row.severity === "critical")?.count ?? 0;
  const openHigh = openBySeverity.find((row) => row.severity === "high")?.count ?? 0;
  const topFlags = await db
    .select({ flagId: flags.id, ruleId: flags.ruleId, severity: flags.severity, subjectType: flags.subjectType, processorName: processors.name })
    .from(flags)
    .leftJoin(processors, eq(processors.id, flags.processorId))
    .where(and(eq(flags.status, "open"), inArray(flags.severity, ["critical", "high"])))
    .orderBy(sql`case ${flags.severity} when 'critical' then 0 else 1 end`, desc(flags.firstSeenAt))
    .limit(DIGEST_ITEMS);
  const [overdue] = await db
    .select({ count: count() })
    .from(flags)
    .where(and(eq(flags.status, "open"), isNotNull(flags.dueDate), lt(flags.dueDate, today)));
  const expiring = await db
    .select({ agreementId: safeguardAgreements.id, agreementType: safeguardAgreements.type, processorName: processors.name, expiryDate: safeguardAgreements.expiryDate })
    .from(safeguardAgreements)
    .innerJoin(processors, eq(processors.id, safeguardAgreements.processorId))
    .where(and(isNotNull(safeguardAgreements.signedDate), gte(safeguardAgreements.expiryDate, today), lte(safeguardAgreements.expiryDate, addDays(today, 60))))
    .orderBy(safeguardAgreements.expiryDate)
    .limit(DIGEST_ITEMS);
  const assignedRows = await db
    .select({ userId: flags.assigneeUserId, count: count() })
    .from(flags)
    .where(and(eq(flags.status, "open"), isNotNull(flags.assigneeUserId)))
    .groupBy(flags.assigneeUserId);
  const assigned = new Map(assignedRows.map((row) => [row.userId, row.count]));
  const [pendingProcessors] = await db.select({ count: count() }).from(processors).where(eq(processors.status, "submitted"));
  const [pendingActivities] = await db.select({ count: count() }).from(processingActivities).where(eq(processingActivities.status, "submitted"));
  const awaitingReview = (pendingProcessors?.count ?? 0) + (pendingActivities?.count ?? 0);

  const inputs: NotificationInput[] = [];
  for (const person of wanting) {
    const payload = {
      date: today,
      openCritical,
      openHigh,
      topFlags,
      overdue: overdue?.count ?? 0,
      assigned: assigned.get(person.id) ?? 0,
      expiring,
      // Only the DPO reviews.
      ...(person.role === "dpo" ? { awaitingReview } : {}),
    };
    const nothing = openCritical + openHigh + payload.overdue + payload.assigned + expiring.length + (person.role === "dpo" ? awaitingReview : 0) === 0;
    if (nothing) continue;
    inputs.push({ event: "daily_digest", dedupeKey: `daily_digest:${person.id}:${today}`, recipientUserId: person.id, payload });
  }
  return (await emitNotifications(db, inputs)).length;
}
