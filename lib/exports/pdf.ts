import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import PDFDocument from "pdfkit";
import { stackedControllerTable, coverFacts, coverLabels, type CoverLabels } from "./cover";
import type { CellValue } from "./neutralize";
import { drawPrepared, fontName, pdfFontFiles, prepareText } from "./pdf-text";
import type { ExportMeta, ReportLanguage, Section } from "./report";
import { waitForDrain } from "./streams";

/*
 * PDF reports with pdfkit, written as they are read: pages leave as soon as the next one starts
 * (bufferPages off), so a 100,000-transfer register costs the memory of one page, not of the document.
 *
 * "Page n of m", the row count on the cover and the page numbers in the table of contents are not known
 * when those pages are written. Rather than keep every page in memory (bufferPages) or lay the document out
 * twice, each of them is a PDF form XObject (ISO 32000-1 §8.10): the page draws the form where the number
 * goes, and the form's content, the number itself, is written at the end, before the document closes.
 * Only the table of contents needs to be sized first: the report lists its sections up front (the Art. 30
 * record: one per processing activity, ids and names only).
 *
 * Fonts: Noto Sans SC (regular and bold), embedded and subset by pdfkit, covers Latin with its accents and
 * Chinese, so that 深圳 and Réclame Numérique both print; text in Arabic or Hebrew, and emoji, take the
 * fonts of their script (lib/exports/pdf-text.ts). Text a person or a record wrote goes through
 * prepareText; the report's own labels are Latin and go straight to pdfkit.
 */

const REGULAR = fontName("sc", false);
const BOLD = fontName("sc", true);

const PAGE = { size: "A4", layout: "landscape" as const, margins: { top: 40, bottom: 44, left: 36, right: 36 } };
const BODY_SIZE = 7.5;
const CELL_PADDING = 3;
const HEADER_FILL = "#e2e8f0";
/** Measured text heights kept for reuse (bounded: cleared when full). */
const MEASURE_CACHE_SIZE = 20_000;
/** Output kept inside the process before waiting for the client: a page or two. */
const HIGH_WATER = 1 << 20;

type Doc = PDFKit.PDFDocument;

/** pdfkit's embedded font, as much of it as the deferred numbers need (not in pdfkit's public types). */
interface EmbeddedFont {
  id: string;
  ascender: number;
  encode(text: string): [string[], unknown[]];
  widthOfString(text: string, size: number): number;
  ref(): PDFKit.PDFKitReference;
}

interface PdfInternals {
  _font: EmbeddedFont;
  page: PDFKit.PDFPage & { xobjects: Record<string, PDFKit.PDFKitReference> };
  addContent(content: string): Doc;
  ref(data: Record<string, unknown>): PDFKit.PDFKitReference & { data: Record<string, unknown>; write(chunk: string): void; end(): void };
}

/** Text drawn where it is needed and written at the end: a form XObject filled by `fill()`. */
class DeferredText {
  readonly name: string;
  private value: string | null = null;
  constructor(
    private readonly writer: PdfWriter,
    readonly form: ReturnType<PdfInternals["ref"]>,
    name: string,
    readonly size: number,
    readonly width: number,
    readonly align: "left" | "right",
    /** PDF fill colour operands, e.g. "0 0 0" (black). */
    readonly color: string,
  ) {
    this.name = name;
  }

  /** Places the form on the current page with its left edge at x and the text's top at y (as doc.text). */
  draw(x: number, y: number): void {
    this.writer.placeForm(this, x, y);
  }

  fill(value: string): void {
    this.value ??= value;
  }

  get text(): string {
    return this.value ?? "—";
  }
}

export interface PdfColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
}

/** A table whose header row starts every page it runs onto; rows taller than a page are split. */
export class PdfTable {
  private readonly widths: number[];
  private readonly left: number;

  constructor(
    private readonly writer: PdfWriter,
    private readonly columns: readonly PdfColumn[],
    private readonly options: { boldFirstColumn?: boolean } = {},
  ) {
    const doc = writer.doc;
    this.left = doc.page.margins.left;
    const available = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    this.widths = columns.map((column) => (column.width / total) * available);
    if (writer.spaceLeft() < this.headerHeight() + 3 * this.lineHeight()) writer.newPage();
    this.drawHeader();
  }

  private lineHeight(): number {
    return this.writer.doc.font(REGULAR).fontSize(BODY_SIZE).currentLineHeight(true);
  }

  private headerHeight(): number {
    return Math.max(...this.columns.map((column, index) => this.writer.measure(column.header, this.widths[index]! - 2 * CELL_PADDING, true))) + 2 * CELL_PADDING;
  }

  private drawHeader(): void {
    const doc = this.writer.doc;
    const height = this.headerHeight();
    const y = doc.y;
    doc.save().rect(this.left, y, this.widths.reduce((a, b) => a + b, 0), height).fill(HEADER_FILL).restore();
    doc.font(BOLD).fontSize(BODY_SIZE).fillColor("black");
    let x = this.left;
    this.columns.forEach((column, index) => {
      drawPrepared(doc, prepareText(column.header, true), x + CELL_PADDING, y + CELL_PADDING, {
        width: this.widths[index]! - 2 * CELL_PADDING,
        height: height,
        lineGap: 0,
      });
      x += this.widths[index]!;
    });
    doc.x = this.left;
    doc.y = y + height;
  }

  private continueOnNextPage(): void {
    this.writer.newPage();
    this.drawHeader();
  }

  /** Adds a row, splitting cells across pages when the row is taller than the space left. */
  async addRow(values: readonly CellValue[]): Promise<void> {
    const doc = this.writer.doc;
    let cells = values.map((value) => (value === null || value === undefined ? "" : String(value)));
    const minimum = this.lineHeight() * 2 + 2 * CELL_PADDING;
    for (;;) {
      doc.font(REGULAR).fontSize(BODY_SIZE);
      const heights = cells.map((text, index) => this.writer.measure(text, this.widths[index]! - 2 * CELL_PADDING, index === 0 && this.options.boldFirstColumn));
      const height = Math.max(...heights, this.lineHeight()) + 2 * CELL_PADDING;
      const left = this.writer.spaceLeft();
      if (height <= left) {
        this.drawRow(cells, height);
        break;
      }
      const fullPage = this.writer.pageBodyHeight() - this.headerHeight();
      if (height <= fullPage || left < minimum) {
        // Fits on a fresh page (or too little room here to start it): move it whole.
        this.continueOnNextPage();
        if (height <= fullPage) continue;
      }
      // Taller than a page: what fits here, the rest on the next page under the repeated header.
      const room = this.writer.spaceLeft() - 2 * CELL_PADDING;
      const split = cells.map((text, index) => this.writer.splitToHeight(text, this.widths[index]! - 2 * CELL_PADDING, room, index === 0 && this.options.boldFirstColumn));
      this.drawRow(
        split.map(([head]) => head),
        this.writer.spaceLeft(),
      );
      cells = split.map(([, tail]) => tail);
      if (cells.every((text) => text === "")) break;
      this.continueOnNextPage();
    }
    await this.writer.flowControl();
  }

  private drawRow(cells: readonly string[], height: number): void {
    const doc = this.writer.doc;
    const y = doc.y;
    const width = this.widths.reduce((a, b) => a + b, 0);
    doc.save().lineWidth(0.3).strokeColor("#94a3b8").moveTo(this.left, y + height).lineTo(this.left + width, y + height).stroke().restore();
    let x = this.left;
    cells.forEach((text, index) => {
      if (text) {
        doc.fontSize(BODY_SIZE).fillColor("black");
        // `height` stops pdfkit from opening a page of its own if a measurement was a hair short.
        drawPrepared(doc, prepareText(text, index === 0 && this.options.boldFirstColumn), x + CELL_PADDING, y + CELL_PADDING, {
          width: this.widths[index]! - 2 * CELL_PADDING,
          height: height,
          lineGap: 0,
        });
      }
      x += this.widths[index]!;
    });
    doc.x = this.left;
    doc.y = y + height;
  }
}

export interface PdfWriterOptions {
  out: Writable;
  title: string;
  subtitle?: string;
  language: ReportLanguage;
  meta: ExportMeta;
}

/** The document: cover, contents, sections; footers with "Page n of m" on every page. */
export class PdfWriter {
  readonly doc: Doc;
  private readonly labels: CoverLabels;
  private pageNumber = 0;
  private formCount = 0;
  private readonly forms: DeferredText[] = [];
  private readonly totalPages: DeferredText;
  private readonly sectionPages = new Map<string, DeferredText>();
  private readonly destinations = new Set<string>();
  private readonly heights = new Map<string, number>();
  private readonly done: Promise<void>;

  constructor(private readonly options: PdfWriterOptions) {
    const { meta, title, language } = options;
    this.labels = coverLabels(language);
    this.doc = new PDFDocument({
      ...PAGE,
      autoFirstPage: false,
      bufferPages: false,
      pdfVersion: "1.7",
      lang: language === "fr" ? "fr-FR" : "en-GB",
      displayTitle: true,
      info: {
        Title: title,
        Author: meta.generatedBy ?? "Transfer governance",
        Subject: `${title}, as of ${meta.asOf}`,
        Creator: "Transfer governance",
        CreationDate: meta.generatedAt,
        ModDate: meta.generatedAt,
      },
    });
    for (const { name, file } of pdfFontFiles()) this.doc.registerFont(name, file);
    this.doc.font(REGULAR);
    // The footer's grey (#475569), as PDF RGB operands.
    this.totalPages = this.deferred(7, 40, "left", "0.278 0.333 0.412");
    this.doc.on("pageAdded", () => this.decoratePage());
    this.done = finished(options.out);
    // Awaited in finish(); until then a failure must not count as an unhandled rejection.
    this.done.catch(() => undefined);
    // A failing client ends the document's output too (pipe does not propagate errors).
    options.out.on("error", () => this.doc.unpipe(options.out));
    this.doc.pipe(options.out);
  }

  private internals(): PdfInternals {
    return this.doc as unknown as PdfInternals;
  }

  /** A form XObject for text known only later, in the regular font. */
  deferred(size: number, width: number, align: "left" | "right", color = "0 0 0"): DeferredText {
    const font = this.regularFont();
    const form = this.internals().ref({
      Type: "XObject",
      Subtype: "Form",
      BBox: [0, -size, width, size * 1.5],
      Resources: { Font: { [font.id]: font.ref() } },
    });
    const text = new DeferredText(this, form, `Deferred${++this.formCount}`, size, width, align, color);
    this.forms.push(text);
    return text;
  }

  /** The embedded regular font (and makes it current: callers set their font before drawing anyway). */
  private regularFont(): EmbeddedFont {
    this.doc.font(REGULAR);
    return this.internals()._font;
  }

  /** Called by DeferredText.draw: the form, on the current page, its baseline where doc.text's would be. */
  placeForm(text: DeferredText, x: number, y: number): void {
    const internals = this.internals();
    const font = this.regularFont();
    internals.page.xobjects[text.name] = text.form;
    const baseline = y + (font.ascender / 1000) * text.size;
    // pdfkit's pages draw in a y-down space (1 0 0 -1 0 h cm): flip back so that the form's text stands upright.
    internals.addContent(`q 1 0 0 -1 ${x.toFixed(2)} ${baseline.toFixed(2)} cm /${text.name} Do Q`);
  }

  spaceLeft(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - this.doc.y;
  }

  pageBodyHeight(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - this.doc.page.margins.top;
  }

  /** Height of `text` in the current size, wrapped to `width`; one-line text skips pdfkit's line wrapper. */
  measure(text: string, width: number, bold = false): number {
    if (!text) return 0;
    const prepared = prepareText(text, bold);
    const doc = this.doc.font(prepared.font).fontSize(BODY_SIZE);
    // A CJK glyph is at most 1 em wide: text that fits at that width cannot wrap.
    if (!text.includes("\n") && text.length * BODY_SIZE <= width) return doc.currentLineHeight(true);
    // Registers repeat their values (exporters, mechanisms, category lists): line breaking is the PDF's main cost.
    const key = `${bold ? "b" : "r"}${width.toFixed(1)}|${text}`;
    const known = this.heights.get(key);
    if (known !== undefined) return known;
    const height = doc.heightOfString(prepared.measureText, { width, lineGap: 0 });
    if (this.heights.size >= MEASURE_CACHE_SIZE) this.heights.clear();
    this.heights.set(key, height);
    return height;
  }

  /** The longest head of `text` (cut at a space or line break when possible) that fits in `height`. */
  splitToHeight(text: string, width: number, height: number, bold = false): [string, string] {
    if (this.measure(text, width, bold) <= height) return [text, ""];
    let low = 1;
    let high = text.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.measure(text.slice(0, middle), width, bold) <= height) low = middle;
      else high = middle - 1;
    }
    const breakAt = Math.max(text.lastIndexOf(" ", low), text.lastIndexOf("\n", low));
    const cut = breakAt > low / 2 ? breakAt : low;
    return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
  }

  newPage(): void {
    this.doc.addPage(PAGE);
  }

  /** Footer of every page: the report and its date on the left, "Page n of m" on the right. */
  private decoratePage(): void {
    this.pageNumber += 1;
    const doc = this.doc;
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Below the body: without this pdfkit would take the footer for an overflow and open another page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 16;
    doc.font(REGULAR).fontSize(7).fillColor("#475569");
    doc.text(`${this.options.title} — ${this.labels.asOf} ${this.options.meta.asOf}`, margins.left, y, { lineBreak: false, width: doc.page.width / 2 });
    const label = `${this.labels.page} ${this.pageNumber} ${this.labels.of} `;
    const labelWidth = doc.widthOfString(label);
    const right = doc.page.width - margins.right - 30;
    doc.text(label, right - labelWidth, y, { lineBreak: false });
    this.totalPages.draw(right, y);
    doc.fillColor("black");
    doc.page.margins.bottom = bottom;
    doc.x = margins.left;
    doc.y = margins.top;
  }

  /** Cover page: title, facts, controllers with their DPOs and representatives. */
  async cover({ template, hasScope = true }: { template?: string; hasScope?: boolean }): Promise<{ rows: DeferredText }> {
    const { meta } = this.options;
    const doc = this.doc;
    this.newPage();
    doc.fontSize(20);
    drawPrepared(doc, prepareText(this.options.title, true), doc.x, doc.y, { width: doc.page.width - 2 * doc.page.margins.left });
    if (this.options.subtitle) doc.moveDown(0.3).font(REGULAR).fontSize(11).fillColor("#334155").text(this.options.subtitle).fillColor("black");
    doc.moveDown(1);
    const facts = coverFacts({ meta, language: this.options.language, template, hasScope });
    const labelWidth = 190;
    const valueWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right - labelWidth;
    const line = (label: string, value: string | DeferredText) => {
      const y = doc.y;
      doc.font(BOLD).fontSize(9.5).text(label, doc.page.margins.left, y, { width: labelWidth - 8 });
      const afterLabel = doc.y;
      if (typeof value === "string") {
        doc.fontSize(9.5);
        drawPrepared(doc, prepareText(value), doc.page.margins.left + labelWidth, y, { width: valueWidth });
      } else {
        value.draw(doc.page.margins.left + labelWidth, y);
        doc.y = y + doc.currentLineHeight(true);
      }
      doc.y = Math.max(doc.y, afterLabel) + 3;
    };
    for (const [label, value] of facts) line(label, String(value));
    const rows = this.deferred(9.5, 200, "left");
    line(this.labels.rows, rows);

    const controllers = meta.controllers ?? [];
    if (controllers.length) {
      doc.moveDown(1);
      doc.x = doc.page.margins.left;
      const { header, rows: lines } = stackedControllerTable(controllers, this.labels);
      const widths = [3, 1, 3, 2];
      const table = new PdfTable(this, header.map((text, index) => ({ header: text, width: widths[index]! })));
      for (const line of lines) await table.addRow(line);
    }
    return { rows };
  }

  /** The contents, sized for `sections` (each a line, its page number filled when the section starts). */
  contents(sections: readonly Section[]): void {
    const doc = this.doc;
    this.newPage();
    const size = 9;
    const heading = () => {
      doc.font(BOLD).fontSize(14).text(this.labels.contents, doc.page.margins.left, doc.page.margins.top);
      doc.moveDown(0.5);
    };
    heading();
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    for (const section of sections) {
      doc.font(REGULAR).fontSize(size);
      const lineHeight = doc.currentLineHeight(true) + 3;
      if (this.spaceLeft() < lineHeight) {
        this.newPage();
        heading();
        doc.font(REGULAR).fontSize(size);
      }
      const y = doc.y;
      // One line each (the contents were sized by counting lines): a long title ends in an ellipsis.
      drawPrepared(doc, prepareText(section.title), doc.page.margins.left, y, { width: width - 60, height: lineHeight, ellipsis: true });
      const page = this.deferred(size, 40, "right");
      page.draw(doc.page.margins.left + width - 40, y);
      this.sectionPages.set(section.key, page);
      doc.goTo(doc.page.margins.left, y, width, lineHeight, this.destinationOf(section.key));
      doc.x = doc.page.margins.left;
      doc.y = y + lineHeight;
    }
  }

  private destinationOf(key: string): string {
    return `section-${key}`;
  }

  /** A new page opening a section: its heading, bookmark, link target and contents page number. */
  startSection(section: Section, level = 1): void {
    const doc = this.doc;
    this.newPage();
    const destination = this.destinationOf(section.key);
    if (!this.destinations.has(destination)) {
      doc.addNamedDestination(destination);
      this.destinations.add(destination);
    }
    doc.outline.addItem(section.title);
    this.sectionPages.get(section.key)?.fill(String(this.pageNumber));
    doc.fontSize(level === 1 ? 13 : 11);
    drawPrepared(doc, prepareText(section.title, true), doc.page.margins.left, doc.page.margins.top, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    });
    doc.moveDown(0.4);
    doc.font(REGULAR).fontSize(BODY_SIZE);
  }

  paragraph(text: string, size = 9): void {
    const doc = this.doc;
    doc.fontSize(size);
    drawPrepared(doc, prepareText(text), doc.page.margins.left, doc.y, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    });
    doc.moveDown(0.5);
  }

  table(columns: readonly PdfColumn[], options?: { boldFirstColumn?: boolean }): PdfTable {
    this.doc.x = this.doc.page.margins.left;
    return new PdfTable(this, columns, options);
  }

  /** Waits while the output holds more than a page or two that the client has not taken yet. */
  async flowControl(): Promise<void> {
    const out = this.options.out;
    for (;;) {
      if (out.destroyed || out.writableEnded) throw new Error("The export output closed before the end.");
      if (out.writableNeedDrain) await waitForDrain(out);
      else if (this.doc.readableLength > HIGH_WATER) await new Promise((resolve) => setImmediate(resolve));
      else return;
    }
  }

  /** Writes the deferred numbers, closes the document and resolves once `out` has taken the last byte. */
  async finish(): Promise<void> {
    this.totalPages.fill(String(this.pageNumber));
    const font = this.regularFont();
    for (const text of this.forms) {
      const [glyphs] = font.encode(text.text);
      const width = font.widthOfString(text.text, text.size);
      const x = text.align === "right" ? Math.max(0, text.width - width) : 0;
      text.form.write(`${text.color} rg BT /${font.id} ${text.size} Tf ${x.toFixed(2)} 0 Td <${glyphs.join("")}> Tj ET`);
      text.form.end();
    }
    this.doc.end();
    await this.done;
  }
}
