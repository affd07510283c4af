import type { Writable } from "node:stream";
import { enumLabel, isEnumValue } from "@/lib/labels";
import { coverLabels } from "./cover";
import type { CellValue } from "./neutralize";
import { PdfWriter } from "./pdf";
import { columnsFor, OF_RECORD, PENDING_PREFIX, REVIEW_STATUS_HEADER, type AnyReportDefinition, type ExportContext, type ExportMeta, type Section } from "./report";

/*
 * A report as a PDF ready to send: a cover (the report, the controllers and their DPOs, the as-of date, the
 * generation time, the scope), the contents, then either the register as one table (landscape, header
 * repeated on every page), preceded by the report's summary when it has one, or, for the Art. 30 record,
 * one section per processing activity listing every Art. 30(1) item.
 */
export async function writePdfReport({
  definition,
  context,
  meta,
  out,
}: {
  definition: AnyReportDefinition;
  context: ExportContext;
  meta: ExportMeta;
  out: Writable;
}): Promise<number> {
  const { language } = definition;
  const labels = coverLabels(language);
  const writer = new PdfWriter({ out, title: definition.title, language, meta });
  // The cover names a layout only where there is a choice of them (the Art. 30 record), by its label; the
  // other reports' template is an identifier for the manifest ("chapter-v") that their title says in words.
  const template = definition.report === "ropa" && isEnumValue("ropaTemplate", definition.template) ? enumLabel("ropaTemplate", definition.template, language) : undefined;
  const { rows: rowCount } = await writer.cover({ template, hasScope: definition.report !== "audit" });
  let count = 0;

  if (definition.record) {
    const record = definition.record;
    writer.contents(await record.sections(context));
    for await (const row of definition.rows(context)) {
      writer.startSection({ key: record.key(row), title: record.title(row) });
      const fields: [string, CellValue][] = record.fields(row);
      if (context.includePending) {
        const mark = definition.pendingMark(row);
        fields.push([REVIEW_STATUS_HEADER[language], mark === null ? OF_RECORD[language] : `${PENDING_PREFIX[language]} — ${mark}`]);
      }
      const table = writer.table(
        [
          { header: labels.item, width: 3 },
          { header: labels.content, width: 8 },
        ],
        { boldFirstColumn: true },
      );
      for (const field of fields) await table.addRow(field);
      count += 1;
    }
  } else {
    const summary = definition.summary ? await definition.summary(context) : null;
    const register: Section = { key: "register", title: definition.sheetName };
    writer.contents(summary ? [{ key: "summary", title: summary.title }, register] : [register]);
    if (summary) {
      writer.startSection({ key: "summary", title: summary.title });
      const table = writer.table(summary.columns);
      for (const row of summary.rows) await table.addRow(row);
    }
    writer.startSection(register);
    const columns = columnsFor(definition, definition.pdfColumns ?? definition.columns, context.includePending, 10);
    const table = writer.table(columns.map((column) => ({ header: column.header, width: column.width })));
    for await (const row of definition.rows(context)) {
      await table.addRow(columns.map((column) => column.value(row)));
      count += 1;
    }
  }
  if (count === 0) writer.paragraph(language === "fr" ? "Aucune ligne." : "No rows.");
  rowCount.fill(String(count));
  await writer.finish();
  return count;
}
