import fc from 'fast-check';
import {
  fiscalYearOfMonthRange,
  formatReportingPeriod,
  formatThaiMonthRange,
  formatThaiPeriod,
  formatYearReference,
  parseReportingPeriod,
  parseThaiPeriod,
  parseYearReference,
  ThaiParseError,
  type RangeJoiner,
  type ReportingPeriodForm,
  type ThaiDateStyle,
  type ThaiPeriod,
  type ThaiPeriodForm,
  type YearMonth,
  type YearReferenceForm,
  type YearStyle,
} from './index';
import { MALFORMED_YEARS, MONTH_PERIODS, REPORTING_PERIODS, YEAR_RANGES, YEAR_REFERENCES } from './__fixtures__/domain-section-5';

function yearRange(period: ThaiPeriod) {
  if (period.kind !== 'year-range') throw new Error(`expected a year range, got ${period.kind}`);
  return period;
}

/** The value a period stands for, without how it was written. */
function valueOf(period: ThaiPeriod) {
  switch (period.kind) {
    case 'month':
      return { kind: period.kind, month: period.month.month };
    case 'month-range':
      return { kind: period.kind, from: period.from.month, to: period.to.month, joiner: period.joiner, fiscalYear: fiscalYearOfMonthRange(period.from.month, period.to.month) };
    case 'open-ended':
      return { kind: period.kind, from: period.from.month };
    case 'whole-fiscal-year':
      return { kind: period.kind, spaced: period.spaced };
    case 'year-range':
      throw new Error('year ranges have a table of their own');
  }
}

/** toMatchObject checks only the fields a style has; these must be equal. */
function monthStylesOf(period: ThaiPeriodForm): ThaiDateStyle[] {
  if (period.kind === 'month') return [period.month.style];
  if (period.kind === 'month-range') return [period.from.style, period.to.style];
  return period.kind === 'open-ended' ? [period.from.style] : [];
}

const JOINERS: RangeJoiner[] = ['-', '–', 'ถึง'].flatMap((s) => [s, ` ${s}`, `${s} `, ` ${s} `] as RangeJoiner[]);

describe('months and month periods of §5.4', () => {
  it.each(MONTH_PERIODS)('$raw', ({ raw, period, warnings = [] }) => {
    const parsed = parseThaiPeriod(raw);
    expect(valueOf(parsed)).toEqual(period);
    expect(parsed.raw).toBe(raw);
    expect(parsed.warnings).toEqual(warnings);
  });

  it.each(MONTH_PERIODS)('$raw is written back as its own text, or as the table states when irregular', ({ raw, written = raw }) => {
    expect(formatThaiPeriod(parseThaiPeriod(raw))).toBe(written);
  });

  it.each(MONTH_PERIODS)('$raw: value → text → the same value', ({ raw }) => {
    const parsed = parseThaiPeriod(raw);
    const again = parseThaiPeriod(formatThaiPeriod(parsed));
    expect(valueOf(again)).toEqual(valueOf(parsed));
    expect(monthStylesOf(again)).toEqual(monthStylesOf(parsed));
    expect(again.warnings).toEqual([]);
  });

  it('keeps the spacing of each side: ต.ค.๖๖-ก.ย. ๖๗ glues only the first year', () => {
    const period = parseThaiPeriod('ต.ค.๖๖-ก.ย. ๖๗');
    if (period.kind !== 'month-range') throw new Error(period.kind);
    expect(period.from.style.spaceBeforeYear).toBe(false);
    expect(period.to.style.spaceBeforeYear).toBeUndefined();
    expect(period.separator).toBe('-');
  });

  it('writes one range in one style with the separator between spaces (formatThaiMonthRange)', () => {
    const style: ThaiDateStyle = { digits: 'thai', month: 'abbreviated', year: 'two-digit' };
    expect(formatThaiMonthRange({ year: 2024, month: 10 }, { year: 2025, month: 9 }, style)).toBe('ต.ค. ๖๗ ถึง ก.ย. ๖๘');
    expect(formatThaiMonthRange({ year: 2023, month: 1 }, { year: 2023, month: 4 }, { ...style, year: 'full' }, '–')).toBe('ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖');
  });

  it('normalises runs of spaces and a glued เป็นต้นไป, and says so by not giving the text back', () => {
    expect(formatThaiPeriod(parseThaiPeriod('ต.ค. ๖๗   ถึง  ก.ย. ๖๘'))).toBe('ต.ค. ๖๗ ถึง ก.ย. ๖๘');
    expect(formatThaiPeriod(parseThaiPeriod('ม.ค. ๒๕๖๖เป็นต้นไป'))).toBe('ม.ค. ๒๕๖๖ เป็นต้นไป');
  });

  it('takes the fiscal year of ตลอดปีงบประมาณ from the context only', () => {
    expect(parseThaiPeriod('ตลอดปีงบประมาณ')).toMatchObject({ kind: 'whole-fiscal-year', fiscalYearBE: null });
    expect(parseThaiPeriod('ตลอด ปีงบประมาณ', { contextFiscalYear: 2568 })).toMatchObject({ fiscalYearBE: 2568 });
  });

  it.each([
    ['ก.ย. ๖๘ ถึง ต.ค. ๖๗', 'THAI_PERIOD_UNPARSEABLE'],
    ['ต.ค. ๖๗ ถึง กย. ๖๘', 'THAI_MONTH_UNKNOWN'],
    ['สำนักงาน ก.พ.', 'THAI_PERIOD_UNPARSEABLE'],
    ['ก.พ.ร.', 'THAI_PERIOD_UNPARSEABLE'],
    ['กย. ๖๘', 'THAI_MONTH_UNKNOWN'],
    ['พ.ศ. ๒๕๘๐-๒๕๖๑', 'THAI_PERIOD_UNPARSEABLE'],
    ['ต.ค. ๖๗ ถึง ก.ย. ๒๕๖', 'THAI_YEAR_MALFORMED'],
  ])('%s → %s', (raw, code) => {
    expect(() => parseThaiPeriod(raw)).toThrow(expect.objectContaining({ code }));
  });

  const months = fc.record({ year: fc.integer({ min: 1957, max: 2056 }), month: fc.integer({ min: 1, max: 12 }) });
  const monthStyles: fc.Arbitrary<ThaiDateStyle> = fc
    .record({
      digits: fc.constantFrom('thai' as const, 'arabic' as const),
      month: fc.constantFrom('full' as const, 'abbreviated' as const),
      year: fc.constantFrom('full' as const, 'two-digit' as const),
      era: fc.constantFrom('' as const, 'พ.ศ. ' as const, 'พ.ศ.' as const),
      glued: fc.boolean(),
    })
    .map(({ era, glued, ...style }) => ({ ...style, ...(era ? { era } : {}), ...(glued ? { spaceBeforeYear: false } : {}) }));
  const ordered = (a: YearMonth, b: YearMonth) => (a.year * 12 + a.month <= b.year * 12 + b.month ? [a, b] : [b, a]);
  const ranges: fc.Arbitrary<ThaiPeriodForm> = fc
    .tuple(months, months, monthStyles, monthStyles, fc.constantFrom(...JOINERS), fc.boolean())
    .map(([a, b, fromStyle, toStyle, joiner, parenthesised]) => {
      const [from, to] = ordered(a, b);
      return { kind: 'month-range', from: { month: from, style: fromStyle }, to: { month: to, style: toStyle }, joiner, parenthesised };
    });
  const others: fc.Arbitrary<ThaiPeriodForm> = fc.oneof(
    fc.tuple(months, monthStyles).map(([month, style]) => ({ kind: 'month' as const, month: { month, style } })),
    fc.tuple(months, monthStyles).map(([month, style]) => ({ kind: 'open-ended' as const, from: { month, style } })),
    fc.boolean().map((spaced) => ({ kind: 'whole-fiscal-year' as const, spaced })),
  );

  it('any month period: value → text → the same value and style, and the text back (property)', () => {
    fc.assert(
      fc.property(fc.oneof(ranges, others), (form) => {
        const text = formatThaiPeriod(form);
        const parsed = parseThaiPeriod(text);
        expect(parsed).toMatchObject({ ...form, parenthesised: form.parenthesised ?? false, warnings: [] });
        expect(monthStylesOf(parsed)).toEqual(monthStylesOf(form));
        expect(formatThaiPeriod(parsed)).toBe(text);
      }),
    );
  });
});

describe('year ranges of §5.4', () => {
  it.each(YEAR_RANGES)('%s → BE %i–%i, %s', (raw, fromBE, toBE, yearKind, joiner) => {
    expect(yearRange(parseThaiPeriod(raw))).toMatchObject({ raw, warnings: [], kind: 'year-range', fromBE, toBE, yearKind, joiner });
  });

  it.each(YEAR_RANGES)('%s is written back the same, and its value in its style reads back the same', (raw) => {
    const parsed = yearRange(parseThaiPeriod(raw));
    const text = formatThaiPeriod(parsed);
    expect(text).toBe(raw);
    expect(parseThaiPeriod(text)).toEqual(parsed);
  });

  it('writes a range with mixed year widths in full', () => {
    const parsed = yearRange(parseThaiPeriod('พ.ศ. 2566-70'));
    expect(parsed).toMatchObject({ fromBE: 2566, toBE: 2570 });
    expect(formatThaiPeriod(parsed)).toBe('พ.ศ. 2566-2570');
  });

  const labels = ['', 'ปี', 'ปีงบประมาณ', 'ประจำปี', 'ประจำปีงบประมาณ'].flatMap((l) => (l ? [l, `${l} `] : [l]));
  const yearStyles = (yearDigits: 'full' | 'two-digit'): fc.Arbitrary<YearStyle> =>
    fc.record({
      label: fc.constantFrom(...labels),
      eraMarker: fc.constantFrom('' as const, 'พ.ศ.' as const, 'พ.ศ. ' as const, 'พุทธศักราช ' as const),
      digits: fc.constantFrom('thai' as const, 'arabic' as const),
      yearDigits: fc.constant(yearDigits),
    });
  const span = (min: number, max: number) =>
    fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
  const forms: fc.Arbitrary<Extract<ThaiPeriodForm, { kind: 'year-range' }>> = fc
    .oneof(
      fc.tuple(span(2400, 2999), yearStyles('full')),
      fc.tuple(span(2500, 2599), yearStyles('two-digit')),
    )
    .chain(([[fromBE, toBE], style]) =>
      fc.record({ joiner: fc.constantFrom(...JOINERS), parenthesised: fc.boolean() }).map((rest) => ({ kind: 'year-range' as const, fromBE, toBE, style, ...rest })),
    );

  it('any year range: value → text → the same value and style, and the text back (property)', () => {
    fc.assert(
      fc.property(forms, (form) => {
        const text = formatThaiPeriod(form);
        const parsed = yearRange(parseThaiPeriod(text));
        expect(parsed).toMatchObject(form);
        expect(parsed.yearKind).toBe(form.style.label.includes('งบประมาณ') ? 'fiscal' : 'unspecified');
        expect(formatThaiPeriod(parsed)).toBe(text);
      }),
    );
  });
});

describe('year references of §5.5 and the single years of §5.1, §5.4 and §5.7', () => {
  it.each(YEAR_REFERENCES)('%s → BE %i, %s, %s', (raw, beYear, kind, era) => {
    expect(parseYearReference(raw)).toMatchObject({ beYear, kind, era, raw, warnings: era === 'CE' ? ['W-CE-YEAR'] : [] });
  });

  it.each(YEAR_REFERENCES)('%s is written back the same, and its value in its style reads back the same', (raw) => {
    const parsed = parseYearReference(raw);
    const text = formatYearReference(parsed);
    expect(text).toBe(raw);
    expect(parseYearReference(text)).toEqual(parsed);
  });

  it('keeps the words, the era marker, its spacing and the digits as the style', () => {
    expect(parseYearReference('ประจำปีงบประมาณพ.ศ. ๒๕๖๖')).toMatchObject({
      parenthesised: false,
      style: { label: 'ประจำปีงบประมาณ', eraMarker: 'พ.ศ. ', digits: 'thai', yearDigits: 'full' },
    });
    expect(parseYearReference('(คำนวณจากปี 2565)')).toMatchObject({ parenthesised: true, style: { label: 'คำนวณจากปี ', eraMarker: '', digits: 'arabic' } });
  });

  it('takes calendar only from the words ปีปฏิทิน', () => {
    expect(parseYearReference('ปีปฏิทิน ๒๕๖๘').kind).toBe('calendar');
  });

  it('writes พ.ศ without its final dot with the dot', () => {
    expect(formatYearReference(parseYearReference('ปีงบประมาณ พ.ศ ๒๕๖๗'))).toBe('ปีงบประมาณ พ.ศ. ๒๕๖๗');
  });

  it.each(MALFORMED_YEARS)('reports %s (I-1) with its candidates instead of fixing it', (raw, candidates) => {
    let error: unknown;
    try {
      parseYearReference(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ThaiParseError);
    expect(error).toMatchObject({ code: 'THAI_YEAR_MALFORMED', raw, details: { candidates, domainCode: 'W-YEAR-MALFORMED' } });
    expect((error as ThaiParseError).messageTh).toContain('๒๕๖๗');
  });

  it.each([
    ['พ.ศ. 2025', 'THAI_YEAR_OUT_OF_RANGE'],
    ['ปีงบประมาณ', 'THAI_YEAR_MALFORMED'],
    ['ปี ๒๕๖', 'THAI_YEAR_MALFORMED'],
  ])('%s → %s', (raw, code) => {
    expect(() => parseYearReference(raw)).toThrow(expect.objectContaining({ code }));
  });

  const labels = ['', 'ปี ', 'ITA ปี ', 'ประจำปี', 'ประจำปี ', 'ปีงบประมาณ ', 'ประจำปีงบประมาณ', 'คำนวณจากปี ', 'page=ita'];
  const beForms: fc.Arbitrary<YearReferenceForm> = fc
    .tuple(
      fc.oneof(fc.tuple(fc.integer({ min: 2400, max: 2999 }), fc.constant('full' as const)), fc.tuple(fc.integer({ min: 2500, max: 2599 }), fc.constant('two-digit' as const))),
      fc.constantFrom(...labels),
      fc.constantFrom('' as const, 'พ.ศ.' as const, 'พ.ศ. ' as const, 'พุทธศักราช' as const, 'พุทธศักราช ' as const),
      fc.constantFrom('thai' as const, 'arabic' as const),
      fc.boolean(),
    )
    .map(([[beYear, yearDigits], label, eraMarker, digits, parenthesised]) => ({ beYear, era: 'BE', style: { label, eraMarker, digits, yearDigits }, parenthesised }));
  const ceForms: fc.Arbitrary<YearReferenceForm> = fc
    .tuple(fc.integer({ min: 1800 + 543, max: 2399 + 543 }), fc.constantFrom(...labels), fc.constantFrom('thai' as const, 'arabic' as const), fc.boolean())
    .map(([beYear, label, digits, parenthesised]) => ({ beYear, era: 'CE', style: { label, eraMarker: '', digits, yearDigits: 'full' }, parenthesised }));

  it('any year: value → text → the same value and style, and the text back (property)', () => {
    fc.assert(
      fc.property(fc.oneof(beForms, ceForms), (form) => {
        const text = formatYearReference(form);
        const parsed = parseYearReference(text);
        expect(parsed).toMatchObject({ ...form, warnings: form.era === 'CE' ? ['W-CE-YEAR'] : [] });
        expect(formatYearReference(parsed)).toBe(text);
      }),
    );
  });
});

describe('reporting periods of §5.4', () => {
  it.each(REPORTING_PERIODS)('%s', (raw, expected) => {
    expect(parseReportingPeriod(raw)).toMatchObject({ raw, ...expected });
  });

  it.each(REPORTING_PERIODS)('%s is written back the same, and its value reads back the same', (raw) => {
    const parsed = parseReportingPeriod(raw);
    const text = formatReportingPeriod(parsed);
    expect(text).toBe(raw);
    expect(parseReportingPeriod(text)).toEqual(parsed);
  });

  it('keeps the digits: รอบ ๖ เดือน and รอบ 6 เดือน sit in one table (I-31)', () => {
    expect(parseReportingPeriod('รอบ ๖ เดือน').digits).toBe('thai');
    expect(parseReportingPeriod('รอบ 6 เดือน').digits).toBe('arabic');
  });

  it('normalises และ to before the last round, spacing, and a count of one', () => {
    expect(formatReportingPeriod(parseReportingPeriod('รอบ 6 เดือน และ 9 เดือน และ 12 เดือน'))).toBe('รอบ 6 เดือน 9 เดือน และ 12 เดือน');
    expect(formatReportingPeriod(parseReportingPeriod('ราย๖เดือน'))).toBe('ราย ๖ เดือน');
    expect(formatReportingPeriod(parseReportingPeriod('ราย ๑ เดือน'))).toBe('รายเดือน');
  });

  it('refuses what it cannot read', () => {
    expect(() => parseReportingPeriod('บ่อย ๆ')).toThrow(expect.objectContaining({ code: 'THAI_PERIOD_UNPARSEABLE' }));
  });

  const digits = fc.constantFrom('thai' as const, 'arabic' as const);
  const durations = fc.record({ count: fc.integer({ min: 1, max: 400 }), unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const, 'year' as const) });
  const periods: fc.Arbitrary<ReportingPeriodForm> = fc.oneof(
    fc.record({ kind: fc.constant('rounds' as const), months: fc.array(fc.integer({ min: 1, max: 36 }), { minLength: 1, maxLength: 5 }), digits }),
    fc.record({ kind: fc.constant('half' as const), half: fc.constantFrom('first' as const, 'second' as const), digits }),
    fc.record({ kind: fc.constant('recurring' as const), every: durations, word: fc.constantFrom('ราย' as const, 'ทุก' as const), digits }),
    fc.record({ kind: fc.constant('within' as const), within: durations, digits }),
  );

  it('any reporting period: value → text → the same value, and the text back (property)', () => {
    fc.assert(
      fc.property(periods, (period) => {
        const text = formatReportingPeriod(period);
        const parsed = parseReportingPeriod(text);
        const { digits: written, ...value } = period;
        expect(parsed).toMatchObject(value);
        // Digits show only where a count is written.
        if (/[0-9\u0E50-\u0E59]/.test(text)) expect(parsed.digits).toBe(written);
        expect(formatReportingPeriod(parsed)).toBe(text);
      }),
    );
  });
});
