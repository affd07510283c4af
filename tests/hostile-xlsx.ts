import { constants, crc32, deflateRawSync } from "node:zlib";

/*
 * Hostile XLSX files for tests/import-limits.test.ts and scripts/import-attack.ts, generated small: a sheet's
 * XML is given as a prefix, a unit repeated `count` times and a suffix, and the unit is deflated once and its
 * compressed bytes repeated (each piece compressed on its own and ended with a full flush, so that the copies
 * concatenate into one valid deflate stream). That is how a zip bomb is built: a few megabytes for gigabytes.
 */

// A minimal ZIP writer (APPNOTE.TXT §4.3.7, §4.3.12, §4.3.16): the parts as given, sizes as claimed.

export interface Part {
  name: string;
  /** The raw-deflated bytes. */
  data: Buffer;
  /** The uncompressed size written in the headers: a bomb may understate it. */
  size: number;
  crc: number;
}

export function zip(parts: Part[]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

export function textPart(name: string, text: string): Part {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/** `prefix`, `count` copies of `unit`, `suffix`, deflated without deflating the copies: a few KB for gigabytes. */
export function repeatedPart(name: string, { prefix, unit, count, suffix, claimedSize }: { prefix: string; unit: string; count: number; suffix: string; claimedSize?: number }): Part {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
  const unitBlock = flushed(unit);
  const data = Buffer.concat([flushed(prefix), ...Array.from({ length: count }, () => unitBlock), deflateRawSync(Buffer.from(suffix))]);
  const size = Buffer.byteLength(prefix) + Buffer.byteLength(unit) * count + Buffer.byteLength(suffix);
  // The reader never checks CRCs (a bomb could carry a right one); computing it over gigabytes is pointless.
  return { name, data, size: claimedSize ?? Math.min(size, 0xfffffffe), crc: 0 };
}

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = "</sheetData></worksheet>";

/**
 * The parts of a workbook around its one sheet, named `sheetName`, at xl/worksheets/sheet1.xml; a shared
 * string table, when there is one, at xl/sharedStrings.xml.
 */
export function workbookParts(sheetName = "transfers"): Part[] {
  return [
    textPart(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    textPart(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    textPart(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    textPart(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
  ];
}

/** A workbook of one sheet named `sheetName` ("transfers"), whose part is `sheet`, plus `extra` parts. */
export function workbook(sheet: Part, { sheetName = "transfers", extra = [] }: { sheetName?: string; extra?: Part[] } = {}): Uint8Array<ArrayBuffer> {
  return zip([...workbookParts(sheetName), { ...sheet, name: "xl/worksheets/sheet1.xml" }, ...extra]);
}

/** An inline-string cell, with its reference when given. */
export const inline = (text: string, reference = "") => `<c${reference ? ` r="${reference}"` : ""} t="inlineStr"><is><t>${text}</t></is></c>`;
