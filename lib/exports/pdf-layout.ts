import type { PreparedText, TextRun } from "./pdf-text";

/*
 * Line breaking of the PDF's text, done here rather than by pdfkit: pdfkit's wrapper cuts a word wider than
 * its column anywhere ("Destinatio|n", "2026-09-0|4"), and a cell measured by one algorithm and drawn by
 * another can end up a line taller than planned. Here a text is laid out once, into lines that are then
 * drawn as they are (each with lineBreak off), so the height a page plans for is the height it gets.
 *
 * Where a line may end:
 * - at a space (U+0020 or a tab; no-break spaces hold, as in "12 345");
 * - after a hyphen inside a word or a code ("no-|encryption-|at-|rest", "Saint-|Denis", "4fac-|bc5c"), never
 *   inside a date ("2026-03-17") nor after a sign ("-5"); in an email or web address, before the hyphen;
 * - between two Chinese, Japanese or Korean characters, which have no spaces (not before a closing mark
 *   such as "，" or "）", nor after an opening one);
 * - never inside a date, ISO ("2026-03-17") or written out ("17 Mar 2026", "17 sept. 2026").
 * A word wider than its column shrinks the cell's type (down to `minSize`; a date shrinks until it fits);
 * only a word still too wide at that size is cut between letters, with a visible hyphen.
 */

/** Width of `text` in `font` at a size of 1 pt. */
export type Measure = (font: string, text: string) => number;

export interface LaidLine {
  runs: TextRun[];
  /** At the layout's size. */
  width: number;
}

export interface LaidText {
  /** The type size the text is drawn in (smaller than asked when a word had to fit). */
  size: number;
  lines: LaidLine[];
}

export interface LayoutOptions {
  width: number;
  size: number;
  /** The smallest size a word may shrink the text to before it is cut (dates shrink further). */
  minSize: number;
}

/** A word (or a part of one between break points) with what precedes it. */
interface Token {
  runs: TextRun[];
  /** Width at 1 pt. */
  width: number;
  /** Whitespace before the token (drawn only inside a line), its font and its width at 1 pt. */
  gap: string;
  gapFont: string;
  gapWidth: number;
  /** A forced line break before the token (a "\n" in the text). */
  newLine: boolean;
  /** Part of a date: never cut, and the cell shrinks until it fits. */
  date: boolean;
}

// Written-out dates as lib/labels formats them ("17 Mar 2026", "1 janv. 2026") and ISO ones (a timestamp
// too: "2026-03-17T14:05:00Z" has no space). The time after a written date may go to the next line.
const DATES = /\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|\b\d{1,2}(?:er)? \p{L}{3,9}\.? \d{4}\b/gu;
/** Email addresses and web addresses. */
const ADDRESSES = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|(?:https?:\/\/|www\.)[^\s<>"]+/gu;
const SPACE = /[ \t]/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const HYPHENS = new Set(["-", "\u2010"]);
/** Han, kana, Hangul and their punctuation: a line may break between any two of them. */
const CJK = /[\u2E80-\u2FFF\u3000-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;
/** Marks that must not start a line (kinsoku). */
const CLOSING = new Set([..."、。，．：；？！）」』】》〉〕］｝〙〗・ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"]);
/** Marks that must not end a line. */
const OPENING = new Set([..."（「『【《〈〔［｛〘〖"]);

const EPSILON = 0.01;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** One character and the font of its run. */
interface Unit {
  text: string;
  font: string;
}

function unitsOf(prepared: PreparedText): Unit[] {
  const units: Unit[] = [];
  for (const run of prepared.runs) for (const character of run.text.replace(/\r\n?/g, "\n")) units.push({ text: character, font: run.font });
  return units;
}

/** What a unit belongs to: a date (its spaces hold, it is never cut) or an address (an email, a URL). */
const DATE = 1;
const ADDRESS = 2;

/** Which units belong to a date or an address. */
function markUnits(units: readonly Unit[]): Uint8Array {
  const marks = new Uint8Array(units.length);
  const text = units.map((unit) => unit.text).join("");
  const hasDigit = /\d/.test(text);
  const hasAddress = /@|:\/\/|www\./.test(text);
  if (!hasDigit && !hasAddress) return marks;
  // Code-unit offsets of the joined string back to unit indexes (a unit may be a surrogate pair).
  const unitAt: number[] = [];
  units.forEach((unit, index) => {
    for (let i = 0; i < unit.text.length; i += 1) unitAt.push(index);
  });
  const mark = (pattern: RegExp, value: number) => {
    for (const match of text.matchAll(pattern)) {
      const first = unitAt[match.index]!;
      const last = unitAt[match.index + match[0].length - 1]!;
      for (let index = first; index <= last; index += 1) marks[index] = value;
    }
  };
  if (hasAddress) mark(ADDRESSES, ADDRESS);
  if (hasDigit) mark(DATES, DATE);
  return marks;
}

/** Whether a line may break between units[index - 1] and units[index] without a space. */
function breakBefore(units: readonly Unit[], index: number, marks: Uint8Array): boolean {
  if (index === 0 || marks[index] === DATE || marks[index - 1] === DATE) return false;
  const previous = units[index - 1]!.text;
  const current = units[index]!.text;
  // In an address, before its hyphens ("privacy@gncc|-demo.example"): a hyphen ending a line would read as
  // one added to split a word, and text extraction would drop it.
  if (marks[index] === ADDRESS && marks[index - 1] === ADDRESS) return HYPHENS.has(current) && WORD_CHARACTER.test(previous);
  // After a hyphen inside a word or code ("no-|encryption", "4fac-|bc5c"), not after a leading one ("-5").
  if (HYPHENS.has(previous)) return index >= 2 && !SPACE.test(units[index - 2]!.text) && !HYPHENS.has(units[index - 2]!.text) && WORD_CHARACTER.test(current);
  if (CJK.test(previous) || CJK.test(current)) return !CLOSING.has(current) && !OPENING.has(previous);
  return false;
}

function pushUnit(runs: TextRun[], unit: Unit): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && last.font === unit.font) last.text += unit.text;
  else runs.push({ font: unit.font, text: unit.text });
}

function widthOf(runs: readonly TextRun[], measure: Measure): number {
  return runs.reduce((sum, run) => sum + measure(run.font, run.text), 0);
}

/** The text cut into tokens at every place a line may end. */
export function tokenize(prepared: PreparedText, measure: Measure): Token[] {
  const units = unitsOf(prepared);
  const marks = markUnits(units);
  const tokens: Token[] = [];
  let current: Token | null = null;
  let gap = "";
  let gapFont = prepared.font;
  let newLine = false;
  const finish = () => {
    if (current) {
      current.width = widthOf(current.runs, measure);
      tokens.push(current);
    }
    current = null;
  };
  units.forEach((unit, index) => {
    if (unit.text === "\n") {
      finish();
      // An empty paragraph still takes its line: a token of nothing after a forced break.
      if (newLine) tokens.push({ runs: [], width: 0, gap: "", gapFont, gapWidth: 0, newLine: true, date: false });
      newLine = true;
      gap = "";
      return;
    }
    if (SPACE.test(unit.text) && marks[index] !== DATE) {
      finish();
      gap += unit.text;
      gapFont = unit.font;
      return;
    }
    if (current && breakBefore(units, index, marks)) finish();
    if (!current) {
      current = { runs: [], width: 0, gap, gapFont, gapWidth: gap ? measure(gapFont, gap) : 0, newLine, date: false };
      gap = "";
      newLine = false;
    }
    pushUnit(current.runs, unit);
    if (marks[index] === DATE) current.date = true;
  });
  finish();
  return tokens;
}

/** The type size at which every token fits `width`: words down to minSize, dates as far as they need. */
export function fittingSize(tokens: readonly Token[], { width, size, minSize }: LayoutOptions): number {
  let widest = 0;
  let widestDate = 0;
  for (const token of tokens) {
    if (token.date) widestDate = Math.max(widestDate, token.width);
    else widest = Math.max(widest, token.width);
  }
  let fitted = size;
  if (widest * fitted > width + EPSILON) fitted = Math.max(minSize, floorTenth(width / widest));
  if (widestDate * fitted > width + EPSILON) fitted = floorTenth(width / widestDate);
  return Math.max(fitted, 1);
}

function floorTenth(value: number): number {
  return Math.floor(value * 10) / 10;
}

/** A word too wide for its column even at the smallest size: cut between characters, each part but the last ending in a hyphen. */
function cutToken(token: Token, width: number, size: number, measure: Measure): LaidLine[] {
  const units: Unit[] = token.runs.flatMap((run) => [...run.text].map((text) => ({ text, font: run.font })));
  const lines: LaidLine[] = [];
  let runs: TextRun[] = [];
  let used = 0;
  units.forEach((unit, index) => {
    const unitWidth = measure(unit.font, unit.text) * size;
    const hyphenWidth = measure(unit.font, "-") * size;
    const last = index === units.length - 1;
    if (runs.length && used + unitWidth + (last ? 0 : hyphenWidth) > width + EPSILON) {
      const previous = runs[runs.length - 1]!;
      // A part that already ends in a hyphen of the text needs no second one.
      const hyphen = HYPHENS.has(previous.text.slice(-1)) ? 0 : measure(previous.font, "-") * size;
      if (hyphen) pushUnit(runs, { text: "-", font: previous.font });
      lines.push({ runs, width: used + hyphen });
      runs = [];
      used = 0;
    }
    pushUnit(runs, unit);
    used += unitWidth;
  });
  if (runs.length) lines.push({ runs, width: used });
  return lines;
}

/**
 * Greedy line filling of the tokens at `size` (every token fits but those that have to be cut). A line that
 * ends at a space or a forced break keeps one space at its end, outside its width: invisible, but text
 * extraction and screen readers then read "these transfers", not "thesetransfers". Not in right-to-left
 * text, where the shaper would draw it at the line's left.
 */
function fill(tokens: readonly Token[], width: number, size: number, measure: Measure, spaceAtBreaks: boolean): LaidLine[] {
  const lines: LaidLine[] = [];
  let line: LaidLine = { runs: [], width: 0 };
  let started = false;
  const close = (atSpace: boolean) => {
    const last = line.runs[line.runs.length - 1];
    if (atSpace && spaceAtBreaks && last) pushUnit(line.runs, { text: " ", font: last.font });
    lines.push(line);
    line = { runs: [], width: 0 };
    started = false;
  };
  for (const token of tokens) {
    if (token.newLine && (started || lines.length > 0)) close(true);
    if (token.runs.length === 0) {
      started = true;
      continue;
    }
    const tokenWidth = token.width * size;
    let gapWidth = line.runs.length ? token.gapWidth * size : 0;
    if (line.runs.length && line.width + gapWidth + tokenWidth > width + EPSILON) {
      close(token.gap !== "");
      gapWidth = 0;
    }
    if (tokenWidth > width + EPSILON && !token.date) {
      if (line.runs.length) close(token.gap !== "");
      const parts = cutToken(token, width, size, measure);
      for (const part of parts.slice(0, -1)) lines.push(part);
      line = parts[parts.length - 1]!;
      started = true;
      continue;
    }
    if (gapWidth) pushUnit(line.runs, { text: token.gap, font: token.gapFont });
    for (const run of token.runs) pushUnit(line.runs, { text: run.text, font: run.font });
    line.width += gapWidth + tokenWidth;
    started = true;
  }
  if (started || line.runs.length) lines.push(line);
  return lines;
}

/** Lays `prepared` out in lines no wider than `options.width` (see the note at the top of the file). */
export function layoutText(prepared: PreparedText, measure: Measure, options: LayoutOptions): LaidText {
  const tokens = tokenize(prepared, measure);
  const size = fittingSize(tokens, options);
  return { size, lines: fill(tokens, options.width, size, measure, !RIGHT_TO_LEFT.test(prepared.measureText)) };
}

/** One line of `prepared` at `size`, ended with "…" where it is wider than `width` (a contents entry). */
export function singleLine(prepared: PreparedText, measure: Measure, width: number, size: number): LaidLine {
  const runs: TextRun[] = [];
  let used = 0;
  const ellipsis = "\u2026";
  const text = prepared.runs.map((run) => run.text).join("");
  const whole = widthOf(prepared.runs, measure) * size;
  if (whole <= width + EPSILON && !text.includes("\n")) return { runs: prepared.runs.map((run) => ({ ...run })), width: whole };
  const room = width - measure(prepared.font, ellipsis) * size;
  for (const unit of unitsOf(prepared)) {
    const unitWidth = unit.text === "\n" ? measure(unit.font, " ") * size : measure(unit.font, unit.text) * size;
    if (used + unitWidth > room) break;
    pushUnit(runs, unit.text === "\n" ? { text: " ", font: unit.font } : unit);
    used += unitWidth;
  }
  pushUnit(runs, { text: ellipsis, font: prepared.font });
  return { runs, width: used + measure(prepared.font, ellipsis) * size };
}
