import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { COLUMNS, IMPORT_KINDS, LIST_SEPARATOR, type ImportKind } from "./columns";

/*
 * The downloadable template: the header row of each sheet, one example row, and a "Read me" sheet listing
 * every column with whether it is required, its allowed values and the list separator.
 */

export const README_SHEET = "Read me";

export function buildTemplateCsv(kind: ImportKind): string {
  const columns = COLUMNS[kind];
  return stringify([columns.map((c) => c.name), columns.map((c) => c.example)]);
}

export async function buildTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Transfer governance";
  for (const kind of IMPORT_KINDS) {
    const sheet = workbook.addWorksheet(kind);
    const columns = COLUMNS[kind];
    sheet.columns = columns.map((c) => ({ header: c.name, key: c.name, width: Math.max(14, c.name.length + 2) }));
    // Examples as text: "2026-01-15" must not become an Excel date, nor "50000" a number with a format.
    sheet.addRow(columns.map((c) => c.example));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  const readme = workbook.addWorksheet(README_SHEET);
  readme.columns = [
    { header: "sheet", key: "sheet", width: 12 },
    { header: "column", key: "column", width: 24 },
    { header: "required", key: "required", width: 10 },
    { header: "allowed values", key: "values", width: 60 },
    { header: "description", key: "description", width: 80 },
  ];
  readme.getRow(1).font = { bold: true };
  for (const kind of IMPORT_KINDS) {
    for (const column of COLUMNS[kind]) {
      const values =
        (column.values && column.valueLabels ? column.values.map((value) => `${value}: ${column.valueLabels![value] ?? value}`).join("; ") : undefined) ??
        column.values?.join(", ") ??
        { boolean: "true, false (also yes/no, 1/0)", date: "YYYY-MM-DD", integer: "a whole number", list: `values separated by "${LIST_SEPARATOR}"`, country: "ISO 3166-1 alpha-2 (US, DE, CN...)", text: "", enum: "" }[column.type];
      readme.addRow({ sheet: kind, column: column.name, required: column.required ? "yes" : "no", values, description: column.description });
    }
  }
  readme.addRow({});
  readme.addRow({ sheet: "Notes", description: `Lists are separated by "${LIST_SEPARATOR}". An empty cell takes the default. Row 1 is the header; delete the example rows before importing.` });
  readme.addRow({ sheet: "", description: "Entities match the register by name; processors by externalId, else by normalised name; transfers by externalId (required). Re-importing the same file changes nothing." });
  readme.addRow({ sheet: "", description: "Entities are the organisation's own legal entities: only the DPO may create or change them (another role's file may repeat them unchanged). A transfer's exporterName may name an entity of the same file." });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
