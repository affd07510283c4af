import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import PDFDocument from "pdfkit";
import { formatDate } from "@/lib/labels";
import { stackedControllerTable, coverFacts, coverLabels, type CoverLabels } from "./cover";
import type { CellValue } from "./neutralize";
import { layoutText, singleLine, type LaidLine, type LaidText, type Measure } from "./pdf-layout";
import { StructureTree, type StructElement, type StructType } from "./pdf-structure";
import { fontName, pdfFontFiles, prepareText, type PreparedText } from "./pdf-text";
import type { ExportMeta, ReportLanguage, Section } from "./report";
import { waitForDrain } from "./streams";

/*
 * PDF reports with pdfkit, written as they are read: pages leave as soon as the next one starts
 * (bufferPages off), so a 100,000-transfer register costs the memory of one page, not of the document.
 *
 * A document for a regulator's file: tagged (headings, tables with their header cells, the contents as a
 * table of contents with its links; footers and repeated header rows as artifacts; lib/exports/pdf-structure.ts),
 * in the export's language and titled by it, and archival (PDF/A-2a: fonts embedded, sRGB output intent, XMP
 * metadata that matches the document information).
 *
 * Layout: every text is laid out into lines before anything is drawn (lib/exports/pdf-layout.ts: words and
 * dates are never cut, a word wider than its column shrinks the cell's type), so a row's height is known
 * before it is placed. A row that does not fit the rest of a page moves whole to the next, under the
 * repeated header row; only a row taller than a page is split, at a line. Sections run on from one another
 * rather than each opening a page, a heading staying with the start of what it heads: no page is left holding
 * a spilled line and its footer.
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
 * fonts of their script (lib/exports/pdf-text.ts).
 */

const REGULAR = fontName("sc", false);
const BOLD = fontName("sc", true);

const PAGE = { size: "A4", layout: "landscape" as const, margins: { top: 40, bottom: 44, left: 36, right: 36 } };
const BODY_SIZE = 7.5;
/** The smallest type a long word may shrink a cell to before it is cut (6 pt stays legible in print). */
const MIN_SIZE = 6;
const CELL_PADDING = 3;
const HEADER_FILL = "#e2e8f0";
const RULE_COLOR = "#94a3b8";
const FOOTER_COLOR = "#475569";
const TITLE_SIZE = 20;
const FACT_SIZE = 9.5;
const FACT_LABEL_WIDTH = 190;
const CONTENTS_SIZE = 9;
/** Laid-out texts kept for reuse (bounded: cleared when full): registers repeat their values. */
const LAYOUT_CACHE_SIZE = 5_000;
const WIDTH_CACHE_SIZE = 50_000;
/**
 * Widths of words at 1 pt, by font name and text, kept across documents: each document opens its fonts
 * anew (pdfkit), and shaping every word of a register again is most of a PDF's cost. The names stand for
 * fixed files (pdfFontFiles), so a width never changes. Bounded: cleared when full.
 */
const WIDTHS = new Map<string, number>();
/** Output kept inside the process before waiting for the client: a page or two. */
const HIGH_WATER = 1 << 20;
/** ISO 19005-2, level A (accessible: tagged, Unicode text). */
const ARCHIVAL_SUBSET = "PDF/A-2a";

type Doc = PDFKit.PDFDocument;

/** pdfkit's embedded font, as much of it as the deferred numbers need (not in pdfkit's public types). */
interface EmbeddedFont {
  id: string;
  /** The fontkit font. */
  font: { layout(text: string): { advanceWidth: number }; unitsPerEm: number };
  ascender: number;
  encode(text: string): [string[], unknown[]];
  widthOfString(text: string, size: number): number;
  lineHeight(size: number, includeGap?: boolean): number;
  ref(): PDFKit.PDFKitReference;
}

type PdfRef = PDFKit.PDFKitReference & { data: Record<string, unknown>; write(chunk: string): void; end(): void };

interface PdfInternals {
  _font: EmbeddedFont;
  page: PDFKit.PDFPage & { xobjects: Record<string, PDFKit.PDFKitReference>; annotations: PdfRef[]; dictionary: PdfRef; structParentTreeKey: number };
  info: Record<string, unknown>;
  addContent(content: string): Doc;
  ref(data: unknown): PdfRef;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
  getStructTreeRoot(): PdfRef;
  getStructParentTree(): { add(key: number, value: unknown): void };
  createStructParentTreeNextKey(): number;
}

/** Text drawn where it is needed and written at the end: a form XObject filled by `fill()`. */
class DeferredText {
  readonly name: string;
  private value: string | null = null;
  constructor(
    private readonly writer: PdfWriter,
    readonly form: PdfRef,
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

/** A text laid out for a width, with the font it is measured in and its height. */
interface Block {
  font: string;
  laid: LaidText;
  lineHeight: number;
  height: number;
}

const EMPTY_BLOCK: Block = { font: REGULAR, laid: { size: BODY_SIZE, lines: [] }, lineHeight: 0, height: 0 };

export interface PdfColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
}

/**
 * A table whose header row starts every page it runs onto. Each row is laid out, then placed whole: on this
 * page if it fits, else on the next under the repeated header; only a row taller than a page is split.
 */
export class PdfTable {
  private readonly widths: number[];
  private readonly left: number;
  private element: StructElement | null = null;
  private header: Block[] | null = null;
  private rowsOnPage = 0;
  private ended = false;

  constructor(
    private readonly writer: PdfWriter,
    private readonly columns: readonly PdfColumn[],
    private readonly options: { boldFirstColumn?: boolean } = {},
  ) {
    const doc = writer.doc;
    this.left = doc.page.margins.left;
    const available = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    this.widths = columnWidths(
      columns.map((column) => column.width),
      columns.map((column) => this.longestHeaderWord(column.header) + 2 * CELL_PADDING),
      available,
    );
  }

  /** The widest word of a header in its type (a column narrower than that would cut it or shrink it). */
  private longestHeaderWord(header: string): number {
    const prepared = prepareText(header, true);
    return Math.max(0, ...header.split(/\s+/).map((word) => this.writer.measure(prepared.font, word) * BODY_SIZE));
  }

  private innerWidth(index: number): number {
    return this.widths[index]! - 2 * CELL_PADDING;
  }

  private totalWidth(): number {
    return this.widths.reduce((a, b) => a + b, 0);
  }

  private headerBlocks(): Block[] {
    this.header ??= this.columns.map((column, index) => this.writer.block(column.header, this.innerWidth(index), { bold: true }));
    return this.header;
  }

  private headerHeight(): number {
    return Math.max(...this.headerBlocks().map((block) => block.height)) + 2 * CELL_PADDING;
  }

  /** Room under the header on a page of its own. */
  private fullPage(): number {
    return this.writer.pageBodyHeight() - this.headerHeight();
  }

  /** The header row where the table starts: its cells are the table's column headers (TH). */
  private start(firstRow: number): void {
    const lines = 3 * this.writer.lineHeight() + 2 * CELL_PADDING;
    // The header with its first row (or the first lines of a row taller than a page) on the same page.
    this.writer.beginBlock(this.headerHeight() + (firstRow <= this.fullPage() ? firstRow : Math.min(firstRow, lines)));
    this.element = this.writer.structure.open("Table");
    const head = this.writer.structure.open("THead", this.element);
    const row = this.writer.structure.open("TR", head);
    const cells = this.columns.map(() => this.writer.structure.open("TH", row, { scope: "Column" }));
    this.drawHeader(cells);
    for (const cell of cells) this.writer.structure.close(cell);
    this.writer.structure.close(row);
    this.writer.structure.close(head);
  }

  /** The header row: the table's own at its start, an artifact where it is repeated on the next pages. */
  private drawHeader(cells: StructElement[] | null): void {
    const doc = this.writer.doc;
    const structure = this.writer.structure;
    const height = this.headerHeight();
    const y = doc.y;
    structure.artifact(() => doc.save().rect(this.left, y, this.totalWidth(), height).fill(HEADER_FILL).restore());
    const drawCells = (index: number) => {
      const block = this.headerBlocks()[index]!;
      this.writer.drawBlock(block.laid, block.font, block.lineHeight, this.cellX(index), y + CELL_PADDING);
    };
    if (cells) cells.forEach((cell, index) => structure.mark(cell, () => drawCells(index)));
    else structure.artifact(() => this.columns.forEach((_, index) => drawCells(index)), "Pagination");
    doc.x = this.left;
    doc.y = y + height;
    this.rowsOnPage = 0;
  }

  private cellX(index: number): number {
    let x = this.left;
    for (let i = 0; i < index; i += 1) x += this.widths[i]!;
    return x + CELL_PADDING;
  }

  private continueOnNextPage(): void {
    this.writer.newPage();
    this.drawHeader(null);
  }

  /** Adds a row: whole where it fits, on the next page when it does not, split only when taller than a page. */
  async addRow(values: readonly CellValue[]): Promise<void> {
    if (this.ended) throw new Error("PdfTable: a row after the table ended");
    const bold = (index: number) => index === 0 && Boolean(this.options.boldFirstColumn);
    const blocks = values.map((value, index) =>
      value === null || value === undefined || value === "" ? EMPTY_BLOCK : this.writer.block(String(value), this.innerWidth(index), { bold: bold(index) }),
    );
    const rowHeight = (cells: readonly Block[]) => Math.max(...cells.map((cell) => cell.height), this.writer.lineHeight()) + 2 * CELL_PADDING;
    let rest = blocks;
    let height = rowHeight(rest);
    if (!this.element) this.start(height);
    const structure = this.writer.structure;
    const row = structure.row(this.element!);
    // The first column of a list of items (the Art. 30 record) names its row: a row header.
    const cells = values.map((_, index) => structure.open(bold(index) ? "TH" : "TD", row, bold(index) ? { scope: "Row" } : {}));
    for (;;) {
      const left = this.writer.spaceLeft();
      if (height <= left) {
        this.drawRow(cells, rest, height);
        break;
      }
      if (height <= this.fullPage() && this.rowsOnPage > 0) {
        this.continueOnNextPage();
        continue;
      }
      // Taller than a page: the lines that fit here, the rest under the header on the next page.
      const room = left - 2 * CELL_PADDING;
      const split = rest.map((block) => splitBlock(block, room));
      if (split.every(([head]) => head.laid.lines.length === 0)) {
        // Not a line fits here: nothing to leave behind.
        this.continueOnNextPage();
        continue;
      }
      this.drawRow(
        cells,
        split.map(([head]) => head),
        left,
      );
      rest = split.map(([, tail]) => tail);
      if (rest.every((block) => block.laid.lines.length === 0)) break;
      height = rowHeight(rest);
      this.continueOnNextPage();
    }
    for (const cell of cells) structure.close(cell);
    structure.close(row);
    await this.writer.flowControl();
  }

  private drawRow(cells: readonly StructElement[], blocks: readonly Block[], height: number): void {
    const doc = this.writer.doc;
    const structure = this.writer.structure;
    const y = doc.y;
    structure.artifact(() =>
      doc
        .save()
        .lineWidth(0.3)
        .strokeColor(RULE_COLOR)
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.totalWidth(), y + height)
        .stroke()
        .restore(),
    );
    blocks.forEach((block, index) => {
      if (block.laid.lines.length === 0) return;
      structure.mark(cells[index]!, () => this.writer.drawBlock(block.laid, block.font, block.lineHeight, this.cellX(index), y + CELL_PADDING));
    });
    doc.x = this.left;
    doc.y = y + height;
    this.rowsOnPage += 1;
  }

  /** Closes the table: a table without rows still shows its header. */
  end(): void {
    if (this.ended) return;
    if (!this.element) this.start(0);
    this.ended = true;
    this.writer.structure.close(this.element!);
  }
}

/**
 * Column widths from their shares of `available`, each at least its minimum (its header's longest word)
 * where the page allows: what a narrow column lacks is taken from the others' room above their minimum, in
 * proportion. When even the minimums do not fit, the shares stand (the cells' type shrinks instead).
 */
export function columnWidths(shares: readonly number[], minimums: readonly number[], available: number): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => (share / total) * available);
  const floor = minimums.map((minimum) => Math.min(minimum, available / 4));
  if (floor.reduce((sum, minimum) => sum + minimum, 0) > available) return widths;
  const lacking = widths.reduce((sum, width, index) => sum + Math.max(0, floor[index]! - width), 0);
  const room = widths.reduce((sum, width, index) => sum + Math.max(0, width - floor[index]!), 0);
  if (lacking === 0 || room <= 0) return widths;
  return widths.map((width, index) => (width < floor[index]! ? floor[index]! : width - (lacking * (width - floor[index]!)) / room));
}

/** The lines of `block` that fit in `height`, and the rest. */
function splitBlock(block: Block, height: number): [Block, Block] {
  if (block.height <= height) return [block, EMPTY_BLOCK];
  const count = Math.max(0, Math.floor((height + 0.01) / block.lineHeight));
  const part = (lines: LaidLine[]): Block => ({ ...block, laid: { ...block.laid, lines }, height: lines.length * block.lineHeight });
  return [part(block.laid.lines.slice(0, count)), part(block.laid.lines.slice(count))];
}

export interface PdfWriterOptions {
  out: Writable;
  title: string;
  subtitle?: string;
  language: ReportLanguage;
  meta: ExportMeta;
}

/** A heading waiting for what it heads, so that the two start on the same page. */
interface PendingHeading {
  section: Section;
  level: 1 | 2;
}

/** The document: cover, contents, sections; footers with "Page n of m" on every page. */
export class PdfWriter {
  readonly doc: Doc;
  readonly structure: StructureTree;
  private readonly labels: CoverLabels;
  private pageNumber = 0;
  private formCount = 0;
  private readonly forms: DeferredText[] = [];
  private readonly totalPages: DeferredText;
  private readonly sectionPages = new Map<string, DeferredText>();
  private readonly destinations = new Set<string>();
  private readonly blocks = new Map<string, Block>();
  private readonly fonts = new Map<string, { ascender: number; lineHeight: number }>();
  private pendingHeading: PendingHeading | null = null;
  private currentTable: PdfTable | null = null;
  private readonly done: Promise<void>;
  readonly measure: Measure;

  constructor(private readonly options: PdfWriterOptions) {
    const { meta, title, language } = options;
    this.labels = coverLabels(language);
    const info = {
      Title: title,
      Author: meta.generatedBy ?? "Transfer governance",
      Subject: `${title}, ${this.labels.asOf.toLowerCase()} ${formatDate(meta.asOf, language)}`,
      Creator: "Transfer governance",
      CreationDate: meta.generatedAt,
      ModDate: meta.generatedAt,
    };
    this.doc = new PDFDocument({
      ...PAGE,
      autoFirstPage: false,
      bufferPages: false,
      pdfVersion: "1.7",
      subset: ARCHIVAL_SUBSET,
      tagged: true,
      lang: documentLanguage(language),
      displayTitle: true,
      info,
    });
    // pdfkit writes the XMP metadata from the same facts but unescaped, and without the modification date
    // and language that PDF/A and PDF/UA readers compare with the document's: ours instead.
    const internals = this.internals();
    internals._addInfo = () => internals.appendXML(xmpDescription(info, documentLanguage(language)));
    for (const { name, file } of pdfFontFiles()) this.doc.registerFont(name, file);
    this.doc.font(REGULAR);
    this.structure = new StructureTree(internals);
    this.measure = (font, text) => this.unitWidth(font, text);
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

  /** Width of `text` in `font` at 1 pt (pdfkit's glyph advances, as it will draw them). */
  private unitWidth(font: string, text: string): number {
    const key = `${font}\u0000${text}`;
    let width = WIDTHS.get(key);
    if (width === undefined) {
      this.doc.font(font);
      // Straight from fontkit, as pdfkit measures: pdfkit's own cache would keep every word ever measured.
      const { font: shaper } = this.internals()._font;
      width = shaper.layout(text).advanceWidth / shaper.unitsPerEm;
      if (WIDTHS.size >= WIDTH_CACHE_SIZE) WIDTHS.clear();
      WIDTHS.set(key, width);
    }
    return width;
  }

  private metricsOf(font: string): { ascender: number; lineHeight: number } {
    let metrics = this.fonts.get(font);
    if (!metrics) {
      this.doc.font(font);
      const embedded = this.internals()._font;
      metrics = { ascender: embedded.ascender / 1000, lineHeight: embedded.lineHeight(1, true) };
      this.fonts.set(font, metrics);
    }
    return metrics;
  }

  /** A table row's line height in the body size. */
  lineHeight(): number {
    return this.metricsOf(REGULAR).lineHeight * BODY_SIZE;
  }

  /** `text` laid out for `width` (cached: registers repeat their values). */
  block(text: string, width: number, { bold = false, size = BODY_SIZE, minSize = MIN_SIZE }: { bold?: boolean; size?: number; minSize?: number } = {}): Block {
    const key = `${bold ? "b" : "r"}${size}|${width.toFixed(2)}|${text}`;
    const known = this.blocks.get(key);
    if (known) return known;
    const prepared = prepareText(text, bold);
    const single = prepared.runs.length === 1 && !text.includes("\n") ? this.unitWidth(prepared.font, prepared.runs[0]!.text) * size : Infinity;
    // Most cells are one short line: no need to look for break points.
    const laid: LaidText =
      single <= width
        ? { size, lines: [{ runs: prepared.runs, width: single }] }
        : layoutText(prepared, this.measure, { width, size, minSize: Math.min(minSize, size) });
    const lineHeight = this.metricsOf(prepared.font).lineHeight * laid.size;
    const block: Block = { font: prepared.font, laid, lineHeight, height: laid.lines.length * lineHeight };
    if (this.blocks.size >= LAYOUT_CACHE_SIZE) this.blocks.clear();
    this.blocks.set(key, block);
    return block;
  }

  /** Draws laid-out lines from (x, top), each run in its font on the line's baseline; nothing wraps here. */
  drawBlock(laid: LaidText, font: string, lineHeight: number, x: number, top: number, color = "black"): void {
    const baselineOffset = this.metricsOf(font).ascender * laid.size;
    laid.lines.forEach((line, index) => this.drawLine(line, laid.size, x, top + index * lineHeight + baselineOffset, color));
  }

  private drawLine(line: LaidLine, size: number, x: number, baseline: number, color: string): void {
    const doc = this.doc;
    let left = x;
    for (const run of line.runs) {
      doc.font(run.font).fontSize(size).fillColor(color);
      doc.text(run.text, left, baseline - this.metricsOf(run.font).ascender * size, { lineBreak: false });
      left += this.unitWidth(run.font, run.text) * size;
    }
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

  private bodyWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  newPage(): void {
    // The page's part of the structure's parent tree is written before pdfkit writes the page.
    this.structure.endPage();
    this.doc.addPage(PAGE);
  }

  /** Footer of every page: the report and its date on the left, "Page n of m" on the right. */
  private decoratePage(): void {
    this.pageNumber += 1;
    const doc = this.doc;
    const { margins } = doc.page;
    const y = doc.page.height - margins.bottom + 16;
    const size = 7;
    this.structure.artifact(() => {
      const label = `${this.labels.page} ${this.pageNumber} ${this.labels.of} `;
      const labelWidth = this.unitWidth(REGULAR, label) * size;
      const right = doc.page.width - margins.right - 30;
      const title = singleLine(prepareText(`${this.options.title} — ${this.labels.asOf} ${formatDate(this.options.meta.asOf, this.options.language)}`), this.measure, right - labelWidth - 24 - margins.left, size);
      const baseline = y + this.metricsOf(REGULAR).ascender * size;
      this.drawLine(title, size, margins.left, baseline, FOOTER_COLOR);
      this.drawLine({ runs: [{ font: REGULAR, text: label }], width: labelWidth }, size, right - labelWidth, baseline, FOOTER_COLOR);
      this.totalPages.draw(right, y);
    }, "Pagination");
    doc.fillColor("black");
    doc.x = margins.left;
    doc.y = margins.top;
  }

  /** Draws `text` across the body in `size` as an element of `type`, running onto the next page if it must. */
  private textBlock(type: StructType, text: string, { size, bold = false, color = "black" }: { size: number; bold?: boolean; color?: string }): void {
    const doc = this.doc;
    const element = this.structure.open(type);
    let block = this.block(text, this.bodyWidth(), { bold, size, minSize: size });
    for (;;) {
      const [head, tail] = splitBlock(block, this.spaceLeft());
      if (head.laid.lines.length) {
        const y = doc.y;
        this.structure.mark(element, () => this.drawBlock(head.laid, head.font, head.lineHeight, doc.page.margins.left, y, color));
        doc.y = y + head.height;
      }
      if (tail.laid.lines.length === 0) break;
      block = tail;
      this.newPage();
    }
    this.structure.close(element);
    doc.x = doc.page.margins.left;
  }

  /** Cover page: title, facts, controllers with their DPOs and representatives. */
  async cover({ template, hasScope = true }: { template?: string; hasScope?: boolean }): Promise<{ rows: DeferredText }> {
    const { meta } = this.options;
    const doc = this.doc;
    this.newPage();
    this.textBlock("H1", this.options.title, { size: TITLE_SIZE, bold: true });
    if (this.options.subtitle) {
      doc.y += 4;
      this.textBlock("P", this.options.subtitle, { size: 11, color: "#334155" });
    }
    doc.y += TITLE_SIZE;
    const facts = coverFacts({ meta, language: this.options.language, template, hasScope });
    const valueWidth = this.bodyWidth() - FACT_LABEL_WIDTH;
    // The facts as a table of two columns without rules: each label is its row's header.
    const table = this.structure.open("Table");
    const body = this.structure.open("TBody", table);
    const line = (label: string, value: string | DeferredText) => {
      const row = this.structure.open("TR", body);
      const labelBlock = this.block(label, FACT_LABEL_WIDTH - 8, { bold: true, size: FACT_SIZE });
      const valueBlock = typeof value === "string" ? this.block(value, valueWidth, { size: FACT_SIZE }) : null;
      const height = Math.max(labelBlock.height, valueBlock?.height ?? this.metricsOf(REGULAR).lineHeight * FACT_SIZE);
      if (height > this.spaceLeft()) this.newPage();
      const y = doc.y;
      const left = doc.page.margins.left;
      const header = this.structure.open("TH", row, { scope: "Row" });
      this.structure.mark(header, () => this.drawBlock(labelBlock.laid, labelBlock.font, labelBlock.lineHeight, left, y));
      const cell = this.structure.open("TD", row);
      this.structure.mark(cell, () => {
        if (valueBlock) this.drawBlock(valueBlock.laid, valueBlock.font, valueBlock.lineHeight, left + FACT_LABEL_WIDTH, y);
        else if (typeof value !== "string") value.draw(left + FACT_LABEL_WIDTH, y);
      });
      for (const element of [header, cell, row]) this.structure.close(element);
      doc.y = y + height + 3;
    };
    for (const [label, value] of facts) line(label, String(value));
    const rows = this.deferred(FACT_SIZE, 200, "left");
    line(this.labels.rows, rows);
    this.structure.close(body);
    this.structure.close(table);

    const controllers = meta.controllers ?? [];
    if (controllers.length) {
      doc.y += FACT_SIZE * 1.5;
      doc.x = doc.page.margins.left;
      const { header, rows: lines } = stackedControllerTable(controllers, this.labels);
      const widths = [3, 1, 3, 2];
      const controllerTable = this.table(header.map((text, index) => ({ header: text, width: widths[index]! })));
      for (const controllerLine of lines) await controllerTable.addRow(controllerLine);
      controllerTable.end();
    }
    return { rows };
  }

  /**
   * The contents, on the page after the cover: each section a line, its page number filled when the section
   * starts, the whole line a link to it. The report's body follows on the same page.
   */
  contents(sections: readonly Section[]): void {
    const doc = this.doc;
    this.endTable();
    this.newPage();
    this.textBlock("H2", this.labels.contents, { size: 14, bold: true });
    doc.y += 6;
    const toc = this.structure.open("TOC");
    const width = this.bodyWidth();
    const lineHeight = this.metricsOf(REGULAR).lineHeight * CONTENTS_SIZE + 3;
    for (const section of sections) {
      if (this.spaceLeft() < lineHeight) this.newPage();
      const y = doc.y;
      const left = doc.page.margins.left;
      const item = this.structure.open("TOCI", toc);
      const link = this.structure.open("Link", item);
      // One line each (the contents were sized by counting lines): a long title ends in an ellipsis.
      const title = singleLine(prepareText(section.title), this.measure, width - 60, CONTENTS_SIZE);
      // Read as "Product analytics 3", not "Product analytics3".
      title.runs.push({ font: REGULAR, text: " " });
      const page = this.deferred(CONTENTS_SIZE, 40, "right");
      this.sectionPages.set(section.key, page);
      this.structure.mark(link, () => {
        this.drawLine(title, CONTENTS_SIZE, left, y + this.metricsOf(REGULAR).ascender * CONTENTS_SIZE, "black");
        page.draw(left + width - 40, y);
      });
      this.linkTo(link, section, left, y, width, lineHeight);
      this.structure.close(link);
      this.structure.close(item);
      doc.x = left;
      doc.y = y + lineHeight;
    }
    this.structure.close(toc);
    doc.y += 12;
  }

  /** A link annotation over the contents line, to the section's named destination, in the Link element. */
  private linkTo(link: StructElement, section: Section, x: number, y: number, width: number, height: number): void {
    const internals = this.internals();
    const action = internals.ref({ S: "GoTo", D: new String(this.destinationOf(section.key)) });
    action.end();
    this.doc.annotate(x, y, width, height, { Subtype: "Link", A: action, Contents: new String(section.title) } as never);
    const annotations = internals.page.annotations;
    this.structure.annotation(link, annotations[annotations.length - 1]!);
  }

  private destinationOf(key: string): string {
    return `section-${key}`;
  }

  /**
   * Opens a section: its heading waits for the section's first content (a table's header and first row, a
   * paragraph), so that the two start on the same page; sections otherwise run on without a page break.
   */
  startSection(section: Section, level: 1 | 2 = 1): void {
    this.endTable();
    this.flushHeading();
    this.pendingHeading = { section, level };
  }

  /** Makes room for `height` of content (and the heading waiting for it) on this page or the next. */
  beginBlock(height: number): void {
    const pending = this.pendingHeading;
    const heading = pending ? this.headingBlock(pending) : null;
    const needed = height + (heading ? this.headingSpace() + heading.height + HEADING_GAP : 0);
    // Not at the top of a page already: there it would not fit better on the next one.
    if (needed > this.spaceLeft() && this.doc.y > this.doc.page.margins.top + 1) this.newPage();
    this.flushHeading();
  }

  /** A little air above a heading that follows other content on its page. */
  private headingSpace(): number {
    return this.doc.y > this.doc.page.margins.top + 1 ? HEADING_SPACE : 0;
  }

  private headingBlock({ section, level }: PendingHeading): Block {
    return this.block(section.title, this.bodyWidth(), { bold: true, size: level === 1 ? 13 : 11, minSize: 9 });
  }

  /** Draws the waiting heading where the writer stands, with its bookmark, link target and contents page number. */
  private flushHeading(): void {
    const pending = this.pendingHeading;
    if (!pending) return;
    this.pendingHeading = null;
    const doc = this.doc;
    const block = this.headingBlock(pending);
    if (this.headingSpace() + block.height + HEADING_GAP > this.spaceLeft()) this.newPage();
    doc.y += this.headingSpace();
    const { section } = pending;
    const y = doc.y;
    const destination = this.destinationOf(section.key);
    if (!this.destinations.has(destination)) {
      doc.addNamedDestination(destination, "XYZ", doc.page.margins.left, doc.page.height - y, null as never);
      this.destinations.add(destination);
    }
    doc.outline.addItem(section.title);
    this.sectionPages.get(section.key)?.fill(String(this.pageNumber));
    const element = this.structure.open(pending.level === 1 ? "H2" : "H3");
    this.structure.mark(element, () => this.drawBlock(block.laid, block.font, block.lineHeight, doc.page.margins.left, y));
    this.structure.close(element);
    doc.x = doc.page.margins.left;
    doc.y = y + block.height + HEADING_GAP;
  }

  paragraph(text: string, size = 9): void {
    this.endTable();
    const block = this.block(text, this.bodyWidth(), { size, minSize: size });
    this.beginBlock(Math.min(block.height, 2 * block.lineHeight));
    this.textBlock("P", text, { size });
    this.doc.y += size / 2;
  }

  table(columns: readonly PdfColumn[], options?: { boldFirstColumn?: boolean }): PdfTable {
    this.endTable();
    this.doc.x = this.doc.page.margins.left;
    this.currentTable = new PdfTable(this, columns, options);
    return this.currentTable;
  }

  private endTable(): void {
    this.currentTable?.end();
    this.currentTable = null;
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
    this.endTable();
    this.flushHeading();
    this.structure.finish();
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

/** Space between a heading and what follows, and above a heading that does not open a page. */
const HEADING_GAP = 5;
const HEADING_SPACE = 14;

/** The document's language as a BCP 47 tag (the catalogue's /Lang and the XMP's dc:language). */
function documentLanguage(language: ReportLanguage): string {
  return language === "fr" ? "fr-FR" : "en-GB";
}

function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** XMP dates to the second, as the document information writes them (D:YYYYMMDDHHmmSSZ). */
function xmpDate(date: Date): string {
  return `${date.toISOString().split(".")[0]}Z`;
}

/** The XMP description of the document information (PDF/A requires the two to agree), escaped as XML. */
function xmpDescription(info: { Title: string; Author: string; Subject: string; Creator: string; CreationDate: Date; ModDate: Date }, language: string): string {
  return `
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>
            <xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>
            <xmp:CreatorTool>${xmlEscape(info.Creator)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.Title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${xmlEscape(info.Author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.Subject)}</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>${language}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>PDFKit</pdf:Producer>
        </rdf:Description>
        `;
}
