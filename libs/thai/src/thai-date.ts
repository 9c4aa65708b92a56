import { readBuddhistYear, type YearDigits, type YearReadingOptions } from './buddhist-year';
import {
  daysInMonth,
  isValidCalendarDate,
  toChristianYear,
  utcNoonOf,
  type CalendarDate,
  type YearMonth,
} from './calendar-date';
import { digitScriptOf, digitsUsed, toArabicDigits, toThaiDigits, type DigitScript, type DigitsUsed } from './digits';
import { ThaiParseError } from './errors';
import { lookUpThaiMonth, thaiMonthName, type MonthStyle } from './months';

export type DatePrefix = 'วันที่' | 'ลงวันที่' | 'เมื่อวันที่' | 'สั่ง ณ วันที่';
/** `พ.ศ.` before the year, with (`พ.ศ. ๒๕๖๘`) or without (`พ.ศ.๒๕๖๘`) a space; both occur in one document (§5.5). */
export type EraMarker = '' | 'พ.ศ. ' | 'พ.ศ.';

export interface ThaiDateStyle {
  readonly digits: DigitScript;
  readonly month: MonthStyle;
  readonly year: YearDigits;
  readonly prefix?: DatePrefix;
  readonly era?: EraMarker;
  /** False for a year glued to the month, as in `ต.ค.๖๘` (§5.4); one space otherwise. */
  readonly spaceBeforeYear?: boolean;
}

/** The three forms offices use (issue 6). */
export const THAI_DATE_FORMS = {
  /** `๒๑ ตุลาคม ๒๕๖๘` */
  full: { digits: 'thai', month: 'full', year: 'full' },
  /** `๒๑ ต.ค. ๖๘` */
  abbreviated: { digits: 'thai', month: 'abbreviated', year: 'two-digit' },
  /** `21 ตุลาคม 2568` */
  arabic: { digits: 'arabic', month: 'full', year: 'full' },
} as const satisfies Record<string, ThaiDateStyle>;

export type ThaiDateForm = keyof typeof THAI_DATE_FORMS;

export interface ParsedThaiDate {
  readonly date: CalendarDate;
  readonly raw: string;
  readonly style: ThaiDateStyle;
  readonly digits: DigitsUsed;
  /** True when formatting `date` in `style` gives back `raw` exactly. */
  readonly canonical: boolean;
}

export interface ParsedThaiMonth {
  readonly month: YearMonth;
  readonly raw: string;
  readonly style: Omit<ThaiDateStyle, 'prefix'>;
  readonly digits: DigitsUsed;
  readonly canonical: boolean;
}

export type ThaiDateParseOptions = YearReadingOptions;

const formatters = new Map<string, Intl.DateTimeFormat>();

function thaiCalendarParts(date: CalendarDate | YearMonth, style: ThaiDateStyle) {
  const key = `${style.digits}|${style.month}|${style.year}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const numbering = style.digits === 'thai' ? 'thai' : 'latn';
    formatter = new Intl.DateTimeFormat(`th-TH-u-ca-buddhist-nu-${numbering}`, {
      timeZone: 'UTC',
      day: 'numeric',
      month: style.month === 'full' ? 'long' : 'short',
      year: style.year === 'full' ? 'numeric' : '2-digit',
    });
    formatters.set(key, formatter);
  }
  const noon = utcNoonOf({ day: 1, ...date });
  const parts = Object.fromEntries(formatter.formatToParts(noon).map((p) => [p.type, p.value]));
  return { day: parts.day, month: parts.month, year: parts.year };
}

function resolveStyle(form: ThaiDateForm | ThaiDateStyle): ThaiDateStyle {
  return typeof form === 'string' ? THAI_DATE_FORMS[form] : form;
}

export function formatThaiDate(date: CalendarDate, form: ThaiDateForm | ThaiDateStyle = 'full'): string {
  if (!isValidCalendarDate(date.year, date.month, date.day)) {
    throw new RangeError(`${JSON.stringify(date)} is not a calendar date.`);
  }
  const style = resolveStyle(form);
  const parts = thaiCalendarParts(date, style);
  const prefix = style.prefix ? `${style.prefix} ` : '';
  return `${prefix}${parts.day} ${monthAndYear(parts, style)}`;
}

export function formatThaiMonth(month: YearMonth, form: ThaiDateForm | ThaiDateStyle = 'full'): string {
  const style = resolveStyle(form);
  return monthAndYear(thaiCalendarParts(month, style), style);
}

function monthAndYear(parts: { month: string; year: string }, style: ThaiDateStyle): string {
  const space = style.spaceBeforeYear === false ? '' : ' ';
  return `${parts.month}${space}${style.era ?? ''}${parts.year}`;
}

const PREFIX = String.raw`(?<prefix>สั่ง\s*ณ\s*วันที่|เมื่อวันที่|ลงวันที่|วันที่)`;
// I-1 writes `พ.ศ` without the final dot; accepted, but then the text is not canonical.
const ERA = String.raw`(?:(?<era>พ\.ศ\.?)(?<eraSpace>\s*))?`;
// Matched against the text with Thai digits turned Arabic (same length, so indices hold).
const YEAR = String.raw`(?<yearSpace>\s*)${ERA}(?<year>\d+)$`;
const DATE = new RegExp(String.raw`^(?:${PREFIX}\s*)?(?<day>\d{1,2})\s*(?<month>\S+?)${YEAR}`);
const MONTH = new RegExp(String.raw`^(?<month>\S+?)${YEAR}`);

export function parseThaiDate(raw: string, options: ThaiDateParseOptions = {}): ParsedThaiDate {
  const text = raw.trim();
  const match = DATE.exec(toArabicDigits(text));
  if (!match?.groups) throw unparseable(raw, 'a date such as ๒๑ ตุลาคม ๒๕๖๘');
  const { month, monthStyle } = readMonthName(match.groups.month, raw);
  const { beYear, yearDigits } = readBuddhistYear(yearDigitsOf(text, match), raw, options);
  const year = toChristianYear(beYear);
  const day = Number(match.groups.day);
  if (!isValidCalendarDate(year, month, day)) throw impossibleDate(raw, { year, month, day }, beYear);
  const style: ThaiDateStyle = {
    ...styleOf(text, monthStyle, yearDigits, match.groups),
    ...(match.groups.prefix ? { prefix: canonicalPrefix(match.groups.prefix) } : {}),
  };
  const date = { year, month, day };
  return { date, raw, style, digits: digitsUsed(text), canonical: formatThaiDate(date, style) === raw };
}

/** Month precision: `มีนาคม 2566`, `มี.ค. ๖๙`. A month name counts only with its year (§5.4, `สำนักงาน ก.พ.`). */
export function parseThaiMonth(raw: string, options: ThaiDateParseOptions = {}): ParsedThaiMonth {
  const text = raw.trim();
  const match = MONTH.exec(toArabicDigits(text));
  if (!match?.groups) throw unparseable(raw, 'a month and year such as มีนาคม ๒๕๖๖');
  const { month, monthStyle } = readMonthName(match.groups.month, raw);
  const { beYear, yearDigits } = readBuddhistYear(yearDigitsOf(text, match), raw, options);
  const value = { year: toChristianYear(beYear), month };
  const style = styleOf(text, monthStyle, yearDigits, match.groups);
  return { month: value, raw, style, digits: digitsUsed(text), canonical: formatThaiMonth(value, style) === raw };
}

function yearDigitsOf(text: string, match: RegExpExecArray): string {
  const arabicYear = match.groups!.year;
  return text.slice(text.length - arabicYear.length);
}

function styleOf(
  text: string,
  month: MonthStyle,
  year: YearDigits,
  groups: Record<string, string | undefined>,
): ThaiDateStyle {
  const era: EraMarker = groups.era ? (groups.eraSpace ? 'พ.ศ. ' : 'พ.ศ.') : '';
  return {
    digits: digitScriptOf(text),
    month,
    year,
    ...(era ? { era } : {}),
    ...(groups.yearSpace ? {} : { spaceBeforeYear: false }),
  };
}

function canonicalPrefix(prefix: string): DatePrefix {
  return prefix.replace(/\s+/g, ' ') as DatePrefix;
}

function readMonthName(name: string, raw: string): { month: number; monthStyle: MonthStyle } {
  const found = lookUpThaiMonth(name);
  if (!found) {
    throw new ThaiParseError(
      'THAI_MONTH_UNKNOWN',
      `"${name}" is not a Thai month name.`,
      `"${name}" ไม่ใช่ชื่อเดือน`,
      raw,
      { month: name },
    );
  }
  return { month: found.month, monthStyle: found.style };
}

function impossibleDate(raw: string, date: CalendarDate, beYear: number): ThaiParseError {
  const monthName = thaiMonthName(date.month, 'full');
  const days = daysInMonth(date.year, date.month);
  return new ThaiParseError(
    'THAI_DATE_IMPOSSIBLE',
    `"${raw.trim()}" does not exist: month ${date.month} of ${date.year} CE has ${days} days.`,
    `"${raw.trim()}" ไม่มีอยู่จริง: เดือน${monthName} พ.ศ. ${toThaiDigits(beYear)} มี ${toThaiDigits(days)} วัน`,
    raw,
    { ...date, beYear, daysInMonth: days },
  );
}

function unparseable(raw: string, expected: string): ThaiParseError {
  return new ThaiParseError(
    'THAI_DATE_UNPARSEABLE',
    `"${raw}" is not ${expected}.`,
    `"${raw}" ไม่อยู่ในรูปแบบวันที่ที่อ่านได้`,
    raw,
  );
}
