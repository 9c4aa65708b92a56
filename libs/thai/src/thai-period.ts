import { readBuddhistYear, type YearReadingOptions } from './buddhist-year';
import { type YearMonth } from './calendar-date';
import { digitScriptOf, toArabicDigits } from './digits';
import { ThaiParseError } from './errors';
import { fiscalYearOf, type YearKind } from './fiscal-year';
import { formatThaiMonth, parseThaiMonth, type ParsedThaiMonth, type ThaiDateStyle } from './thai-date';
import { yearKindFromLabel } from './year-reference';
import { ERA_MARKER_PATTERN, eraMarkerOf, formatYearNumber, parenthesise, unwrapParentheses, type YearStyle } from './year-style';

/** `-` hyphen, `–` en dash (U+2013), or the word `ถึง`; all three occur (§5.4). */
export type RangeSeparator = '-' | '–' | 'ถึง';

/** The separator with the spaces around it as written: `-` in `ต.ค.๖๖-ก.ย. ๖๗`, ` -` in `2566 -2570` (§5.4). */
export type RangeJoiner = `${'' | ' '}${RangeSeparator}${'' | ' '}`;

/** A month as formatThaiPeriod needs it: the value and its style. */
type MonthForm = Pick<ParsedThaiMonth, 'month' | 'style'>;

/**
 * A period's value and the way it was written, without the raw text: what formatThaiPeriod writes.
 * Every ThaiPeriod is one, so `formatThaiPeriod(parseThaiPeriod(text))` gives `text` back, except
 * for the normalisations listed on formatThaiPeriod.
 */
export type ThaiPeriodForm = { readonly parenthesised?: boolean } & (
  | { readonly kind: 'month'; readonly month: MonthForm }
  | { readonly kind: 'month-range'; readonly from: MonthForm; readonly to: MonthForm; readonly joiner: RangeJoiner }
  | { readonly kind: 'open-ended'; readonly from: MonthForm }
  | { readonly kind: 'year-range'; readonly fromBE: number; readonly toBE: number; readonly style: YearStyle; readonly joiner: RangeJoiner }
  | { readonly kind: 'whole-fiscal-year'; readonly spaced: boolean }
);

interface PeriodBase {
  readonly raw: string;
  /** §9 codes, e.g. `W-DUPLICATED-TEXT` for I-28. */
  readonly warnings: readonly string[];
  /** Written inside parentheses: `(พ.ศ. ๒๕๖๑-๒๕๘๐)`. */
  readonly parenthesised: boolean;
}

export type ThaiPeriod =
  | (PeriodBase & { readonly kind: 'month'; readonly month: ParsedThaiMonth })
  | (PeriodBase & {
      readonly kind: 'month-range';
      readonly from: ParsedThaiMonth;
      readonly to: ParsedThaiMonth;
      readonly separator: RangeSeparator;
      readonly joiner: RangeJoiner;
    })
  /** `ม.ค. ๒๕๖๖ เป็นต้นไป`: from a month onwards, no end. */
  | (PeriodBase & { readonly kind: 'open-ended'; readonly from: ParsedThaiMonth })
  | (PeriodBase & {
      readonly kind: 'year-range';
      readonly fromBE: number;
      readonly toBE: number;
      readonly yearKind: YearKind;
      readonly separator: RangeSeparator;
      readonly joiner: RangeJoiner;
      readonly style: YearStyle;
    })
  /**
   * `ตลอดปีงบประمาณ`: the fiscal year comes from the document, passed as `contextFiscalYear`, or stays null.
   * `spaced` for `ตลอด ปีงบประมาณ`; 001 writes both.
   */
  | (PeriodBase & { readonly kind: 'whole-fiscal-year'; readonly fiscalYearBE: number | null; readonly spaced: boolean });

export interface ThaiPeriodOptions extends YearReadingOptions {
  readonly contextFiscalYear?: number;
}

const SEPARATOR = String.raw`(?<before>\s*)(?<separator>–|-|ถึง)(?<after>\s*)`;
const YEAR_RANGE = new RegExp(
  String.raw`^(?<label>\D*?)${ERA_MARKER_PATTERN}(?<from>\d{2}|\d{4})${SEPARATOR}(?<to>\d{2}|\d{4})$`,
  'u',
);
const MONTH_RANGE = new RegExp(String.raw`^(?<from>.+?)${SEPARATOR}(?<to>.+)$`, 'u');
const YEAR_LABEL = /^(?:ประจำปีงบประมาณ|ปีงบประมาณ|ประจำปี|ปี)?$/u;
const OPEN_ENDED = 'เป็นต้นไป';

export function parseThaiPeriod(raw: string, options: ThaiPeriodOptions = {}): ThaiPeriod {
  const unwrapped = unwrapParentheses(raw.trim());
  const { text, warnings } = undoDuplication(unwrapped.text);
  const base = { raw, warnings, parenthesised: unwrapped.parenthesised };
  const wholeYear = /^ตลอด(?<space>\s*)ปีงบประมาณ$/u.exec(text);
  if (wholeYear?.groups) {
    const spaced = wholeYear.groups.space !== '';
    return { ...base, kind: 'whole-fiscal-year', fiscalYearBE: options.contextFiscalYear ?? null, spaced };
  }
  const openEnded = new RegExp(`^(?<from>.+?)\\s*${OPEN_ENDED}$`, 'u').exec(text);
  if (openEnded?.groups) return { ...base, kind: 'open-ended', from: parseThaiMonth(openEnded.groups.from, options) };
  const yearRange = YEAR_RANGE.exec(toArabicDigits(text));
  if (yearRange?.groups && YEAR_LABEL.test(yearRange.groups.label.trim())) {
    return { ...base, ...readYearRange(text, yearRange.groups, options) };
  }
  const monthRange = MONTH_RANGE.exec(text);
  if (monthRange?.groups) return { ...base, ...readMonthRange(raw, monthRange.groups, options) };
  return { ...base, kind: 'month', month: parseMonthOrReject(raw, text, options) };
}

/**
 * A period written the way it was read. Normalised, so not given back as is: a duplicated cell (I-28)
 * is written once; spaces around a separator or between a month and its year become one space (or
 * none, as read); `เป็นต้นไป` follows one space; `พ.ศ` gets its final dot back.
 */
export function formatThaiPeriod(period: ThaiPeriodForm): string {
  return parenthesise(periodText(period), period.parenthesised);
}

function periodText(period: ThaiPeriodForm): string {
  switch (period.kind) {
    case 'month':
      return monthText(period.month);
    case 'month-range':
      return `${monthText(period.from)}${period.joiner}${monthText(period.to)}`;
    case 'open-ended':
      return `${monthText(period.from)} ${OPEN_ENDED}`;
    case 'year-range': {
      const { style } = period;
      return `${style.label}${style.eraMarker}${formatYearNumber(period.fromBE, style)}${period.joiner}${formatYearNumber(period.toBE, style)}`;
    }
    case 'whole-fiscal-year':
      return period.spaced ? 'ตลอด ปีงบประมาณ' : 'ตลอดปีงบประมาณ';
  }
}

function monthText(month: MonthForm): string {
  return formatThaiMonth(month.month, month.style);
}

/** The fiscal year a month range covers exactly (Oct → Sep), as `ต.ค.๖๖-ก.ย. ๖๗` = FY2567; otherwise null. */
export function fiscalYearOfMonthRange(from: YearMonth, to: YearMonth): number | null {
  const exact = from.month === 10 && to.month === 9 && to.year === from.year + 1;
  return exact ? fiscalYearOf(to) : null;
}

/** Both months in one style, the separator between single spaces: `ต.ค. ๖๗ ถึง ก.ย. ๖๘`. */
export function formatThaiMonthRange(
  from: YearMonth,
  to: YearMonth,
  style: ThaiDateStyle,
  separator: RangeSeparator = 'ถึง',
): string {
  return formatThaiPeriod({ kind: 'month-range', from: { month: from, style }, to: { month: to, style }, joiner: ` ${separator} ` });
}

function joinerOf(groups: Record<string, string>): { separator: RangeSeparator; joiner: RangeJoiner } {
  const separator = groups.separator as RangeSeparator;
  const joiner = `${groups.before ? ' ' : ''}${separator}${groups.after ? ' ' : ''}` as RangeJoiner;
  return { separator, joiner };
}

function readYearRange(text: string, groups: Record<string, string>, options: YearReadingOptions) {
  const fromBE = readBuddhistYear(groups.from, text, options).beYear;
  const toBE = readBuddhistYear(groups.to, text, options).beYear;
  if (toBE < fromBE) throw reversed(text);
  const label = text.slice(0, groups.label.length);
  const style: YearStyle = {
    label,
    eraMarker: eraMarkerOf(groups),
    digits: digitScriptOf(text.slice(label.length)),
    // Mixed widths (`2566-70`) are written back in full.
    yearDigits: groups.from.length === 2 && groups.to.length === 2 ? 'two-digit' : 'full',
  };
  return { kind: 'year-range' as const, fromBE, toBE, yearKind: yearKindFromLabel(label), ...joinerOf(groups), style };
}

function readMonthRange(raw: string, groups: Record<string, string>, options: YearReadingOptions) {
  const from = parseThaiMonth(groups.from, options);
  const to = parseThaiMonth(groups.to, options);
  if (to.month.year * 12 + to.month.month < from.month.year * 12 + from.month.month) throw reversed(raw);
  return { kind: 'month-range' as const, from, to, ...joinerOf(groups) };
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
