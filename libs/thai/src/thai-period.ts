import { readBuddhistYear, type YearReadingOptions } from './buddhist-year';
import { type YearMonth } from './calendar-date';
import { toArabicDigits } from './digits';
import { ThaiParseError } from './errors';
import { fiscalYearOf, type YearKind } from './fiscal-year';
import { formatThaiMonth, parseThaiMonth, type ParsedThaiMonth, type ThaiDateStyle } from './thai-date';
import { yearKindFromLabel } from './year-reference';

/** `-` hyphen, `–` en dash (U+2013), or the word `ถึง`; all three occur (§5.4). */
export type RangeSeparator = '-' | '–' | 'ถึง';

interface PeriodBase {
  readonly raw: string;
  /** §9 codes, e.g. `W-DUPLICATED-TEXT` for I-28. */
  readonly warnings: readonly string[];
}

export type ThaiPeriod =
  | (PeriodBase & { readonly kind: 'month'; readonly month: ParsedThaiMonth })
  | (PeriodBase & {
      readonly kind: 'month-range';
      readonly from: ParsedThaiMonth;
      readonly to: ParsedThaiMonth;
      readonly separator: RangeSeparator;
    })
  /** `ม.ค. ๒๕๖๖ เป็นต้นไป`: from a month onwards, no end. */
  | (PeriodBase & { readonly kind: 'open-ended'; readonly from: ParsedThaiMonth })
  | (PeriodBase & {
      readonly kind: 'year-range';
      readonly fromBE: number;
      readonly toBE: number;
      readonly yearKind: YearKind;
      readonly separator: RangeSeparator;
    })
  /** `ตลอดปีงบประมาณ`: the fiscal year comes from the document, passed as `contextFiscalYear`, or stays null. */
  | (PeriodBase & { readonly kind: 'whole-fiscal-year'; readonly fiscalYearBE: number | null });

export interface ThaiPeriodOptions extends YearReadingOptions {
  readonly contextFiscalYear?: number;
}

const SEPARATOR = String.raw`(?<separator>–|-|ถึง)`;
const YEAR_RANGE = new RegExp(
  String.raw`^(?<label>\D*?)\s*(?:พ\.ศ\.?\s*)?(?<from>\d{2}|\d{4})\s*${SEPARATOR}\s*(?<to>\d{2}|\d{4})$`,
  'u',
);
const MONTH_RANGE = new RegExp(String.raw`^(?<from>.+?)\s*${SEPARATOR}\s*(?<to>.+)$`, 'u');
const YEAR_LABEL = /^(?:ประจำปีงบประมาณ|ปีงบประมาณ|ประจำปี|ปี)?$/u;

export function parseThaiPeriod(raw: string, options: ThaiPeriodOptions = {}): ThaiPeriod {
  const { text, warnings } = undoDuplication(stripParentheses(raw.trim()));
  const base = { raw, warnings };
  if (/^ตลอด\s*ปีงบประมาณ$/u.test(text)) {
    return { ...base, kind: 'whole-fiscal-year', fiscalYearBE: options.contextFiscalYear ?? null };
  }
  const openEnded = /^(?<from>.+?)\s*เป็นต้นไป$/u.exec(text);
  if (openEnded?.groups) return { ...base, kind: 'open-ended', from: parseThaiMonth(openEnded.groups.from, options) };
  const yearRange = YEAR_RANGE.exec(toArabicDigits(text));
  if (yearRange?.groups && YEAR_LABEL.test(yearRange.groups.label.trim())) {
    return { ...base, ...readYearRange(text, yearRange.groups, options) };
  }
  const monthRange = MONTH_RANGE.exec(text);
  if (monthRange?.groups) return { ...base, ...readMonthRange(raw, monthRange.groups, options) };
  return { ...base, kind: 'month', month: parseMonthOrReject(raw, text, options) };
}

/** The fiscal year a month range covers exactly (Oct → Sep), as `ต.ค.๖๖-ก.ย. ๖๗` = FY2567; otherwise null. */
export function fiscalYearOfMonthRange(from: YearMonth, to: YearMonth): number | null {
  const exact = from.month === 10 && to.month === 9 && to.year === from.year + 1;
  return exact ? fiscalYearOf(to) : null;
}

export function formatThaiMonthRange(
  from: YearMonth,
  to: YearMonth,
  style: ThaiDateStyle,
  separator: RangeSeparator = 'ถึง',
): string {
  return `${formatThaiMonth(from, style)} ${separator} ${formatThaiMonth(to, style)}`;
}

function readYearRange(text: string, groups: Record<string, string>, options: YearReadingOptions) {
  const fromBE = readBuddhistYear(groups.from, text, options).beYear;
  const toBE = readBuddhistYear(groups.to, text, options).beYear;
  if (toBE < fromBE) throw reversed(text);
  const separator = groups.separator as RangeSeparator;
  return { kind: 'year-range' as const, fromBE, toBE, yearKind: yearKindFromLabel(groups.label), separator };
}

function readMonthRange(raw: string, groups: Record<string, string>, options: YearReadingOptions) {
  const from = parseThaiMonth(groups.from, options);
  const to = parseThaiMonth(groups.to, options);
  if (to.month.year * 12 + to.month.month < from.month.year * 12 + from.month.month) throw reversed(raw);
  return { kind: 'month-range' as const, from, to, separator: groups.separator as RangeSeparator };
}

function parseMonthOrReject(raw: string, text: string, options: YearReadingOptions): ParsedThaiMonth {
  try {
    return parseThaiMonth(text, options);
  } catch (error) {
    if (error instanceof ThaiParseError && error.code === 'THAI_DATE_UNPARSEABLE') {
      throw new ThaiParseError(
        'THAI_PERIOD_UNPARSEABLE',
        `"${raw}" is not a month, a range of months or years, or an open-ended period.`,
        `"${raw}" ไม่ใช่เดือน ช่วงเดือน ช่วงปี หรือระยะเวลาที่อ่านได้`,
        raw,
      );
    }
    throw error;
  }
}

function stripParentheses(text: string): string {
  const inner = /^\((.*)\)$/u.exec(text);
  return inner ? inner[1].trim() : text;
}

/** I-28: a cell that repeats its own range (`ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖ ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖`) is read once, with a warning. */
function undoDuplication(text: string): { text: string; warnings: string[] } {
  const repeated = /^(?<once>.+)\s+\k<once>$/u.exec(text);
  return repeated?.groups ? { text: repeated.groups.once, warnings: ['W-DUPLICATED-TEXT'] } : { text, warnings: [] };
}

function reversed(raw: string): ThaiParseError {
  return new ThaiParseError(
    'THAI_PERIOD_UNPARSEABLE',
    `"${raw}" ends before it starts.`,
    `"${raw}" มีวันสิ้นสุดก่อนวันเริ่มต้น`,
    raw,
    { reason: 'reversed' },
  );
}
