import { toArabicDigits, toThaiDigits } from './digits';
import { ThaiParseError } from './errors';

export type YearDigits = 'full' | 'two-digit';

export interface YearReadingOptions {
  /**
   * The BE century a two-digit year belongs to. §5.1: `๖๗` is the last two digits of a
   * 25xx year, so the default is 2500; a caller that knows better (an archive of the
   * 2400s) passes its own.
   */
  readonly twoDigitYearBase?: number;
}

/** Four-digit BE years accepted as dates: 1857–2456 CE. A 4-digit number below is likely a CE year. */
export const MIN_BE_YEAR = 2400;
export const MAX_BE_YEAR = 2999;

export function readBuddhistYear(digits: string, raw: string, options: YearReadingOptions = {}) {
  const arabic = toArabicDigits(digits);
  if (arabic.length === 2) {
    return { beYear: (options.twoDigitYearBase ?? 2500) + Number(arabic), yearDigits: 'two-digit' as const };
  }
  if (arabic.length !== 4) throw malformedYear(digits, raw);
  const beYear = Number(arabic);
  if (beYear < MIN_BE_YEAR || beYear > MAX_BE_YEAR) throw yearOutOfRange(beYear, raw);
  return { beYear, yearDigits: 'full' as const };
}

/** I-1: `๒๕๕๖๗` is reported with the years one deleted digit would give; a human picks one. */
export function malformedYear(digits: string, raw: string): ThaiParseError {
  const candidates = yearCandidates(toArabicDigits(digits));
  return new ThaiParseError(
    'THAI_YEAR_MALFORMED',
    `"${digits}" is not a 4-digit Buddhist-era year.` +
      (candidates.length ? ` Perhaps one of: ${candidates.join(', ')}.` : ''),
    `"${digits}" ไม่ใช่ปี พ.ศ. ๔ หลัก` +
      (candidates.length ? ` อาจหมายถึง ${candidates.map((y) => toThaiDigits(y)).join(', ')}` : ''),
    raw,
    { year: digits, candidates, domainCode: 'W-YEAR-MALFORMED' },
  );
}

function yearCandidates(arabic: string): number[] {
  if (arabic.length !== 5) return [];
  const years = new Set<number>();
  for (let i = 0; i < arabic.length; i++) years.add(Number(arabic.slice(0, i) + arabic.slice(i + 1)));
  return [...years].filter((y) => y >= MIN_BE_YEAR && y <= MAX_BE_YEAR).sort((a, b) => b - a);
}

function yearOutOfRange(beYear: number, raw: string): ThaiParseError {
  return new ThaiParseError(
    'THAI_YEAR_OUT_OF_RANGE',
    `Year ${beYear} is outside the Buddhist-era years ${MIN_BE_YEAR}–${MAX_BE_YEAR}; is it a Christian-era year?`,
    `ปี ${toThaiDigits(beYear)} อยู่นอกช่วงปี พ.ศ. ที่รับได้ อาจเป็นปี ค.ศ.`,
    raw,
    { year: beYear },
  );
}
