import { toArabicDigits } from './digits';
import { ThaiParseError } from './errors';
import { MONTH_NAME_PATTERN } from './months';
import { parseThaiDate, parseThaiMonth, type ParsedThaiDate, type ParsedThaiMonth, type ThaiDateParseOptions } from './thai-date';

export type FoundThaiDate =
  | { readonly kind: 'date'; readonly index: number; readonly raw: string; readonly value: ParsedThaiDate }
  | { readonly kind: 'month'; readonly index: number; readonly raw: string; readonly value: ParsedThaiMonth }
  | { readonly kind: 'invalid'; readonly index: number; readonly raw: string; readonly error: ThaiParseError };

// A month name is a date only with a year after it (§5.4): `สำนักงาน ก.พ.` and `ก.พ.ร.` are agencies.
const DATE_IN_TEXT = new RegExp(
  String.raw`(?:(?:สั่ง\s*ณ\s*วันที่|เมื่อวันที่|ลงวันที่|วันที่)\s*)?` +
    String.raw`(?:(?<![\d.,])(?<day>\d{1,2})\s*)?` +
    String.raw`(?:${MONTH_NAME_PATTERN})\s*(?:พ\.ศ\.?\s*)?\d+(?![\d.,]\d)`,
  'g',
);

/** Every full or month-precision Thai date in running text, impossible ones reported in place. */
export function findThaiDates(text: string, options: ThaiDateParseOptions = {}): FoundThaiDate[] {
  const found: FoundThaiDate[] = [];
  for (const match of toArabicDigits(text).matchAll(DATE_IN_TEXT)) {
    const raw = text.slice(match.index, match.index + match[0].length);
    found.push(readFound(raw, match.index, match.groups?.day !== undefined, options));
  }
  return found;
}

function readFound(raw: string, index: number, hasDay: boolean, options: ThaiDateParseOptions): FoundThaiDate {
  try {
    return hasDay
      ? { kind: 'date', index, raw, value: parseThaiDate(raw, options) }
      : { kind: 'month', index, raw, value: parseThaiMonth(raw, options) };
  } catch (error) {
    if (error instanceof ThaiParseError) return { kind: 'invalid', index, raw, error };
    throw error;
  }
}
