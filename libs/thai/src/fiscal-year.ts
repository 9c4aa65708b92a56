import { daysInMonth, toBuddhistYear, toChristianYear, type CalendarDate, type YearMonth } from './calendar-date';

/**
 * What a printed year means (§5.1). `ประจำปี พ.ศ.๒๕๖๗` does not say, so it is `unspecified`;
 * the kind is set from the text or by a person, never guessed.
 */
export type YearKind = 'fiscal' | 'calendar' | 'unspecified';

export interface KindedYear {
  readonly beYear: number;
  readonly kind: YearKind;
}

export type FiscalQuarter = 1 | 2 | 3 | 4;
export type FiscalHalf = 'first' | 'second';

export interface DateRange {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

const FISCAL_YEAR_START_MONTH = 10;

/** ปีงบประมาณ: 1 Oct – 30 Sep, named by the BE year it ends in (§5.1); = BE year of (date + 3 months). */
export function fiscalYearOf(date: CalendarDate | YearMonth): number {
  const endsInCe = date.month >= FISCAL_YEAR_START_MONTH ? date.year + 1 : date.year;
  return toBuddhistYear(endsInCe);
}

export function fiscalYearBounds(fiscalYearBE: number): DateRange {
  const endYear = toChristianYear(fiscalYearBE);
  return { start: { year: endYear - 1, month: 10, day: 1 }, end: { year: endYear, month: 9, day: 30 } };
}

/** ไตรมาส: quarter 1 is Oct–Dec, 4 is Jul–Sep. */
export function fiscalQuarterOf(date: CalendarDate | YearMonth): FiscalQuarter {
  const monthOfFiscalYear = ((date.month - FISCAL_YEAR_START_MONTH + 12) % 12) + 1;
  return Math.ceil(monthOfFiscalYear / 3) as FiscalQuarter;
}

export function fiscalQuarterBounds(fiscalYearBE: number, quarter: FiscalQuarter): DateRange {
  return fiscalMonthsBounds(fiscalYearBE, (quarter - 1) * 3, 3);
}

/** `๖ เดือนแรก` / `๖ เดือนหลัง` of a fiscal year. */
export function fiscalHalfBounds(fiscalYearBE: number, half: FiscalHalf): DateRange {
  return fiscalMonthsBounds(fiscalYearBE, half === 'first' ? 0 : 6, 6);
}

function fiscalMonthsBounds(fiscalYearBE: number, firstMonthOffset: number, months: number): DateRange {
  const start = fiscalMonth(fiscalYearBE, firstMonthOffset);
  const last = fiscalMonth(fiscalYearBE, firstMonthOffset + months - 1);
  return { start: { ...start, day: 1 }, end: { ...last, day: daysInMonth(last.year, last.month) } };
}

function fiscalMonth(fiscalYearBE: number, offset: number): YearMonth {
  const startYear = toChristianYear(fiscalYearBE) - 1;
  const zeroBased = FISCAL_YEAR_START_MONTH - 1 + offset;
  return { year: startYear + Math.floor(zeroBased / 12), month: (zeroBased % 12) + 1 };
}
