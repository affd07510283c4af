import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { getCategoryDetail } from "@/db/queries/categories-register";
import { RecordHistory } from "@/components/audit/record-history";
import { SensitivityMarkers } from "@/components/categories/sensitivity-markers";
import { DetailsList, yesNo } from "@/components/transfers/details-list";
import { DOJ_CATEGORY_LABELS, DOJ_IDENTIFIER_KIND_LABELS } from "@/components/transfers/labels";
import { CATEGORY_KEY } from "@/lib/api/contracts/data-categories";
import { requirePageActor } from "@/lib/auth/guard";
import { requestFormatters } from "@/lib/format/locale";

export const metadata: Metadata = { title: "Data category" };
export const dynamic = "force-dynamic";

const sectionHeading = "mb-3 text-lg font-semibold";
const HISTORY_LIMIT = 20;

export default async function DataCategoryPage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await requirePageActor();
  const key = decodeURIComponent((await params).key);
  // Not a category key at all: unknown (404), without asking the database.
  if (!CATEGORY_KEY.test(key)) notFound();
  const database = db();
  const [detail, history, format] = await Promise.all([
    getCategoryDetail({ db: database, key }),
    listRecordHistory({ db: database, recordType: "data_category", recordId: key, limit: HISTORY_LIMIT }),
    requestFormatters(),
  ]);
  if (!detail) notFound();
  const { category, transferCount, children } = detail;

  return (
    <div className="space-y-8">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/data-categories" className="text-brand-700 underline">
            Data categories
          </Link>
        </nav>
        <h1 className="mt-1 text-2xl font-semibold">{category.name}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
          <code>{category.key}</code>
          <SensitivityMarkers category={category} />
        </p>
      </div>

      <section aria-labelledby="category-facts">
        <h2 id="category-facts" className={sectionHeading}>
          Classification
        </h2>
        <DetailsList
          testId="category-facts"
          items={[
            { term: "Description", value: category.description },
            { term: "GDPR Art. 9 special category", value: yesNo(category.gdprSpecial) },
            { term: "CCPA category (1798.140(v)(1))", value: category.ccpaCategory },
            { term: "CCPA sensitive (1798.140(ae))", value: yesNo(category.ccpaSensitive) },
            { term: "PIPL sensitive (Art. 28)", value: yesNo(category.piplSensitive) },
            { term: "DOJ category (28 CFR 202.249)", value: DOJ_CATEGORY_LABELS[category.dojCategory] },
            {
              term: "DOJ listed identifier (28 CFR 202.234)",
              value: category.dojIdentifierKind ? DOJ_IDENTIFIER_KIND_LABELS[category.dojIdentifierKind] : "Not a listed identifier",
            },
            {
              term: "Parent",
              value: category.parentKey ? (
                <Link href={`/data-categories/${category.parentKey}`} className="text-brand-700 underline">
                  {category.parentKey}
                </Link>
              ) : (
                "None: a top-level category"
              ),
            },
            {
              term: "Transfers carrying it (or a narrower category)",
              value: (
                <Link href={`/transfers?category=${encodeURIComponent(category.key)}`} className="text-brand-700 underline">
                  {format.number(transferCount)} transfer{transferCount === 1 ? "" : "s"}
                </Link>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="category-children">
        <h2 id="category-children" className={sectionHeading}>
          Narrower categories
        </h2>
        {children.length === 0 ? (
          <p className="text-sm text-slate-600">No narrower category.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="category-children">
            {children.map((child) => (
              <li key={child.key} className="px-4 py-2">
                <Link href={`/data-categories/${child.key}`} className="font-medium text-brand-700 underline">
                  {child.name}
                </Link>{" "}
                <code className="text-xs text-slate-600">{child.key}</code>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="category-history">
        <h2 id="category-history" className={sectionHeading}>
          History
        </h2>
        <RecordHistory
          events={history}
          limit={HISTORY_LIMIT}
          trailHref={actor.role === "dpo" || actor.role === "auditor" ? `/audit?recordType=data_category&recordId=${encodeURIComponent(key)}` : undefined}
          emptyText="No change to this category is recorded in the audit trail."
        />
      </section>
    </div>
  );
}
