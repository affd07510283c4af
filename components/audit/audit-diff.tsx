import { clsx } from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { appLocale } from "@/components/registers/locale-format";
import { diffRecords } from "./diff";
import { auditFieldLabel, auditValueParts, type ValuePart } from "./labels";

function Parts({ parts }: { parts: ValuePart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.code ? <code key={index}>{part.text}</code> : <span key={index}>{part.text}</span>))}
    </>
  );
}

/**
 * The keys an audit event changed, as a before/after table (the unchanged keys are left out): each field by its
 * label for the record type, each value in words (labels, names, dates), in the reader's language.
 */
export function AuditDiff({
  recordType,
  before,
  after,
}: {
  recordType: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}) {
  const t = useTranslations("audit");
  const locale = appLocale(useLocale());
  const changes = diffRecords(before, after);
  if (changes.length === 0) {
    return <p className="text-xs text-slate-600">{t("diff.noChange")}</p>;
  }
  return (
    <table className="min-w-full text-xs" data-testid="audit-diff">
      <thead className="text-left font-semibold text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-4">
            {t("diff.field")}
          </th>
          <th scope="col" className="py-1 pr-4">
            {t("diff.before")}
          </th>
          <th scope="col" className="py-1">
            {t("diff.after")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {changes.map((change) => (
          <tr key={change.key} data-testid="audit-diff-row" data-kind={change.kind}>
            <th scope="row" className="py-1 pr-4 text-left font-medium">
              {auditFieldLabel(t, recordType, change.key, locale)}
              <span className="sr-only"> ({t(`diff.${change.kind}`)})</span>
            </th>
            <td className={clsx("max-w-xs py-1 pr-4 wrap-break-word", change.kind !== "added" && "text-red-800")}>
              {change.kind === "added" ? (
                <span className="text-slate-400">—</span>
              ) : (
                <del className="no-underline">
                  <Parts parts={auditValueParts(t, recordType, change.key, change.before, locale)} />
                </del>
              )}
            </td>
            <td className={clsx("max-w-xs py-1 wrap-break-word", change.kind !== "removed" && "text-green-800")}>
              {change.kind === "removed" ? (
                <span className="text-slate-400">—</span>
              ) : (
                <ins className="no-underline">
                  <Parts parts={auditValueParts(t, recordType, change.key, change.after, locale)} />
                </ins>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
