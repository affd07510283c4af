import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { getCategoryDetail } from "@/db/queries/categories-register";
import { RecordHistory } from "@/components/audit/record-history";
import { SensitivityMarkers } from "@/components/categories/sensitivity-markers";
import { categoryName } from "@/components/registers/category-name";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { CATEGORY_KEY } from "@/lib/api/contracts/data-categories";
import { requirePageActor } from "@/lib/auth/guard";
import { enumLabel } from "@/lib/labels";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";
import { categoryDescriptionIn } from "@/lib/taxonomy/descriptions-fr";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("categories");
  return { title: t("detail.metaTitle") };
}

const sectionHeading = "mb-3 text-lg font-semibold";
const HISTORY_LIMIT = 20;

// The parent's name for its link: the register's categories are the taxonomy's (the seed loads them, none is renamed).
const TAXONOMY_NAMES: ReadonlyMap<string, string> = new Map(DATA_CATEGORY_TAXONOMY.map((category) => [category.key, category.name]));

export default async function DataCategoryPage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await requirePageActor();
  const key = decodeURIComponent((await params).key);
  // Not a category key at all: unknown (404), without asking the database.
  if (!CATEGORY_KEY.test(key)) notFound();
  const database = db();
  const [detail, history, locale, t] = await Promise.all([
    getCategoryDetail({ db: database, key }),
    listRecordHistory({ db: database, recordType: "data_category", recordId: key, limit: HISTORY_LIMIT }),
    getLocale().then(appLocale),
    getTranslations("categories"),
  ]);
  if (!detail) notFound();
  const { category, transferCount, children } = detail;
  const format = localeFormatters(locale);
  const parentName = category.parentKey ? categoryName({ key: category.parentKey, name: TAXONOMY_NAMES.get(category.parentKey) ?? category.parentKey }, locale) : null;

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label={t("detail.breadcrumb")} className="text-sm">
          <Link href="/data-categories" className="text-brand-700 underline">
            {t("register.title")}
          </Link>
        </nav>
        <h1 className="mt-1 text-2xl font-semibold">{categoryName(category, locale)}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
          <code>{category.key}</code>
          <SensitivityMarkers category={category} />
        </p>
      </div>

      <section aria-labelledby="category-facts">
        <h2 id="category-facts" className={sectionHeading}>
          {t("detail.classification")}
        </h2>
        <DetailsList
          testId="category-facts"
          items={[
            {
              term: t("detail.description"),
              // The taxonomy's French description on a French page; a category it does not know keeps its English one, marked.
              value: category.description ? <span lang={categoryDescriptionIn(category, locale).lang}>{categoryDescriptionIn(category, locale).text}</span> : null,
            },
            { term: t("detail.gdprSpecial"), value: yesNo(category.gdprSpecial, locale) },
            { term: t("detail.ccpaCategory"), value: category.ccpaCategory ? enumLabel("ccpaCategory", category.ccpaCategory, locale) : null },
            { term: t("detail.ccpaSensitive"), value: yesNo(category.ccpaSensitive, locale) },
            { term: t("detail.piplSensitive"), value: yesNo(category.piplSensitive, locale) },
            { term: t("detail.dojCategory"), value: enumLabel("dojCategory", category.dojCategory, locale) },
            {
              term: t("detail.dojIdentifier"),
              value: category.dojIdentifierKind ? enumLabel("dojIdentifierKind", category.dojIdentifierKind, locale) : t("detail.notListedIdentifier"),
            },
            {
              term: t("detail.parent"),
              value:
                category.parentKey && parentName ? (
                  <>
                    <Link href={`/data-categories/${category.parentKey}`} className="text-brand-700 underline">
                      {parentName}
                    </Link>{" "}
                    <code className="text-xs text-slate-600">{category.parentKey}</code>
                  </>
                ) : (
                  t("detail.topLevel")
                ),
            },
            {
              term: t("detail.transfers"),
              value: (
                <Link href={`/transfers?category=${encodeURIComponent(category.key)}`} className="text-brand-700 underline">
                  {t("detail.transferCount", { count: transferCount, formatted: format.number(transferCount) })}
                </Link>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="category-children">
        <h2 id="category-children" className={sectionHeading}>
          {t("detail.children")}
        </h2>
        {children.length === 0 ? (
          <p className="text-sm text-slate-600">{t("detail.noChildren")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="category-children">
            {children.map((child) => (
              <li key={child.key} className="px-4 py-2">
                <Link href={`/data-categories/${child.key}`} className="font-medium text-brand-700 underline">
                  {categoryName(child, locale)}
                </Link>{" "}
                <code className="text-xs text-slate-600">{child.key}</code>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="category-history">
        <h2 id="category-history" className={sectionHeading}>
          {t("detail.history")}
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=data_category&recordId=${encodeURIComponent(key)}` : undefined}
          emptyText={t("detail.noHistory")}
        />
      </section>
    </div>
  );
}
