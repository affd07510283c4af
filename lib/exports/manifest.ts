import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { DOCUMENT_KINDS } from "@/db/schema/enum-values";
import { signedAuditHead } from "@/lib/audit/head";

/**
 * A document filed with a record the export covers (lib/exports/manifest-documents.ts says which): the version
 * the manifest vouches for, by its SHA-256, so that the file itself can be produced and checked later.
 */
export const manifestDocument = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  /** The record the document is filed with. */
  record: z.object({ type: z.enum(["agreement", "transfer", "activity", "tia"]), id: z.string() }),
  /** The version number listed: the current one on the export's day (the audit trail: each version uploaded in its period). */
  version: z.number().int().positive(),
  fileName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type ManifestDocument = z.output<typeof manifestDocument>;

/**
 * The integrity manifest of an export: what was exported, when, by whom, against which point of the audit
 * chain, and the SHA-256 of the exact bytes, so that a file handed to a regulator can be checked later.
 */
export const exportManifest = z.object({
  report: z.string(),
  format: z.enum(["csv", "xlsx", "pdf", "json"]),
  template: z.string(),
  /** The language the file is written in; absent from manifests made before reports had one (English). */
  language: z.enum(["en", "fr"]).optional(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  /** The day the export describes. */
  asOf: z.string(),
  /** True when the register was rebuilt as it stood at the end of `asOf` (from the audit trail). */
  pointInTime: z.boolean().optional(),
  includePending: z.boolean().optional(),
  /** The audit trail export's period (UTC days, inclusive). */
  period: z.object({ from: z.string(), to: z.string() }).optional(),
  /** The file name the download carries. */
  fileName: z.string().optional(),
  rowCount: z.number().int().nonnegative(),
  /** Hash of the latest audit event when the export ran (null: empty trail). */
  auditChainHead: z.string().nullable(),
  /**
   * The audit chain's signed head when the export ran (count, last event, hash, HMAC under the audit key): kept
   * with the file, out of the database's reach, so that `npm run audit:verify -- MANIFEST` detects the removal
   * of events the export saw. Absent from manifests made before heads were signed.
   */
  auditHead: signedAuditHead.optional(),
  byteLength: z.number().int().nonnegative().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The documents behind the records exported, by hash; absent when there are none (and before documents were kept). */
  documents: z.array(manifestDocument).optional(),
});

export type ExportManifest = z.output<typeof exportManifest>;

/** Bytes counted and hashed as they pass; read `sha256()` once the stream has finished. */
export interface HashingTap {
  stream: Transform;
  sha256: () => string;
  byteLength: () => number;
}

function tap(hash: Hash, counter: { bytes: number }) {
  return (chunk: Buffer | string) => {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    hash.update(buffer);
    counter.bytes += buffer.length;
    return buffer;
  };
}

/** A pass-through that hashes what it forwards: the exported file on its way to the client. */
export function createHashingTap(): HashingTap {
  const hash = createHash("sha256");
  const counter = { bytes: 0 };
  const seen = tap(hash, counter);
  let digest: string | null = null;
  const stream = new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      callback(null, seen(chunk));
    },
  });
  return {
    stream,
    sha256: () => (digest ??= hash.digest("hex")),
    byteLength: () => counter.bytes,
  };
}

/** A sink that only hashes: an export run for its manifest. */
export function createHashingSink(): { stream: Writable; sha256: () => string; byteLength: () => number } {
  const hash = createHash("sha256");
  const counter = { bytes: 0 };
  const seen = tap(hash, counter);
  let digest: string | null = null;
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      seen(chunk);
      callback();
    },
  });
  return { stream, sha256: () => (digest ??= hash.digest("hex")), byteLength: () => counter.bytes };
}

export function sha256OfBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Streams a file through SHA-256 (exports can be large). */
export async function sha256OfFile(path: string): Promise<{ sha256: string; byteLength: number }> {
  const sink = createHashingSink();
  await pipeline(createReadStream(path), sink.stream);
  return { sha256: sink.sha256(), byteLength: sink.byteLength() };
}

export type ManifestCheck = { ok: true } | { ok: false; reason: string };

/** Parses a manifest's text; a malformed manifest is a failed check, with the reason. */
export function parseManifest(text: string): { ok: true; manifest: ExportManifest } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "the manifest is not JSON" };
  }
  const result = exportManifest.safeParse(json);
  if (!result.success) {
    return { ok: false, reason: `the manifest is invalid: ${result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}` };
  }
  return { ok: true, manifest: result.data };
}

/**
 * Checks an exported file against its manifest: the SHA-256 (and size, when recorded) of the bytes, then for
 * JSON the number of rows. CSV and XLSX rows are not recounted: a quoted field may hold line breaks, so only
 * a CSV parser could count them, and the hash already covers every byte.
 */
export function verifyExport({
  manifest,
  sha256,
  byteLength,
  jsonRowCount,
}: {
  manifest: ExportManifest;
  sha256: string;
  byteLength?: number;
  /** For a JSON export: the length of its `rows` array. */
  jsonRowCount?: number;
}): ManifestCheck {
  if (manifest.byteLength !== undefined && byteLength !== undefined && manifest.byteLength !== byteLength) {
    return { ok: false, reason: `the file has ${byteLength} bytes, the manifest says ${manifest.byteLength}` };
  }
  if (sha256 !== manifest.sha256) return { ok: false, reason: `SHA-256 mismatch: the file hashes to ${sha256}, the manifest says ${manifest.sha256}` };
  if (manifest.format === "json" && jsonRowCount !== undefined && jsonRowCount !== manifest.rowCount) {
    return { ok: false, reason: `the file has ${jsonRowCount} rows, the manifest says ${manifest.rowCount}` };
  }
  return { ok: true };
}

/** Verifies bytes held in memory (tests, small files). */
export function verifyExportBytes(bytes: Uint8Array, manifest: ExportManifest): ManifestCheck {
  const hashCheck = verifyExport({ manifest, sha256: sha256OfBytes(bytes), byteLength: bytes.length });
  if (!hashCheck.ok || manifest.format !== "json") return hashCheck;
  // The hash matched, so these are the exported bytes: the row count cross-checks the manifest itself.
  let rows: unknown;
  try {
    rows = (JSON.parse(Buffer.from(bytes).toString("utf8")) as { rows?: unknown }).rows;
  } catch {
    return { ok: false, reason: "the JSON export does not parse" };
  }
  if (!Array.isArray(rows)) return { ok: false, reason: "the JSON export has no rows array" };
  return verifyExport({ manifest, sha256: manifest.sha256, jsonRowCount: rows.length });
}

/** Verifies a file on disk against a manifest file: the logic of `npm run export:verify FILE MANIFEST`. */
export async function verifyExportFile({ filePath, manifestText }: { filePath: string; manifestText: string }): Promise<ManifestCheck> {
  const parsed = parseManifest(manifestText);
  if (!parsed.ok) return parsed;
  const { manifest } = parsed;
  const { sha256, byteLength } = await sha256OfFile(filePath);
  const hashCheck = verifyExport({ manifest, sha256, byteLength });
  if (!hashCheck.ok || manifest.format !== "json") return hashCheck;
  return verifyExportBytes(await readFile(filePath), manifest);
}
