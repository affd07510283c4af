import { SaxesParser } from "saxes";
import { AppError } from "@/lib/errors";
import { tooManyColumns, uncompressedTooLarge, type ImportLimits } from "./limits";
import { ZipArchive } from "./zip";

/*
 * A streaming reader of the sheets of an XLSX workbook (SpreadsheetML, ECMA-376 Part 1 §18), bounded by the
 * import limits at every step. The parts are inflated one at a time (./zip.ts: every byte counted against
 * IMPORT_MAX_UNCOMPRESSED_BYTES) and parsed as they inflate by saxes, the SAX parser exceljs itself uses; a
 * row is handed to the caller as soon as it closes, holding only its non-blank cells, and a cell past column
 * IMPORT_MAX_COLUMNS stops the read at once. Only the parts needed are read: the relationships, the workbook
 * (sheet names, date system), the styles (which cells are dates), the shared strings and the chosen sheets.
 *
 * Why not exceljs's own streaming reader: it builds a whole row before handing it out (100,000 cells of one
 * row in memory before any check), inflates every part it meets in archive order, and writes sheets that come
 * before the shared strings to temporary files, all without a bound.
 */

export class WorkbookFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFormatError";
  }
}

/** A workbook of more parts than this is not an import file (Excel writes a few dozen). */
const MAX_PARTS = 10_000;

/**
 * Characters the XML parser may take in without completing anything (a tag, a text, a comment): no
 * well-formed part needs more, since a cell holds at most 32,767 characters (Excel's limit), 229,369 once
 * every one is escaped as `_x000D_`. It bounds what saxes accumulates for one construct, which for some
 * (entities, comments, a DTD) costs tens of bytes per character.
 */
const MAX_XML_RUN_CHARS = 256 * 1024;

/** Styles and number formats beyond Excel's own maximum (65,490 cell formats) are read as "not a date". */
const MAX_STYLES = 65_536;

const RELATIONSHIP_TYPE = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  styles: "/styles",
} as const;

/** A row's non-blank cells by column number (1 = A). */
export type RowCells = ReadonlyMap<number, string>;

type Attributes = Record<string, string>;

interface XmlHandlers {
  open?: (name: string, attributes: Attributes) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
  /** True once the handlers have what they need: the rest of the part is neither inflated nor parsed. */
  done?: () => boolean;
}

/** The element name without its namespace prefix: some producers write `<x:row>` (any prefix may be bound). */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** A relationship id attribute (`r:id`, whatever the prefix). */
function relationshipId(attributes: Attributes): string | undefined {
  for (const [name, value] of Object.entries(attributes)) if (name.endsWith(":id")) return value;
  return undefined;
}

/** SpreadsheetML escapes characters XML cannot hold as `_xHHHH_` (ECMA-376 Part 1 §22.9.2.19, ST_Xstring). */
function unescapeXstring(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

/** "B12" → 2; the letters of a cell reference as a base-26 column number. Past 7 letters the number only grows. */
function columnOf(reference: string): number {
  let column = 0;
  for (let index = 0; index < reference.length && index < 8; index++) {
    const code = reference.charCodeAt(index) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column;
}

/*
 * Dates are numbers with a date format (ECMA-376 Part 1 §18.8.30): the built-in formats 14-22 and 45-47, and
 * 27-36 and 50-58 in East Asian locales; a custom format is a date when, outside its quoted literals, escapes,
 * spacing characters and [bracketed] parts, it has a day, month, year, hour or second code.
 */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

export function isDateFormatCode(code: string): boolean {
  const stripped = code.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(stripped);
}

/** An Excel serial day as YYYY-MM-DD: day 25,569 is 1970-01-01 in the 1900 system; the 1904 system starts 1,462 days later. */
function serialToIsoDate(serial: number, date1904: boolean): string | null {
  const date = new Date(Math.round((serial - 25_569 + (date1904 ? 1_462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** "xl/worksheets/sheet1.xml" from the source part's folder and a relationship target (Part 2 §9.3, relative references). */
function resolveTarget(sourceFolder: string, target: string): string {
  const segments = target.startsWith("/") ? [] : sourceFolder.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

function relationshipsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/**
 * The shared string table, packed: the strings joined into blocks of about 64 K characters, with one 32-bit end
 * offset per string. Millions of short strings held as a JS array cost some 50 bytes each (a pointer and a
 * string object): a 1.5 MB workbook whose 64 MB sharedStrings.xml holds 3.5 million of them took 170 MB. Packed,
 * a string costs its characters and 4 bytes.
 */
class PackedStrings {
  private static readonly BLOCK_CHARS = 64 * 1024;
  private readonly blocks: string[] = [];
  /** The index of the first string of each block. */
  private readonly blockStarts: number[] = [];
  /** Per string, where it ends in its block. */
  private ends = new Uint32Array(1024);
  private pending: string[] = [];
  private pendingChars = 0;
  private count = 0;

  push(text: string): void {
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.pending.push(text);
    this.pendingChars += text.length;
    this.ends[this.count++] = this.pendingChars;
    if (this.pendingChars >= PackedStrings.BLOCK_CHARS) this.seal();
  }

  /** Joins the pending strings into a block; called when a block is full and once the table is read. */
  seal(): void {
    if (this.pending.length === 0) return;
    this.blockStarts.push(this.count - this.pending.length);
    this.blocks.push(this.pending.join(""));
    this.pending = [];
    this.pendingChars = 0;
  }

  get length(): number {
    return this.count;
  }

  /** The string at `index` (after `seal()`), or undefined past the table. */
  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    let low = 0;
    let high = this.blockStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.blockStarts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    const start = index === this.blockStarts[low] ? 0 : this.ends[index - 1]!;
    return this.blocks[low]!.slice(start, this.ends[index]);
  }
}

export interface WorkbookReaderOptions<K extends string> {
  limits: ImportLimits;
  /** The key of a sheet the caller wants, from its name (the first sheet of a key wins), or undefined to skip it. */
  sheetKey: (sheetName: string) => K | undefined;
  /** Where refusals are reported: "(file)" for the API, "file" for the page's form field. */
  field?: string;
}

export class XlsxWorkbookReader<K extends string> {
  private readonly zip: ZipArchive;
  private readonly limits: ImportLimits;
  private readonly field: string;
  private date1904 = false;
  /** The wanted sheets, in workbook order: name and part. */
  private readonly sheets = new Map<K, { name: string; part: string }>();
  private sharedStringsPart: string | undefined;
  private stylesPart: string | undefined;
  private sharedStrings: PackedStrings | null = null;
  /** Per cell format (the `s` of a cell, an index into cellXfs): 1 when its number format is a date. */
  private dateStyles: Uint8Array | null = null;

  private constructor(bytes: Uint8Array, options: WorkbookReaderOptions<K>) {
    this.limits = options.limits;
    this.field = options.field ?? "(file)";
    this.zip = new ZipArchive(bytes, { maxUncompressedBytes: this.limits.maxUncompressedBytes, exceeded: () => uncompressedTooLarge(this.limits, this.field) }, { maxEntries: MAX_PARTS });
  }

  /** Reads the workbook's structure (which sheets, which parts); no sheet data yet. */
  static async open<K extends string>(bytes: Uint8Array, options: WorkbookReaderOptions<K>): Promise<XlsxWorkbookReader<K>> {
    const reader = new XlsxWorkbookReader(bytes, options);
    await reader.readStructure(options.sheetKey);
    return reader;
  }

  /** The keys of the wanted sheets the workbook has, in workbook order. */
  get sheetKeys(): K[] {
    return [...this.sheets.keys()];
  }

  /** Uncompressed bytes inflated so far. */
  get inflatedBytes(): number {
    return this.zip.inflatedBytes;
  }

  private async readStructure(sheetKey: (name: string) => K | undefined): Promise<void> {
    // The package relationships name the workbook part (Part 2 §9.3); xl/workbook.xml is where Excel puts it.
    let workbookPart = "xl/workbook.xml";
    if (this.zip.has("_rels/.rels")) {
      await this.parse("_rels/.rels", {
        open: (name, attributes) => {
          if (name === "Relationship" && attributes.Type?.endsWith(RELATIONSHIP_TYPE.officeDocument) && attributes.Target) {
            workbookPart = resolveTarget("", attributes.Target);
          }
        },
      });
    }
    if (!this.zip.has(workbookPart)) throw new WorkbookFormatError("it has no workbook part");

    const wanted = new Map<string, { key: K; name: string }>(); // by relationship id
    let sheetsRead = false;
    await this.parse(workbookPart, {
      open: (name, attributes) => {
        if (name === "workbookPr") this.date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
        if (name !== "sheet" || attributes.name === undefined) return;
        const key = sheetKey(attributes.name);
        const id = relationshipId(attributes);
        if (key === undefined || id === undefined || [...wanted.values()].some((sheet) => sheet.key === key)) return;
        wanted.set(id, { key, name: attributes.name });
      },
      close: (name) => {
        if (name === "sheets") sheetsRead = true;
      },
      // The sheet list is all this part is read for; defined names and the rest follow it.
      done: () => sheetsRead,
    });

    const relationships = relationshipsPartOf(workbookPart);
    if (!this.zip.has(relationships)) throw new WorkbookFormatError("it has no workbook relationships part");
    const parts = new Map<string, string>(); // relationship id of a wanted sheet → part
    await this.parse(relationships, {
      open: (name, attributes) => {
        if (name !== "Relationship" || !attributes.Type || !attributes.Target || attributes.TargetMode === "External") return;
        const part = resolveTarget(folderOf(workbookPart), attributes.Target);
        if (attributes.Type.endsWith(RELATIONSHIP_TYPE.sharedStrings)) this.sharedStringsPart = part;
        else if (attributes.Type.endsWith(RELATIONSHIP_TYPE.styles)) this.stylesPart = part;
        else if (attributes.Type.endsWith(RELATIONSHIP_TYPE.worksheet) && attributes.Id && wanted.has(attributes.Id)) parts.set(attributes.Id, part);
      },
    });
    for (const [id, { key, name }] of wanted) {
      const part = parts.get(id);
      if (part && this.zip.has(part)) this.sheets.set(key, { name, part });
    }
  }

  /**
   * Streams the rows of a wanted sheet to `onRow` as each row closes (row numbers as in the sheet, from 1),
   * with its non-blank cells. `onRow` may throw to stop the read (the caller's row limit).
   */
  async readSheet(key: K, onRow: (row: number, cells: RowCells) => void): Promise<void> {
    const sheet = this.sheets.get(key);
    if (!sheet) return;
    await this.loadStylesAndStrings();
    const sharedStrings = this.sharedStrings!;
    const dateStyles = this.dateStyles;
    const { maxColumns } = this.limits;

    let inSheetData = false;
    let finished = false;
    let row = 0;
    let cells: Map<number, string> | null = null;
    let column = 0;
    let cell: { type: string; style: number; text: string } | null = null;
    let capture = false; // inside a <v>, or a <t> of an inline string (not of a phonetic run)
    let inPhonetic = false;

    const valueOf = ({ type, style, text }: { type: string; style: number; text: string }): string => {
      switch (type) {
        case "s":
          return sharedStrings.at(Number.parseInt(text, 10)) ?? "";
        case "inlineStr":
        case "str":
          return unescapeXstring(text);
        case "b":
          return text.trim() === "" ? "" : Number(text) !== 0 ? "true" : "false";
        case "e":
          return text;
        case "d": // an ISO 8601 date (§18.18.11), written by few producers
          return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
        default: {
          if (text.trim() === "") return "";
          const number = Number(text);
          if (!Number.isFinite(number)) return text;
          if (dateStyles && style < dateStyles.length && dateStyles[style] === 1) return serialToIsoDate(number, this.date1904) ?? String(number);
          return String(number);
        }
      }
    };

    await this.parse(sheet.part, {
      open: (name, attributes) => {
        if (name === "sheetData") inSheetData = true;
        if (!inSheetData) return;
        switch (name) {
          case "row": {
            const number = attributes.r === undefined ? row + 1 : Number.parseInt(attributes.r, 10);
            if (!Number.isSafeInteger(number) || number < 1) throw new WorkbookFormatError(`sheet "${sheet.name}" has a row numbered ${attributes.r}`);
            row = number;
            cells = new Map();
            column = 0;
            break;
          }
          case "c":
            if (!cells) break;
            column = attributes.r === undefined ? column + 1 : columnOf(attributes.r);
            // Checked as the cell opens, so a row of 100,000 cells is refused at its 101st, never held.
            if (column > maxColumns) throw tooManyColumns(this.limits, `Sheet "${sheet.name}", row ${row},`, this.field);
            cell = { type: attributes.t ?? "n", style: attributes.s === undefined ? 0 : Number.parseInt(attributes.s, 10) || 0, text: "" };
            break;
          case "v":
            capture = cell !== null;
            break;
          case "rPh":
            inPhonetic = true;
            break;
          case "t":
            capture = cell !== null && cell.type === "inlineStr" && !inPhonetic;
            break;
        }
      },
      text: (text) => {
        if (!capture || !cell) return;
        cell.text += text;
        if (cell.text.length > MAX_XML_RUN_CHARS) throw new WorkbookFormatError(`sheet "${sheet.name}", row ${row} has a cell longer than Excel's 32,767 characters`);
      },
      close: (name) => {
        switch (name) {
          case "v":
          case "t":
            capture = false;
            break;
          case "rPh":
            inPhonetic = false;
            break;
          case "c":
            if (cell && cells) {
              const value = valueOf(cell);
              if (value !== "") cells.set(column, value);
            }
            cell = null;
            break;
          case "row":
            if (cells) onRow(row, cells);
            cells = null;
            break;
          case "sheetData":
            // What follows (merged cells, page setup...) is not data: it is neither inflated nor parsed.
            finished = true;
            break;
        }
      },
      done: () => finished,
    });
  }

  private async loadStylesAndStrings(): Promise<void> {
    if (this.sharedStrings) return;
    const sharedStrings = new PackedStrings();
    if (this.stylesPart && this.zip.has(this.stylesPart)) this.dateStyles = await this.readDateStyles(this.stylesPart);
    if (this.sharedStringsPart && this.zip.has(this.sharedStringsPart)) await this.readSharedStrings(this.sharedStringsPart, sharedStrings);
    sharedStrings.seal();
    this.sharedStrings = sharedStrings;
  }

  /** Which cell formats (cellXfs, §18.8.10) show a date, from their number format (numFmts, §18.8.31). */
  private async readDateStyles(part: string): Promise<Uint8Array> {
    const customDateFormats = new Set<number>();
    const dateStyles = new Uint8Array(MAX_STYLES);
    let inCellFormats = false;
    let count = 0;
    await this.parse(part, {
      open: (name, attributes) => {
        if (name === "numFmt") {
          const id = Number.parseInt(attributes.numFmtId ?? "", 10);
          if (id >= 0 && id < MAX_STYLES && customDateFormats.size < MAX_STYLES && isDateFormatCode(attributes.formatCode ?? "")) customDateFormats.add(id);
        } else if (name === "cellXfs") {
          inCellFormats = true;
        } else if (name === "xf" && inCellFormats) {
          const id = Number.parseInt(attributes.numFmtId ?? "0", 10);
          if (count < MAX_STYLES && (isBuiltInDateFormat(id) || customDateFormats.has(id))) dateStyles[count] = 1;
          count++;
        }
      },
      close: (name) => {
        if (name === "cellXfs") inCellFormats = false;
      },
      done: () => count > 0 && !inCellFormats,
    });
    return dateStyles;
  }

  /** The shared string table (§18.4.9): each <si>'s text runs joined, phonetic guides left out. */
  private async readSharedStrings(part: string, strings: PackedStrings): Promise<void> {
    let text: string | null = null;
    let capture = false;
    let inPhonetic = false;
    await this.parse(part, {
      open: (name) => {
        if (name === "si") text = "";
        else if (name === "rPh") inPhonetic = true;
        else if (name === "t") capture = text !== null && !inPhonetic;
      },
      text: (chunk) => {
        if (!capture || text === null) return;
        text += chunk;
        if (text.length > MAX_XML_RUN_CHARS) throw new WorkbookFormatError(`shared string ${strings.length + 1} is longer than Excel's 32,767 characters`);
      },
      close: (name) => {
        if (name === "t") capture = false;
        else if (name === "rPh") inPhonetic = false;
        else if (name === "si" && text !== null) {
          strings.push(unescapeXstring(text));
          text = null;
        }
      },
    });
  }

  /**
   * Parses one part as it inflates. A DTD is refused (OPC forbids them and requires consumers to treat one as
   * an error: ECMA-376 Part 2 §8.1.4, M1.18), and so is a run of MAX_XML_RUN_CHARS that completes nothing.
   */
  private async parse(part: string, handlers: XmlHandlers): Promise<void> {
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    let progressed = false;
    parser.on("opentag", (tag) => {
      progressed = true;
      handlers.open?.(localName(tag.name), tag.attributes);
    });
    parser.on("closetag", (tag) => {
      progressed = true;
      handlers.close?.(localName(tag.name));
    });
    parser.on("text", (text) => {
      progressed = true;
      handlers.text?.(text);
    });
    parser.on("cdata", (text) => {
      progressed = true;
      handlers.text?.(text);
    });
    parser.on("comment", () => (progressed = true));
    parser.on("processinginstruction", () => (progressed = true));
    parser.on("xmldecl", () => (progressed = true));
    parser.on("doctype", () => {
      throw new WorkbookFormatError(`${part} declares a DTD, which the Open Packaging Conventions forbid`);
    });

    // OPC parts are UTF-8 or UTF-16 (Part 2 §8.1.4, M1.17); every producer in use writes UTF-8.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const feed = (chunk?: Buffer) => {
      let text: string;
      try {
        text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        throw new WorkbookFormatError(`${part} is not UTF-8 text`);
      }
      progressed = false;
      try {
        parser.write(text);
        if (!chunk) parser.close();
      } catch (error) {
        // The handlers' own refusals pass; anything else comes from saxes: the part is not well-formed XML.
        if (error instanceof AppError || error instanceof WorkbookFormatError) throw error;
        throw new WorkbookFormatError(`${part} is not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
      }
      run = progressed ? 0 : run + text.length;
      if (run > MAX_XML_RUN_CHARS) throw new WorkbookFormatError(`${part} has ${MAX_XML_RUN_CHARS.toLocaleString("en-US")} characters that complete no XML element`);
    };
    let run = 0;
    for await (const chunk of this.zip.read(part)) {
      feed(chunk);
      if (handlers.done?.()) return;
    }
    feed();
  }
}
