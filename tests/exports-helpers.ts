import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";

/* Independent readers for the export tests: what a regulator's tools would do with the files. */

/** A sink that keeps every byte, so that a writer's whole output can be read back. */
export function bufferSink() {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { out, buffer: () => Buffer.concat(chunks) };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export async function readXlsx(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The PDF's text, page by page (pdf.js through pdf-parse). */
export async function readPdf(bytes: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return await parser.getText();
  } finally {
    await parser.destroy();
  }
}
