import "server-only";
import type { Executor } from "@/db/client";
import {
  getNoticeInForce,
  listAgreementCoverage,
  listDisclosingActivities,
  listNoticeStatements,
  listNoticeTransfers,
  listStoredNoticeFlagRows,
  writeNoticeMessagesFr,
} from "@/db/queries/notices";
import type { Notice, NoticeStatement } from "@/db/schema";
import { planFlagChanges, type StoredFlag } from "@/lib/flags/lifecycle";
import { applyFlagPlan } from "@/lib/flags/stored-flags";
import { evaluateNotice, noticeNeedsAgreements, type NoticeFacts, type NoticeFinding } from "@/lib/rules/notice-rules";
import type { Finding } from "@/lib/rules/types";

/*
 * The notice findings in the flags table, with the flags' lifecycle (lib/flags/lifecycle.ts planFlagChanges:
 * open, accepted, resolved, reopened on the same row). They have their own pass: the register's evaluation keys
 * everything by processor and leaves the notice.* rules alone (db/queries/flags.ts flagScope), and this pass
 * reads and plans only notice.* flags. It runs after each notice or statement write and at the end of every
 * register evaluation (lib/flags/evaluation.ts): one query when no notice is in force, a few aggregate reads
 * otherwise (on the demo: about 20 ms).
 */

export function noticeFactsOf(notice: Notice, statements: readonly NoticeStatement[]): NoticeFacts {
  return {
    id: notice.id,
    title: notice.title,
    versionLabel: notice.versionLabel,
    effectiveDate: notice.effectiveDate,
    statements: statements.map((statement) => ({
      id: statement.id,
      kind: statement.kind,
      value: statement.value,
      nonExhaustive: statement.nonExhaustive,
      quote: statement.quote,
      section: statement.section,
      language: statement.language,
    })),
  };
}

/** What the notice in force finds in the register today (none without a notice in force). */
export async function findNoticeFindings({ db, today }: { db: Executor; today: string }): Promise<{ notice: Notice | null; findings: NoticeFinding[] }> {
  const notice = await getNoticeInForce({ db, today });
  if (!notice) return { notice: null, findings: [] };
  const facts = noticeFactsOf(notice, await listNoticeStatements({ db, noticeId: notice.id }));
  const [transfers, activities, coverage] = await Promise.all([
    listNoticeTransfers({ db, today }),
    listDisclosingActivities({ db }),
    noticeNeedsAgreements(facts) ? listAgreementCoverage({ db }) : Promise.resolve({ agreements: [], parents: new Map<string, string | null>() }),
  ]);
  return { notice, findings: evaluateNotice(facts, { today, transfers, activities, ...coverage }) };
}

export interface NoticeEvaluationSummary {
  findings: number;
  inserted: number;
  refreshed: number;
  reopened: number;
  resolved: number;
  ms: number;
}

/** Re-evaluates every notice finding against the notice in force; resolves them all when none is. */
export async function reevaluateNoticeFindings({ db, today, now = new Date() }: { db: Executor; today: string; now?: Date }): Promise<NoticeEvaluationSummary> {
  const started = performance.now();
  const [{ findings }, storedRows] = await Promise.all([findNoticeFindings({ db, today }), listStoredNoticeFlagRows({ db })]);
  const stored: StoredFlag[] = storedRows;
  // The lifecycle compares rule ids as strings: the notice rules are not in the register's RuleId union.
  const asFindings = findings as unknown as Finding[];
  const plan = planFlagChanges({ stored, findings: asFindings, today });
  if (plan.insert.length || plan.refresh.length || plan.reopen.length || plan.resolve.length || plan.refingerprint.length) {
    const processorOf = (finding: Finding) => (finding as unknown as NoticeFinding).processorId;
    await applyFlagPlan({ db, plan, processorOf, now });
    const written = [...plan.insert, ...plan.refresh.map((r) => r.finding), ...plan.reopen.map((r) => r.finding)] as unknown as NoticeFinding[];
    await writeNoticeMessagesFr({ db, messages: written });
  }
  return {
    findings: findings.length,
    inserted: plan.insert.length,
    refreshed: plan.refresh.length,
    reopened: plan.reopen.length,
    resolved: plan.resolve.length,
    ms: Math.round(performance.now() - started),
  };
}
