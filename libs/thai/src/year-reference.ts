import { readBuddhistYear, MIN_BE_YEAR, type YearReadingOptions } from './buddhist-year';
import { toBuddhistYear } from './calendar-date';
import { toArabicDigits } from './digits';
import { ThaiParseError } from './errors';
import type { YearKind } from './fiscal-year';

export type YearEra = 'BE' | 'CE';

export interface YearReference {
  readonly beYear: number;
  readonly kind: YearKind;
  /** The era the text was written in; `ITA ๒๐๒๓` is CE (I-32). */
  readonly era: YearEra;
  readonly raw: string;
  /** §9 codes worth showing a reviewer, e.g. `W-CE-YEAR`. */
  readonly warnings: readonly string[];
}

/** The year's kind from the words before it: `…งบประมาณ` is fiscal; anything else is left unspecified (§5.1). */
export function yearKindFromLabel(label: string): YearKind {
  const words = label.replace(/[\s(]+$/u, '');
  if (/งบประมาณ$/u.test(words)) return 'fiscal';
  if (/ปีปฏิทิน$/u.test(words)) return 'calendar';
  return 'unspecified';
}

const ERA_MARKER = String.raw`(?:(?<era>พ\.ศ\.?|พุทธศักราช)\s*)?`;
const YEAR_REFERENCE = new RegExp(String.raw`^(?<label>.*?)${ERA_MARKER}(?<year>\d+)\)?$`, 'u');

/**
 * A single year as written in §5.5: `ประจำปีงบประมาณ พ.ศ. ๒๕๖๘`, `ITA ปี ๒๕๖๖`, `พุทธศักราช 2560`.
 * The words before the year may be any text; only their ending decides the kind.
 */
export function parseYearReference(raw: string, options: YearReadingOptions = {}): YearReference {
  const text = raw.trim();
  const match = YEAR_REFERENCE.exec(toArabicDigits(text));
  if (!match?.groups) throw unparseableYear(raw);
  const { label, era, year } = match.groups;
  const yearText = yearTextOf(text, year, match[0].endsWith(')'));
  const kind = yearKindFromLabel(label);
  if (!era && looksChristian(year)) {
    return { beYear: toBuddhistYear(Number(year)), kind, era: 'CE', raw, warnings: ['W-CE-YEAR'] };
  }
  const { beYear } = readBuddhistYear(yearText, raw, options);
  return { beYear, kind, era: 'BE', raw, warnings: [] };
}

function yearTextOf(text: string, arabicYear: string, closingParen: boolean): string {
  const end = text.length - (closingParen ? 1 : 0);
  return text.slice(end - arabicYear.length, end);
}

function looksChristian(year: string): boolean {
  return year.length === 4 && Number(year) >= 1800 && Number(year) < MIN_BE_YEAR;
}

function unparseableYear(raw: string): ThaiParseError {
  return new ThaiParseError(
    'THAI_YEAR_MALFORMED',
    `"${raw}" has no year at its end.`,
    `"${raw}" ไม่มีตัวเลขปีอยู่ท้ายข้อความ`,
    raw,
  );
}
