/*
 * The name a stored version keeps and a download carries. The uploaded name is the user's (a browser sends the
 * base name, a script may send anything): path parts, control and bidirectional-override characters, characters
 * that Windows or a shell treat specially are removed, it is cut to a length every file system accepts, and it
 * ends with the extension of the type read from the bytes (a "contract.pdf" that is a PNG is stored as
 * "contract.pdf.png"), so that the file opens with the right program wherever it is saved.
 */

const MAX_NAME_CHARS = 120;

// C0/C1 controls, bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), and what Windows forbids.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;

/** A safe file name for the stored version, ending in `.${extension}`. */
export function sanitizeFileName(uploaded: string, extension: string): string {
  // The last path segment, whichever separator the client's system used.
  const base = uploaded.split(/[\\/]/).pop() ?? "";
  let name = base.normalize("NFC").replace(UNSAFE, "").replace(/\s+/g, " ").trim();
  // No leading dots (hidden files, "..") and no trailing dots or spaces (Windows drops them).
  name = name.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  const suffix = `.${extension}`;
  const stem = name.toLowerCase().endsWith(suffix) ? name.slice(0, -suffix.length) : name;
  // Counted in code points, so that a cut never splits a character in two.
  const chars = [...stem.replace(/[.\s]+$/, "")];
  const cut = chars.slice(0, MAX_NAME_CHARS - suffix.length).join("").trim();
  return `${cut || "document"}${suffix}`;
}

/**
 * `attachment` with the name twice (RFC 6266): `filename` in ASCII for old clients (other characters as "_"),
 * `filename*` in UTF-8, percent-encoded (RFC 5987 / 8187), which every current browser prefers.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
