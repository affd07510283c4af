import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listDataCategories } from "@/db/queries/categories-register";
import { listNoticeFindings } from "@/db/queries/notices";
import { NOTICE_STATEMENT_KINDS } from "@/db/schema/enum-values";
import { StatementControls, StatementForm } from "@/components/notices/statement-form";
import { NoticeVersionForm } from "@/components/notices/version-form";
import { NoticeFindings } from "@/components/notices/notice-findings";
import { GeneratedSections } from "@/components/notices/generated-sections";
import { appLocale } from "@/components/registers/locale-format";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { countryName, enumLabel, formatDate } from "@/lib/labels";
import { loadGeneratedDisclosure } from "@/lib/notices/generated-sections";
import { getNotice, getNoticeInForce, listNoticeStatements, listNoticeVersions } from "@/lib/notices/service";
import { isRecordId } from "@/lib/api/contracts/common";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";
import { categoryNameFr } from "@/lib/taxonomy/names-fr";
import { addNoticeStatement, addNoticeVersion, editNoticeStatement, removeNoticeStatement } from "./actions";

const CATEGORY_NAMES: ReadonlyMap<string, string> = new Map(DATA_CATEGORY_TAXONOMY.map((category) => [category.key, category.name]));

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notice");
  return { title: t("title") };
}

const FINDINGS_PAGE_SIZE = 100;

/**
 * Does the published privacy notice tell the truth (issue 18)? Its versions, the statements of the one shown (the
 * one in force unless another is chosen), the findings of the notice in force against the register, and what the
 * register says the recipients and transfers sections should read, with the diff against the notice's text.
 */
export default async function NoticePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const database = db();
  const today = todayIso();
  const findingsPage = Math.max(1, Number.parseInt(raw.page ?? "1", 10) || 1);
  const [t, locale, versions, inForce] = await Promise.all([
    getTranslations("notice"),
    getLocale().then(appLocale),
    listNoticeVersions({ db: database, today, page: 1, pageSize: 20 }),
    getNoticeInForce({ db: database, today }),
  ]);
  const chosen = raw.version && isRecordId(raw.version) ? await getNotice({ db: database, id: raw.version }) : undefined;
  const notice = chosen ?? inForce ?? versions.rows[0];
  const [statements, findings, generated, storedCategories] = await Promise.all([
    notice ? listNoticeStatements({ db: database, noticeId: notice.id }) : Promise.resolve([]),
    listNoticeFindings({ db: database, page: findingsPage, pageSize: FINDINGS_PAGE_SIZE }),
    loadGeneratedDisclosure({ db: database, noticeId: notice?.id ?? null, language: locale, today }),
    listDataCategories({ db: database }),
  ]);
  // The categories a statement can declare, by name (the register's own, custom ones included), never by key.
  const categories = storedCategories
    .map((category) => ({ value: category.key, label: locale === "fr" ? categoryNameFr(category) : category.name }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const isDpo = actor.role === "dpo";
  const actions = { add: addNoticeStatement, edit: editNoticeStatement, remove: removeNoticeStatement };

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      </header>

      <section aria-labelledby="notice-versions" className="space-y-2">
        <h2 id="notice-versions" className="text-lg font-semibold">
          {t("versions.title")}
        </h2>
        {versions.rows.length === 0 ? (
          <p className="text-sm text-slate-700">{t(isDpo ? "versions.noneDpo" : "versions.none")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th className="py-1 pr-3">{t("versions.notice")}</th>
                <th className="py-1 pr-3">{t("versions.effective")}</th>
                <th className="py-1 pr-3">{t("versions.languages")}</th>
                <th className="py-1 pr-3">{t("versions.statements")}</th>
                <th className="py-1 pr-3">{t("versions.sha256")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.rows.map((version) => (
                <tr key={version.id} className="border-b border-slate-100">
                  <td className="py-1 pr-3">
                    <Link href={`/notice?version=${version.id}`} className="text-brand-700 underline" aria-current={version.id === notice?.id ? "page" : undefined}>
                      {version.title} ({version.versionLabel})
                    </Link>{" "}
                    {version.inForce ? <Badge tone="green">{t("versions.inForce")}</Badge> : null}
                  </td>
                  <td className="py-1 pr-3">{formatDate(version.effectiveDate, locale)}</td>
                  <td className="py-1 pr-3">{version.languages.map((language) => enumLabel("locale", language, locale)).join(", ")}</td>
                  <td className="py-1 pr-3">{version.statementCount}</td>
                  <td className="py-1 pr-3">
                    {version.sha256 ? (
                      <code className="text-xs" title={version.sha256}>
                        {version.sha256.slice(0, 12)}…
                      </code>
                    ) : (
                      t("versions.linkOnly")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {isDpo ? (
        <details className="rounded-md border border-slate-200 p-3" open={versions.rows.length === 0}>
          <summary className="cursor-pointer text-sm font-medium">{t("versionForm.open")}</summary>
          <div className="mt-3">
            <NoticeVersionForm action={addNoticeVersion} />
          </div>
        </details>
      ) : null}

      <section aria-labelledby="notice-findings-title" className="space-y-2">
        <h2 id="notice-findings-title" className="text-lg font-semibold">
          {t("findings.title")}
        </h2>
        <p className="text-sm text-slate-700">{inForce ? t("findings.intro", { notice: `${inForce.title} (${inForce.versionLabel})` }) : t("findings.noNoticeInForce")}</p>
        <NoticeFindings rows={findings.rows} />
        <Pagination page={findingsPage} pageSize={FINDINGS_PAGE_SIZE} total={findings.total} basePath="/notice" searchParams={raw} />
        <p className="text-sm">
          <Link href="/flags?q=notice." className="text-brand-700 underline">
            {t("findings.inRegister")}
          </Link>
        </p>
      </section>

      {notice ? (
        <section aria-labelledby="notice-statements" className="space-y-3">
          <h2 id="notice-statements" className="text-lg font-semibold">
            {t("statements.title", { notice: `${notice.title} (${notice.versionLabel})` })}
          </h2>
          {NOTICE_STATEMENT_KINDS.map((kind) => {
            const ofKind = statements.filter((statement) => statement.kind === kind);
            if (ofKind.length === 0) return null;
            return (
              <div key={kind} className="space-y-1">
                <h3 className="font-medium">{enumLabel("noticeStatementKind", kind, locale)}</h3>
                <ul className="space-y-2" data-testid={`statements-${kind}`}>
                  {ofKind.map((statement) => {
                    const value = statementValueLabel(statement.kind, statement.value, locale);
                    return (
                      <li key={statement.id} className="rounded border border-slate-200 p-2 text-sm" data-testid="notice-statement">
                        <div className="flex flex-wrap items-baseline gap-2">
                          {value ? <span className="font-medium">{value}</span> : null}
                          {statement.kind === "data_category" && statement.value ? <code className="text-xs text-slate-600">{statement.value}</code> : null}
                          {statement.nonExhaustive ? <Badge tone="amber">{t("statements.nonExhaustive")}</Badge> : null}
                        </div>
                        <blockquote className="mt-1 border-l-4 border-slate-300 pl-2 text-slate-800" lang={statement.language}>
                          “{statement.quote}”
                        </blockquote>
                        <p className="text-xs text-slate-600">
                          {t("statements.section")} <span lang={statement.language}>{statement.section}</span>
                        </p>
                        {isDpo ? (
                          <div className="mt-1">
                            <StatementControls
                              noticeId={notice.id}
                              actions={actions}
                              categories={categories}
                              label={`${enumLabel("noticeStatementKind", statement.kind, locale)}${value ? `: ${value}` : ""}`}
                              statement={{ ...statement, value: statement.value ?? "" }}
                            />
                          </div>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
          {isDpo ? (
            <div className="space-y-1">
              <h3 className="font-medium">{t("statements.add")}</h3>
              <StatementForm noticeId={notice.id} actions={actions} categories={categories} />
            </div>
          ) : null}
        </section>
      ) : null}

      {generated ? <GeneratedSections disclosure={generated} noticeId={notice?.id ?? null} /> : null}
    </div>
  );
}

function statementValueLabel(kind: string, value: string | null, locale: "en" | "fr"): string | null {
  if (!value) return null;
  if (kind === "recipient_category") return enumLabel("processorService", value, locale);
  if (kind === "data_category") {
    // The category by its name; its key is shown beside it as code.
    const name = CATEGORY_NAMES.get(value);
    return name === undefined ? null : locale === "fr" ? categoryNameFr({ key: value, name }) : name;
  }
  if (kind === "country" || kind === "storage_location") return countryName(value, locale);
  return value;
}
