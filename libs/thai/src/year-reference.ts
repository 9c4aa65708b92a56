import { readBuddhistYear, MIN_BE_YEAR, type YearReadingOptions } from './buddhist-year';
import { toBuddhistYear } from './calendar-date';
import { digitScriptOf, toArabicDigits } from './digits';
import { ThaiParseError } from './errors';
import type { YearKind } from './fiscal-year';
import { ERA_MARKER_PATTERN, eraMarkerOf, formatYearNumber, parenthesise, unwrapParentheses, type YearStyle } from './year-style';

export type YearEra = 'BE' | 'CE';

export interface YearReference {
  readonly beYear: number;
  readonly kind: YearKind;
  /** The era the text was written in; `ITA ๒๐๒๓` is CE (I-32). */
  readonly era: YearEra;
  readonly raw: string;
  /** §9 codes worth showing a reviewer, e.g. `W-CE-YEAR`. */
  readonly warnings: readonly string[];
  readonly style: YearStyle;
  /** Written inside parentheses: `(คำนวณจากปี 2565)`. */
  readonly parenthesised: boolean;
}

/** What formatYearReference needs: the year and how to write it. */
export type YearReferenceForm = Pick<YearReference, 'beYear' | 'era' | 'style'> & { readonly parenthesised?: boolean };

/** The year's kind from the words before it: `…งบประมาณ` is fiscal; anything else is left unspecified (§5.1). */
export function yearKindFromLabel(label: string): YearKind {
  const words = label.replace(/[\s(]+$/u, '');
  if (/งบประมาณ$/u.test(words)) return 'fiscal';
  if (/ปีปฏิทิน$/u.test(words)) return 'calendar';
  return 'unspecified';
}

const YEAR_REFERENCE = new RegExp(String.raw`^(?<label>.*?)${ERA_MARKER_PATTERN}(?<year>\d+)$`, 'u');

/**
 * A single year as written in §5.5: `ประจำปีงบประมาณ พ.ศ. ๒๕๖๘`, `ITA ปี ๒๕๖๖`, `พุทธศักราช 2560`.
 * The words before the year may be any text; only their ending decides the kind.
 */
export function parseYearReference(raw: string, options: YearReadingOptions = {}): YearReference {
  const { text, parenthesised } = unwrapParentheses(raw.trim());
  const match = YEAR_REFERENCE.exec(toArabicDigits(text));
  if (!match?.groups) throw unparseableYear(raw);
  const { year, era } = match.groups;
  const label = text.slice(0, match.groups.label.length);
  const yearText = text.slice(text.length - year.length);
  const digits = digitScriptOf(yearText);
  const base = { kind: yearKindFromLabel(label), raw, parenthesised };
  if (!era && looksChristian(year)) {
    const style: YearStyle = { label, eraMarker: '', digits, yearDigits: 'full' };
    return { ...base, beYear: toBuddhistYear(Number(year)), era: 'CE', warnings: ['W-CE-YEAR'], style };
  }
  const { beYear, yearDigits } = readBuddhistYear(yearText, raw, options);
  return { ...base, beYear, era: 'BE', warnings: [], style: { label, eraMarker: eraMarkerOf(match.groups), digits, yearDigits } };
}

/** The year written back in its style: `formatYearReference(parseYearReference(text))` is `text` (see YearEraMarker for `พ.ศ`). */
export function formatYearReference(reference: YearReferenceForm): string {
  const { label, eraMarker } = reference.style;
  return parenthesise(`${label}${eraMarker}${formatYearNumber(reference.beYear, reference.style, reference.era)}`, reference.parenthesised);
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
