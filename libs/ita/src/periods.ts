import { type CalendarDate, fiscalYearBounds, parseThaiPeriod, ThaiParseError, type ThaiPeriod, type YearMonth } from '@kasian/thai';
import { type ImportWarning, warning } from './problems';

/** The months a period covers; null ends are open. */
export interface Bounds {
  readonly start: YearMonth | null;
  readonly end: YearMonth | null;
}

export const monthIndex = (m: YearMonth | CalendarDate) => m.year * 12 + m.month;

function boundsOf(period: ThaiPeriod): Bounds | null {
  switch (period.kind) {
    case 'month':
      return { start: period.month.month, end: period.month.month };
    case 'month-range':
      return { start: period.from.month, end: period.to.month };
    case 'open-ended':
      return { start: period.from.month, end: null };
    case 'whole-fiscal-year':
      return period.fiscalYearBE ? fiscalYearBounds(period.fiscalYearBE) : null;
    case 'year-range':
      return period.yearKind === 'fiscal' ? { start: fiscalYearBounds(period.fromBE).start, end: fiscalYearBounds(period.toBE).end } : { start: { year: period.fromBE - 543, month: 1 }, end: { year: period.toBE - 543, month: 12 } };
  }
}

/**
 * A ระยะเวลา cell read with libs/thai (`ต.ค. ๖๗ ถึง ก.ย. ๖๘`, `ตลอดปีงบประมาณ`): unreadable (W), or
 * read once from a cell that prints it twice (I-28). The text itself is always kept as printed.
 */
export function readPeriod(raw: string, fiscalYear: number, at: { section: string | null; rows: readonly number[]; column: string }): { bounds: Bounds | null; warnings: ImportWarning[] } {
  let period: ThaiPeriod;
  try {
    period = parseThaiPeriod(raw, { contextFiscalYear: fiscalYear });
  } catch (error) {
    if (!(error instanceof ThaiParseError)) throw error;
    return { bounds: null, warnings: [warning({ code: 'W-PERIOD-UNPARSEABLE', severity: 'W', ...at, found: raw, message: `The period "${raw}" cannot be read as months or a fiscal year; it is kept as printed.`, messageTh: `อ่านระยะเวลา "${raw}" ไม่ได้ เก็บไว้ตามที่พิมพ์` })] };
  }
  const warnings: ImportWarning[] = [];
  if (period.warnings.includes('W-DUPLICATED-TEXT')) {
    warnings.push(warning({ code: 'W-DUPLICATED-TEXT', severity: 'I', seedRef: 'I-28', ...at, found: raw, expected: raw.slice(0, Math.ceil(raw.length / 2)).trim(), message: 'The period is printed twice in its cell; it is read once.', messageTh: 'ระยะเวลาพิมพ์ซ้ำสองครั้งในช่องเดียว อ่านเป็นช่วงเดียว' }));
  }
  return { bounds: boundsOf(period), warnings };
}
