import { digitsUsed, toArabicDigits, type DigitScript, type DigitsUsed } from './digits';
import { ThaiParseError } from './errors';

export interface ThaiNumber {
  readonly value: number;
  readonly raw: string;
  readonly digits: DigitsUsed;
  /** Digits after the decimal point as written: `๙๘.๘๐` has 2, so it prints back the same. */
  readonly fractionDigits: number;
  readonly grouped: boolean;
  /** An explicit `+`, as in the gain `+๘.๔๔`. */
  readonly explicitPlus: boolean;
}

export interface ThaiNumberFormat {
  readonly digits: DigitScript;
  readonly fractionDigits?: number;
  readonly grouped?: boolean;
  readonly explicitPlus?: boolean;
}

const NUMBER = /^(?<sign>[+-]?)(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))?$/;

export function parseThaiNumber(raw: string): ThaiNumber {
  const text = raw.trim();
  const digits = digitsUsed(text);
  const match = NUMBER.exec(toArabicDigits(text));
  // `0๑๒` mixes scripts because it is an ITA code (I-2), not a number: see normaliseItaCode.
  if (!match?.groups || digits === 'mixed') {
    throw new ThaiParseError(
      'THAI_NUMBER_UNPARSEABLE',
      `"${raw}" is not a number${digits === 'mixed' ? ' (it mixes Thai and Arabic digits)' : ''}.`,
      `"${raw}" ไม่ใช่ตัวเลข${digits === 'mixed' ? ' (ปนเลขไทยกับเลขอารบิก)' : ''}`,
      raw,
    );
  }
  const { sign, whole, fraction = '' } = match.groups;
  const value = Number(`${sign}${whole.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
  return { value, raw, digits, fractionDigits: fraction.length, grouped: whole.includes(','), explicitPlus: sign === '+' };
}

const NONE = '-';

/** A budget cell of §8.4: a number, or `-` for none (null). */
export function parseBudgetCell(raw: string): ThaiNumber | null {
  return raw.trim() === NONE ? null : parseThaiNumber(raw);
}

export function formatBudgetCell(value: number | null, format: ThaiNumberFormat): string {
  return value === null ? NONE : formatThaiNumber(value, format);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatThaiNumber(value: number, format: ThaiNumberFormat): string {
  const fractionDigits = format.fractionDigits ?? 0;
  const key = `${format.digits}|${fractionDigits}|${format.grouped ?? false}|${format.explicitPlus ?? false}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(`th-TH-u-nu-${format.digits === 'thai' ? 'thai' : 'latn'}`, {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      useGrouping: format.grouped ?? false,
      signDisplay: format.explicitPlus ? 'exceptZero' : 'auto',
    });
    numberFormats.set(key, formatter);
  }
  return formatter.format(value);
}

/** The same number written back the way it was read. */
export function formatLike(value: number, like: ThaiNumber): string {
  return formatThaiNumber(value, {
    digits: like.digits === 'arabic' ? 'arabic' : 'thai',
    fractionDigits: like.fractionDigits,
    grouped: like.grouped,
    explicitPlus: like.explicitPlus,
  });
}

export interface FoundThaiNumber extends ThaiNumber {
  readonly index: number;
}

// Not glued to a Latin letter or to another number: `O๑` and `ita๒๐๒๓` are codes, not numbers.
const NUMBER_IN_TEXT = /(?<![A-Za-z0-9])(?<!\d[.,])\+?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d)/g;

/**
 * Every number in running text, in order. Tokens that mix Thai and Arabic digits are skipped:
 * in the seeds they are ITA codes (`0๑๒`, I-2), read with normaliseItaCode.
 */
export function findThaiNumbers(text: string): FoundThaiNumber[] {
  const arabic = toArabicDigits(text);
  return [...arabic.matchAll(NUMBER_IN_TEXT)]
    .map((match) => ({ index: match.index, raw: text.slice(match.index, match.index + match[0].length) }))
    .filter(({ raw }) => digitsUsed(raw) !== 'mixed')
    .map(({ index, raw }) => ({ ...parseThaiNumber(raw), index }));
}

/**
 * The formatter for numbers in running text: `text` with each number findThaiNumbers finds written
 * again by `write`, everything between them kept. With `formatLike` it gives `text` back.
 */
export function rewriteThaiNumbers(text: string, write: (found: FoundThaiNumber) => string): string {
  let written = '';
  let end = 0;
  for (const found of findThaiNumbers(text)) {
    written += text.slice(end, found.index) + write(found);
    end = found.index + found.raw.length;
  }
  return written + text.slice(end);
}
