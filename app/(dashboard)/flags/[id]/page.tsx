import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { getFlagDetail, getFlagSubjectEditState, listAssignableUsers, listFlagComments, listFlagSubjectOwnerIds } from "@/db/queries/flags";
import { RecordHistory } from "@/components/audit/record-history";
import { CommentForm } from "@/components/flags/comment-form";
import { FlagList } from "@/components/flags/flag-list";
import { formatLocalDate } from "@/components/flags/format";
import { RemediationForm } from "@/components/flags/remediation-form";
import { RevokeAcceptanceForm } from "@/components/flags/revoke-acceptance-form";
import { ruleTitle } from "@/components/flags/rules";
import { flagSubject } from "@/components/flags/subject";
import { ActionLink, mayEdit } from "@/components/registers/edit-link";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { userActor } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { requestLocale } from "@/lib/i18n/request";
import { enumLabel, formatDateTime } from "@/lib/labels";
import { addDays } from "@/lib/rules/iso-date";
import { uuid } from "@/lib/validation/common";
import { acceptRisk, addComment, revokeAcceptance, updateRemediation } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flags");
  return { title: t("page.metaTitle") };
}

const sectionHeading = "mb-3 text-lg font-semibold";
const HISTORY_LIMIT = 20;
const COMMENTS_PER_PAGE = 50;

/** Where a flag's subject is fixed: its edit page (an agreement's own; the notice has its page). */
function editHref(subjectType: string, subjectId: string): string | null {
  switch (subjectType) {
    case "transfer":
      return `/transfers/${subjectId}/edit`;
    case "processor":
      return `/processors/${subjectId}/edit`;
    case "agreement":
      return `/agreements/${subjectId}/edit`;
    case "activity":
      return `/activities/${subjectId}/edit`;
    default:
      return null;
  }
}

/**
 * One flag and its remediation: the finding (message, facts, citation, what to do), its subject and the way to
 * fix it (the flag resolves when the rules no longer find its cause), who works on it and by when, the
 * conversation, the DPO's acceptance or its revocation, and its history from the audit trail.
 */
export default async function FlagPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor();
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const raw = await searchParams;
  const commentPage = Math.max(1, Math.min(1_000_000, Number.parseInt(raw.page ?? "1", 10) || 1));
  const database = db();
  const flag = await getFlagDetail({ db: database, id });
  if (!flag) notFound();
  const [comments, flagEvents, remediationEvents, owners, editState, assignable, t, locale] = await Promise.all([
    listFlagComments({ db: database, flagId: id, page: commentPage, pageSize: COMMENTS_PER_PAGE }),
    listRecordHistory({ db: database, recordType: "flag", recordId: id, limit: HISTORY_LIMIT }),
    listRecordHistory({ db: database, recordType: "flag_remediation", recordId: id, limit: HISTORY_LIMIT }),
    listFlagSubjectOwnerIds({ db: database, flag }),
    getFlagSubjectEditState({ db: database, flag }),
    actor.role === "dpo" ? listAssignableUsers({ db: database }) : Promise.resolve([]),
    getTranslations("flags"),
    requestLocale(),
  ]);
  // Newest first, as the record pages show their history; ids grow with the chain.
  const history = [...flagEvents, ...remediationEvents].sort((a, b) => b.id - a.id).slice(0, HISTORY_LIMIT);
  const today = todayIso();
  const title = ruleTitle(flag.ruleId, locale);
  const subject = flagSubject(flag, t, locale);
  const isDpo = actor.role === "dpo";
  const isAssignee = flag.assigneeUserId === actor.id;
  const resolved = flag.status === "resolved";
  const overdue = flag.status === "open" && flag.dueDate !== null && flag.dueDate < today;
  const mayComment = isDpo || isAssignee || owners.includes(actor.id);
  // The same rule the save enforces (lib/records/ownership.ts); an activity is the DPO's to edit.
  const mayFix = flag.subjectType === "activity" ? isDpo : editState !== undefined && mayEdit(userActor(actor), editState);
  const fixHref = subject.href ? editHref(flag.subjectType, flag.subjectId) : null;
  const acceptance = isDpo ? { acceptRisk, minDate: addDays(today, 1) } : undefined;
  const assignees = assignable.map((user) => ({ id: user.id, label: `${user.name} (${enumLabel("userRole", user.role, locale)})` }));

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label={t("page.breadcrumb")} className="text-sm">
          <Link href="/flags" className="text-brand-700 underline">
            {t("title")}
          </Link>
        </nav>
        <h1 className="mt-1 text-2xl font-semibold">{t("page.title", { rule: title })}</h1>
        <p className="mt-1 text-slate-700">
          {subject.href ? (
            <Link href={subject.href} className="text-brand-700 underline" data-testid="flag-subject-link">
              {subject.label}
            </Link>
          ) : (
            subject.label
          )}
        </p>
      </div>

      <section aria-labelledby="flag-finding">
        <h2 id="flag-finding" className={sectionHeading}>
          {t("page.finding")}
        </h2>
        <FlagList flags={[flag]} acceptance={acceptance} />
        {isDpo && flag.status === "accepted" && (
          <div className="mt-3 space-y-2" data-testid="revoke-acceptance">
            <p className="text-sm text-slate-700">{t("revoke.hint")}</p>
            <RevokeAcceptanceForm flagId={flag.id} version={flag.version} revoke={revokeAcceptance} />
          </div>
        )}
      </section>

      <section aria-labelledby="flag-fix">
        <h2 id="flag-fix" className={sectionHeading}>
          {t("page.fix")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{resolved ? t("page.resolvedText", { date: formatLocalDate(flag.resolvedAt, locale) }) : t("page.fixText")}</p>
        {!resolved && fixHref && (
          <div className="mt-3">
            {mayFix ? (
              <ActionLink href={fixHref} testId="flag-fix-link">
                {t("page.fixLink", { subject: subject.label })}
              </ActionLink>
            ) : (
              <p className="text-sm text-slate-600" data-testid="flag-fix-refused">
                {t("page.fixRefused")}
              </p>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="flag-remediation">
        <h2 id="flag-remediation" className={sectionHeading}>
          {t("page.remediation")}
        </h2>
        <dl className="mb-4 grid max-w-3xl gap-3 text-sm sm:grid-cols-3" data-testid="flag-remediation-facts">
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("remediation.assigneeUserId")}</dt>
            <dd data-testid="flag-assignee">{flag.assigneeName ?? t("table.unassigned")}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("remediation.dueDate")}</dt>
            <dd className="tabular-nums" data-testid="flag-due-date">
              {flag.dueDate ? formatLocalDate(flag.dueDate, locale) : "—"}
              {overdue && (
                <span className="ml-1" data-testid="flag-overdue">
                  <Badge tone="red">{t("table.overdue")}</Badge>
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("remediation.workStatus")}</dt>
            <dd data-testid="flag-work-status">{enumLabel("flagWorkStatus", flag.workStatus, locale)}</dd>
          </div>
        </dl>
        {!resolved && (isDpo || isAssignee) && (
          <RemediationForm
            flagId={flag.id}
            version={flag.version}
            current={{ assigneeUserId: flag.assigneeUserId, dueDate: flag.dueDate, workStatus: flag.workStatus }}
            assignees={assignees}
            canAssign={isDpo}
            canSetStatus={isDpo || isAssignee}
            minDate={today}
            save={updateRemediation}
          />
        )}
      </section>

      <section aria-labelledby="flag-comments">
        <h2 id="flag-comments" className={sectionHeading}>
          {t("comments.heading")}
        </h2>
        {comments.total === 0 ? (
          <p className="mb-4 text-sm text-slate-600">{t("comments.empty")}</p>
        ) : (
          <ol className="mb-4 max-w-3xl space-y-3" data-testid="flag-comments">
            {comments.rows.map((comment) => (
              <li key={comment.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="flag-comment">
                <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
                  <span className="font-medium text-slate-900">{comment.authorName ?? t("comments.formerUser")}</span>
                  <time dateTime={comment.createdAt.toISOString()} className="tabular-nums">
                    {formatDateTime(comment.createdAt, locale)}
                  </time>
                </p>
                <p className="mt-1 whitespace-pre-line text-sm">{comment.body}</p>
              </li>
            ))}
          </ol>
        )}
        {comments.total > COMMENTS_PER_PAGE && (
          <Pagination page={commentPage} pageSize={COMMENTS_PER_PAGE} total={comments.total} basePath={`/flags/${id}`} searchParams={raw} />
        )}
        {mayComment ? (
          <CommentForm flagId={flag.id} addComment={addComment} />
        ) : (
          <p className="text-sm text-slate-600">{t("comments.who")}</p>
        )}
      </section>

      <section aria-labelledby="flag-history">
        <h2 id="flag-history" className={sectionHeading}>
          {t("page.history")}
        </h2>
        <RecordHistory
          events={history}
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordId=${id}` : undefined}
          emptyText={t("page.noHistory")}
        />
      </section>
    </div>
  );
}
