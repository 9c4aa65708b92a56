import fc from 'fast-check';
import {
  compareCalendarDates,
  fiscalHalfBounds,
  fiscalQuarterBounds,
  fiscalQuarterOf,
  fiscalYearBounds,
  fiscalYearOf,
  type CalendarDate,
} from './index';

describe('fiscal year (ปีงบประมาณ, §5.1)', () => {
  it('FY2569 = 1 Oct 2025 – 30 Sep 2026', () => {
    expect(fiscalYearBounds(2569)).toEqual({ start: { year: 2025, month: 10, day: 1 }, end: { year: 2026, month: 9, day: 30 } });
  });

  it('FY2568 = Oct 2024 – Sep 2025; FY2567 = Oct 2023 – Sep 2024', () => {
    expect(fiscalYearBounds(2568).start).toEqual({ year: 2024, month: 10, day: 1 });
    expect(fiscalYearBounds(2567).end).toEqual({ year: 2024, month: 9, day: 30 });
  });

  it.each([
    [{ year: 2025, month: 9, day: 30 }, 2568],
    [{ year: 2025, month: 10, day: 1 }, 2569],
    [{ year: 2025, month: 10, day: 21 }, 2569],
    [{ year: 2024, month: 10, day: 11 }, 2568],
    [{ year: 2025, month: 8, day: 29 }, 2568],
    [{ year: 2023, month: 1, day: 30 }, 2566],
    [{ year: 2022, month: 8, day: 19 }, 2565],
  ])('%o is in FY%i', (date, fy) => {
    expect(fiscalYearOf(date)).toBe(fy);
  });

  it.each([
    [10, 1],
    [12, 1],
    [1, 2],
    [3, 2],
    [4, 3],
    [6, 3],
    [7, 4],
    [9, 4],
  ])('month %i is in quarter (ไตรมาส) %i', (month, quarter) => {
    expect(fiscalQuarterOf({ year: 2025, month, day: 1 })).toBe(quarter);
  });

  it('gives quarter and half bounds', () => {
    expect(fiscalQuarterBounds(2569, 1)).toEqual({ start: { year: 2025, month: 10, day: 1 }, end: { year: 2025, month: 12, day: 31 } });
    expect(fiscalQuarterBounds(2568, 2)).toEqual({ start: { year: 2025, month: 1, day: 1 }, end: { year: 2025, month: 3, day: 31 } });
    expect(fiscalQuarterBounds(2567, 2).end).toEqual({ year: 2024, month: 3, day: 31 });
    expect(fiscalQuarterBounds(2569, 4)).toEqual({ start: { year: 2026, month: 7, day: 1 }, end: { year: 2026, month: 9, day: 30 } });
    expect(fiscalHalfBounds(2568, 'first')).toEqual({ start: { year: 2024, month: 10, day: 1 }, end: { year: 2025, month: 3, day: 31 } });
    expect(fiscalHalfBounds(2568, 'second')).toEqual({ start: { year: 2025, month: 4, day: 1 }, end: { year: 2025, month: 9, day: 30 } });
  });

  const dates = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d): CalendarDate => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
  const within = (date: CalendarDate, range: { start: CalendarDate; end: CalendarDate }) =>
    compareCalendarDates(range.start, date) <= 0 && compareCalendarDates(date, range.end) <= 0;

  it('every date lies in its fiscal year and quarter, and the BE year of (date + 3 months) names it (property)', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const fy = fiscalYearOf(date);
        expect(within(date, fiscalYearBounds(fy))).toBe(true);
        expect(within(date, fiscalYearBounds(fy + 1))).toBe(false);
        expect(within(date, fiscalQuarterBounds(fy, fiscalQuarterOf(date)))).toBe(true);
        const plusThreeMonths = new Date(Date.UTC(date.year, date.month - 1 + 3, 1));
        expect(fy).toBe(plusThreeMonths.getUTCFullYear() + 543);
      }),
    );
  });
});
