/**
 * The extracted text as one stream: NFC, each line trimmed with its inner whitespace runs
 * collapsed to one space, blank lines dropped, lines joined by BREAK. Whitespace is the only
 * freedom in matching, in two places, and every other character must match exactly:
 * - a BREAK is where the PDF wrapped a line, so it stands for one space or none (Thai wraps
 *   between words without a space);
 * - a space next to a Thai combining mark may be poppler's: it reads the gap left by a
 *   GPOS-shifted mark (ป่า → "ป่ า") as a word space, so it too stands for one space or none.
 */
export const BREAK = '\n';

const THAI_COMBINING_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

function isOptionalSpace(stream: string, i: number): boolean {
  if (stream[i] === BREAK) return true;
  return stream[i] === ' ' && (THAI_COMBINING_MARK.test(stream[i - 1] ?? '') || THAI_COMBINING_MARK.test(stream[i + 1] ?? ''));
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
    if (stream[i] !== needle[j]) return -1;
    i++;
    j++;
  }
  return i;
}

/** Where `needle` first ends in `stream` at or after `from`, or -1. */
export function findInStream(stream: string, needle: string, from = 0): number {
  for (let start = from; start < stream.length; start++) {
    const end = matchAt(stream, start, needle);
    if (end >= 0) return end;
  }
  return -1;
}

export interface OrderCheck {
  readonly found: number;
  /** The first source line not found after the previous one. */
  readonly missing: { readonly line: string; readonly index: number } | null;
}

/** Every line of `source` (normalised) must occur in `stream` after the previous one. */
export function checkLinesInOrder(source: readonly string[], stream: string): OrderCheck {
  let position = 0;
  let found = 0;
  for (const [index, raw] of source.entries()) {
    const line = normaliseLine(raw);
    const end = findInStream(stream, line, position);
    if (end < 0) return { found, missing: { line, index } };
    position = end;
    found++;
  }
  return { found, missing: null };
}
