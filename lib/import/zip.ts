import { createInflateRaw } from "node:zlib";

/*
 * The parts of a ZIP archive held in memory (an uploaded XLSX, at most IMPORT_MAX_BYTES), found through the
 * central directory and inflated one at a time, only when asked for, by Node's zlib. Every inflated byte is
 * counted against ONE budget for the whole archive while it streams, and reading stops the moment the budget
 * is spent: a zip bomb (a few kilobytes that inflate to gigabytes) costs at most the budget, never what it
 * claims or what it holds, and parts that are never asked for (images, a bomb hidden in xl/media) are never
 * inflated at all. A full unzip library would inflate every part up front (exceljs's `xlsx.load`) or in
 * archive order (its streaming reader), neither with a bound.
 *
 * The format is PKWARE's APPNOTE.TXT 6.3.10: end of central directory record §4.3.16, central directory file
 * header §4.3.12, local file header §4.3.7. ZIP64 (§4.3.14, archives or parts above 4 GB) and encryption are
 * refused: an import file of at most IMPORT_MAX_BYTES never needs them, and Excel does not write them.
 */

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x0001;
const UTF8_NAME_FLAG = 0x0800;
const ZIP64_MARKER_32 = 0xffffffff;
const ZIP64_MARKER_16 = 0xffff;
/** Slices in which a stored (uncompressed) part is handed out, like zlib's output chunks. */
const STORED_CHUNK_BYTES = 64 * 1024;

export interface ZipBudget {
  /** Uncompressed bytes that all the parts read together may inflate to. */
  maxUncompressedBytes: number;
  /** The error to throw when a part would inflate past the budget. */
  exceeded: () => Error;
}

export class ZipArchive {
  private readonly buffer: Buffer;
  private readonly entries = new Map<string, ZipEntry>();
  private readonly centralDirectoryOffset: number;
  private inflated = 0;

  /**
   * Reads the central directory only; no part is inflated here. More than `maxEntries` parts is refused, so
   * that a directory of many tiny entries cannot be made into a large map.
   */
  constructor(
    bytes: Uint8Array,
    private readonly budget: ZipBudget,
    { maxEntries }: { maxEntries: number },
  ) {
    const buffer = (this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const end = findEndOfCentralDirectory(buffer);
    const count = buffer.readUInt16LE(end + 10);
    const size = buffer.readUInt32LE(end + 12);
    const offset = buffer.readUInt32LE(end + 16);
    if (count === ZIP64_MARKER_16 || size === ZIP64_MARKER_32 || offset === ZIP64_MARKER_32) throw new ZipFormatError("ZIP64 archives are not supported");
    if (buffer.readUInt16LE(end + 4) !== 0 || buffer.readUInt16LE(end + 6) !== 0 || buffer.readUInt16LE(end + 8) !== count) {
      throw new ZipFormatError("multi-disk archives are not supported");
    }
    if (count > maxEntries) throw new ZipFormatError(`more than ${maxEntries} parts`);
    if (offset + size > end) throw new ZipFormatError("the central directory lies outside the archive");
    this.centralDirectoryOffset = offset;

    let at = offset;
    for (let index = 0; index < count; index++) {
      if (at + 46 > offset + size || buffer.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) throw new ZipFormatError("a damaged central directory");
      const nameLength = buffer.readUInt16LE(at + 28);
      const extraLength = buffer.readUInt16LE(at + 30);
      const commentLength = buffer.readUInt16LE(at + 32);
      if (at + 46 + nameLength > offset + size) throw new ZipFormatError("a damaged central directory");
      const flags = buffer.readUInt16LE(at + 8);
      const entry: ZipEntry = {
        name: buffer.toString(flags & UTF8_NAME_FLAG ? "utf8" : "latin1", at + 46, at + 46 + nameLength),
        flags,
        method: buffer.readUInt16LE(at + 10),
        compressedSize: buffer.readUInt32LE(at + 20),
        uncompressedSize: buffer.readUInt32LE(at + 24),
        localHeaderOffset: buffer.readUInt32LE(at + 42),
      };
      if (entry.compressedSize === ZIP64_MARKER_32 || entry.uncompressedSize === ZIP64_MARKER_32 || entry.localHeaderOffset === ZIP64_MARKER_32) {
        throw new ZipFormatError("ZIP64 archives are not supported");
      }
      // OPC part names compare as case-insensitive ASCII (ECMA-376 Part 2 §8.1.1.2, M1.12).
      this.entries.set(entry.name.toLowerCase(), entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Uncompressed bytes inflated so far, every part together. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /**
   * The uncompressed bytes of one part, chunk by chunk, each counted against the archive's budget before it is
   * handed out: past the budget, inflation stops and `budget.exceeded()` is thrown. A part whose declared size
   * alone is past what remains is refused before any inflation (the declared size may lie, hence the count).
   */
  async *read(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new ZipFormatError(`no part ${name}`);
    if (entry.flags & ENCRYPTED_FLAG) throw new ZipFormatError("encrypted parts are not supported");
    if (entry.uncompressedSize > this.budget.maxUncompressedBytes - this.inflated) throw this.budget.exceeded();
    const data = this.compressedData(entry);
    if (entry.method === STORED) {
      for (let at = 0; at < data.length; at += STORED_CHUNK_BYTES) {
        const chunk = data.subarray(at, at + STORED_CHUNK_BYTES);
        this.spend(chunk.length);
        yield chunk;
      }
      return;
    }
    if (entry.method !== DEFLATED) throw new ZipFormatError(`compression method ${entry.method} is not supported`);
    // A stream, not inflateRawSync: its output arrives in 16 KB chunks, only as fast as they are consumed, so
    // memory stays flat whatever the ratio. Leaving the loop (the budget spent, a parse error) destroys it.
    const inflater = createInflateRaw();
    inflater.end(data);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        this.spend(chunk.length);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("Z_")) {
        throw new ZipFormatError(`a damaged part ${entry.name} (${error.message})`);
      }
      throw error;
    }
  }

  private spend(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.budget.maxUncompressedBytes) throw this.budget.exceeded();
  }

  /** The part's compressed bytes (a view, not a copy), after its local header (APPNOTE §4.3.7). */
  private compressedData(entry: ZipEntry): Buffer {
    const { buffer } = this;
    const header = entry.localHeaderOffset;
    if (header + 30 > this.centralDirectoryOffset || buffer.readUInt32LE(header) !== LOCAL_FILE_HEADER) {
      throw new ZipFormatError(`a damaged local header for ${entry.name}`);
    }
    const start = header + 30 + buffer.readUInt16LE(header + 26) + buffer.readUInt16LE(header + 28);
    const end = start + entry.compressedSize;
    if (end > this.centralDirectoryOffset) throw new ZipFormatError(`the data of ${entry.name} runs past the archive`);
    return buffer.subarray(start, end);
  }
}

/** The end of central directory record: the last 22 bytes, or earlier when the archive has a comment (≤ 65,535 bytes). */
function findEndOfCentralDirectory(buffer: Buffer): number {
  const last = buffer.length - 22;
  if (last < 0) throw new ZipFormatError("too short to be a ZIP archive");
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) {
    if (buffer.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY && at + 22 + buffer.readUInt16LE(at + 20) === buffer.length) return at;
  }
  throw new ZipFormatError("no ZIP end of central directory record");
}
