/**
 * The extracted text as one stream: NFC, each line trimmed with its inner whitespace runs
 * collapsed to one space, blank lines dropped, lines joined by BREAK. Whitespace is the only
 * freedom in matching, in two places, and every other character must match exactly:
 * - a BREAK is where the PDF wrapped a line, so it stands for one space or none (Thai wraps
 *   between words without a space);
 * - a space next to a Thai combining mark may be poppler's: it reads the gap left by a
 *   GPOS-shifted mark (ป่า → "ป่ า") as a word space, so it too stands for one space or none.
 * A space of the source must be in the stream (as a space or a BREAK). A leader, a run of five or
 * more dots left to write on (the opinion blocks' `.....`), matches a leader of any such length:
 * the PDF draws it to the width of its block.
 *
 * A match covers whole words: it starts at the stream's start or after a space or BREAK, and ends
 * at the stream's end or before one, so `(ลงชื่อ)` is not found inside `ข้อความ(ลงชื่อ)` nor
 * `ข้อความ` inside `บันทึกข้อความ`. A needle that itself begins with a combining mark is a piece cut
 * out of a word (order-pdf.spec.ts's I-25 runs) and is not held to the start. Thai writes no
 * space between words inside a phrase, so "word" here means a run between spaces.
 */
export const BREAK = '\n';

const THAI_COMBINING_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

function isOptionalSpace(stream: string, i: number): boolean {
  if (stream[i] === BREAK) return true;
  return stream[i] === ' ' && (THAI_COMBINING_MARK.test(stream[i - 1] ?? '') || THAI_COMBINING_MARK.test(stream[i + 1] ?? ''));
}

const LEADER_DOTS = 5;

function dotsAt(text: string, i: number): number {
  let end = i;
  while (text[end] === '.') end++;
  return end - i;
}

const isGap = (c: string | undefined) => c === ' ' || c === BREAK;

function startsWord(stream: string, i: number): boolean {
  return i === 0 || isGap(stream[i - 1]);
}

function endsWord(stream: string, i: number): boolean {
  return i === stream.length || isGap(stream[i]);
}

export function normaliseLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function textStream(extracted: string): string {
  return extracted
    .split(/[\n\r\f\v]+/)
    .map(normaliseLine)
    .filter((l) => l !== '')
    .join(BREAK);
}

/** The end of `needle` in `stream` when it starts exactly at `start`, or -1. */
function matchAt(stream: string, start: number, needle: string): number {
  let i = start;
  let j = 0;
  while (j < needle.length) {
    if (i >= stream.length) return -1;
    if (isOptionalSpace(stream, i)) {
      if (needle[j] === ' ') j++;
      i++;
      continue;
    }
    const leader = dotsAt(needle, j);
    if (leader >= LEADER_DOTS) {
      const drawn = dotsAt(stream, i);
      if (drawn < LEADER_DOTS) return -1;
      i += drawn;
      j += leader;
      continue;
    }
    if (stream[i] !== needle[j]) return -1;
    i++;
    j++;
  }
  return i;
}

/** Where `needle` (normalised as a line) first ends in `stream` at or after `from`, as whole words, or -1. */
export function findInStream(stream: string, needle: string, from = 0): number {
  const text = normaliseLine(needle);
  if (text === '') throw new Error('findInStream: the needle is blank, so it would match anywhere.');
  const anchored = !THAI_COMBINING_MARK.test(text[0]);
  for (let start = from; start < stream.length; start++) {
    if (anchored && !startsWord(stream, start)) continue;
    const end = matchAt(stream, start, text);
    if (end >= 0 && endsWord(stream, end)) return end;
  }
  return -1;
}

export interface OrderCheck {
  readonly found: number;
  /** The first source line not found after the previous one. */
  readonly missing: { readonly line: string; readonly index: number } | null;
}

/** Every line of `source` (normalised) must occur in `stream` after the end of the previous one, so no two share text. */
export function checkLinesInOrder(source: readonly string[], stream: string): OrderCheck {
  let position = 0;
  let found = 0;
  for (const [index, raw] of source.entries()) {
    const end = findInStream(stream, raw, position);
    if (end < 0) return { found, missing: { line: normaliseLine(raw), index } };
    position = end;
    found++;
  }
  return { found, missing: null };
}
