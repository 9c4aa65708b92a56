import { ThaiParseError } from './errors';

/** A calendar day in the Christian era, with no time and no time zone (§10 point 5: store CE, show BE). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A month of a year, for month-precision dates such as `มีนาคม 2566`. */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

export const BUDDHIST_ERA_OFFSET = 543;
export const BANGKOK_TIME_ZONE = 'Asia/Bangkok';

export function toBuddhistYear(ceYear: number): number {
  return ceYear + BUDDHIST_ERA_OFFSET;
}

export function toChristianYear(beYear: number): number {
  return beYear - BUDDHIST_ERA_OFFSET;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  if (!isValidCalendarDate(year, month, day)) {
    const raw = `${year}-${month}-${day}`;
    throw new ThaiParseError(
      'THAI_DATE_IMPOSSIBLE',
      `${raw} is not a calendar date.`,
      `${raw} ไม่ใช่วันที่ที่มีอยู่จริง`,
      raw,
      { year, month, day },
    );
  }
  return { year, month, day };
}

export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

const bangkokParts = new Intl.DateTimeFormat('en-US', {
  timeZone: BANGKOK_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  era: 'short',
});

/**
 * Asia/Bangkok has kept UTC+07:00 without daylight saving since 1 April 1920 (IANA tz `asia`
 * file), so later instants need no time-zone database: this runs on every route decision.
 */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;
const FIXED_OFFSET_SINCE_MS = Date.UTC(1920, 2, 31, 17, 17, 56);

/** The calendar day an instant falls on in Asia/Bangkok, whatever the process time zone. */
export function bangkokDateOf(instant: Date): CalendarDate {
  if (instant.getTime() < FIXED_OFFSET_SINCE_MS) return bangkokDateByTimeZoneDatabase(instant);
  const local = new Date(instant.getTime() + BANGKOK_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

function bangkokDateByTimeZoneDatabase(instant: Date): CalendarDate {
  const parts = Object.fromEntries(bangkokParts.formatToParts(instant).map((p) => [p.type, p.value]));
  if (parts.era !== 'AD') throw new RangeError('Dates before the Christian era are not supported.');
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** Noon UTC on the day, a safe instant for Intl formatting with `timeZone: 'UTC'`. */
export function utcNoonOf(date: CalendarDate): Date {
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, date.month - 1, date.day);
  instant.setUTCHours(12);
  return instant;
}
