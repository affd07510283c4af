import path from "node:path";
import * as fontkit from "fontkit";

/*
 * Which embedded font draws which characters of a PDF text. Noto Sans SC covers Latin (with accents) and
 * Chinese but neither Arabic, Hebrew nor emoji: a name or note in those scripts would print as empty boxes,
 * or, for a character no font has, as nothing at all. So each text is drawn in the font of its script
 * (Noto Sans Arabic and Noto Sans Hebrew both carry Latin too, so a mixed "شركة Ltd" stays in one font),
 * emoji in Noto Emoji, and any character no embedded font has becomes a visible replacement mark: a reader
 * must see that something was there.
 *
 * Right-to-left: fontkit, which pdfkit lays text out with, shapes Arabic (joining forms) and orders a
 * right-to-left run for display; the words of a paragraph keep their order per line as lib/exports/pdf-layout.ts
 * breaks them. The runs are drawn one after the other by PdfWriter.drawBlock (lib/exports/pdf.ts).
 */

const FONT_ROOT = path.join("node_modules", "@expo-google-fonts");

export type FontFace = "sc" | "arabic" | "hebrew";

interface FaceFiles {
  regular: string;
  bold: string;
}

const FACE_FILES: Readonly<Record<FontFace, FaceFiles>> = {
  sc: { regular: "noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf", bold: "noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf" },
  arabic: {
    regular: "noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
    bold: "noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
  },
  hebrew: {
    regular: "noto-sans-hebrew/400Regular/NotoSansHebrew_400Regular.ttf",
    bold: "noto-sans-hebrew/700Bold/NotoSansHebrew_700Bold.ttf",
  },
};
const EMOJI_FILE = "noto-emoji/400Regular/NotoEmoji_400Regular.ttf";

/** pdfkit's registered name of a face in a weight. */
export function fontName(face: FontFace, bold: boolean): string {
  return `${face}-${bold ? "bold" : "regular"}`;
}
export const EMOJI_FONT = "emoji";

/** Every font file with the name pdfkit registers it under (pdfkit embeds, subset, only those a page uses). */
export function pdfFontFiles(root = process.cwd()): { name: string; file: string }[] {
  const files = (Object.keys(FACE_FILES) as FontFace[]).flatMap((face) => [
    { name: fontName(face, false), file: path.join(root, FONT_ROOT, FACE_FILES[face].regular) },
    { name: fontName(face, true), file: path.join(root, FONT_ROOT, FACE_FILES[face].bold) },
  ]);
  return [...files, { name: EMOJI_FONT, file: path.join(root, FONT_ROOT, EMOJI_FILE) }];
}

/** The glyph coverage of each font, read once per process (the regular and bold cuts cover the same characters). */
interface Coverage {
  has(face: FontFace | "emoji", codePoint: number): boolean;
}

let coverage: Coverage | undefined;

function fontCoverage(): Coverage {
  if (coverage === undefined) {
    const open = (file: string) => fontkit.openSync(path.join(process.cwd(), FONT_ROOT, file)) as fontkit.Font;
    const fonts = {
      sc: open(FACE_FILES.sc.regular),
      arabic: open(FACE_FILES.arabic.regular),
      hebrew: open(FACE_FILES.hebrew.regular),
      emoji: open(EMOJI_FILE),
    };
    const known = new Map<string, boolean>();
    coverage = {
      has(face, codePoint) {
        const key = `${face}${codePoint}`;
        let has = known.get(key);
        if (has === undefined) {
          has = fonts[face].hasGlyphForCodePoint(codePoint);
          if (known.size > 50_000) known.clear();
          known.set(key, has);
        }
        return has;
      },
    };
  }
  return coverage;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const HEBREW = /[\u0590-\u05FF\uFB1D-\uFB4F]/;
const CJK = /[\u3000-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
/** Below U+0590 Noto Sans SC has every character a register holds (Latin, Greek, Cyrillic, punctuation). */
const OUTSIDE_FAST_PATH = /[^\u0000-\u058F]/;
/** Invisible joiners and selectors of emoji sequences: drawn by no font, and not worth a mark. */
const INVISIBLE = new Set([0x200d, 0xfe0e, 0xfe0f, 0x20e3]);
/** What stands for a character no embedded font has. */
export const REPLACEMENT_MARK = "\u25A1";

export interface TextRun {
  font: string;
  text: string;
}

export interface PreparedText {
  /** The font of the text's script: the one to measure it with. */
  font: string;
  /** Runs to draw in order (more than one only when emoji are mixed in). */
  runs: TextRun[];
  /** The text as measured in `font`: each emoji counted as a wide letter. */
  measureText: string;
}

function faceOf(text: string): FontFace {
  if (CJK.test(text)) return "sc";
  if (ARABIC.test(text)) return "arabic";
  if (HEBREW.test(text)) return "hebrew";
  return "sc";
}

/** Splits `text` into runs of the fonts that can draw it (see the note at the top of the file). */
export function prepareText(text: string, bold = false): PreparedText {
  if (!OUTSIDE_FAST_PATH.test(text)) {
    const font = fontName("sc", bold);
    return { font, runs: [{ font, text }], measureText: text };
  }
  const face = faceOf(text);
  const font = fontName(face, bold);
  const fonts = fontCoverage();
  const mark = fonts.has(face, REPLACEMENT_MARK.codePointAt(0)!) ? REPLACEMENT_MARK : "?";
  const runs: TextRun[] = [];
  let measureText = "";
  const push = (runFont: string, piece: string) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.font === runFont) last.text += piece;
    else runs.push({ font: runFont, text: piece });
  };
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint < 0x0590 || fonts.has(face, codePoint)) {
      push(font, character);
      measureText += character;
    } else if (INVISIBLE.has(codePoint)) {
      continue;
    } else if (fonts.has("emoji", codePoint)) {
      push(EMOJI_FONT, character);
      measureText += "W";
    } else {
      push(font, mark);
      measureText += mark;
    }
  }
  if (runs.length === 0) runs.push({ font, text: "" });
  return { font, runs, measureText };
}
