import {
  fiscalYearOfMonthRange,
  formatThaiMonthRange,
  parseReportingPeriod,
  parseThaiPeriod,
  parseYearReference,
  ThaiParseError,
  type ThaiPeriod,
} from './index';

function monthRange(period: ThaiPeriod) {
  if (period.kind !== 'month-range') throw new Error(`expected a month range, got ${period.kind}`);
  return period;
}

function yearRange(period: ThaiPeriod) {
  if (period.kind !== 'year-range') throw new Error(`expected a year range, got ${period.kind}`);
  return period;
}

describe('month ranges of §5.4', () => {
  it.each([
    ['ต.ค.๖๖-ก.ย. ๖๗', [2023, 10], [2024, 9], '-', 2567],
    ['ต.ค. ๖๗ ถึง ก.ย. ๖๘', [2024, 10], [2025, 9], 'ถึง', 2568],
    ['ต.ค.๖๘ ถึง ก.ย.๖๙', [2025, 10], [2026, 9], 'ถึง', 2569],
    ['ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖', [2023, 1], [2023, 4], '–', null],
    ['ส.ค. ๒๕๖๖ – ก.ย. ๒๕๖๖', [2023, 8], [2023, 9], '–', null],
  ])('%s', (raw, [fromYear, fromMonth], [toYear, toMonth], separator, fiscalYear) => {
    const period = monthRange(parseThaiPeriod(raw));
    expect(period.from.month).toEqual({ year: fromYear, month: fromMonth });
    expect(period.to.month).toEqual({ year: toYear, month: toMonth });
    expect(period.separator).toBe(separator);
    expect(period.raw).toBe(raw);
    expect(period.warnings).toEqual([]);
    expect(fiscalYearOfMonthRange(period.from.month, period.to.month)).toBe(fiscalYear);
  });

  it('formats a canonical range back to its text', () => {
    const raw = 'ต.ค. ๖๗ ถึง ก.ย. ๖๘';
    const period = monthRange(parseThaiPeriod(raw));
    expect(formatThaiMonthRange(period.from.month, period.to.month, period.from.style, period.separator)).toBe(raw);
    const dashed = monthRange(parseThaiPeriod('ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖'));
    expect(formatThaiMonthRange(dashed.from.month, dashed.to.month, dashed.from.style, '–')).toBe(
      'ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖',
    );
  });

  it('reads a duplicated cell once, with a warning (I-28)', () => {
    const period = monthRange(parseThaiPeriod('ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖ ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖'));
    expect(period.from.month).toEqual({ year: 2023, month: 1 });
    expect(period.to.month).toEqual({ year: 2023, month: 4 });
    expect(period.warnings).toEqual(['W-DUPLICATED-TEXT']);
  });

  it('reads a single month: มี.ค. ๖๙ = March 2026', () => {
    const period = parseThaiPeriod('มี.ค. ๖๙');
    expect(period.kind === 'month' && period.month.month).toEqual({ year: 2026, month: 3 });
  });

  it('reads ม.ค. ๒๕๖๖ เป็นต้นไป as open-ended from January 2023', () => {
    const period = parseThaiPeriod('ม.ค. ๒๕๖๖ เป็นต้นไป');
    expect(period.kind).toBe('open-ended');
    expect(period.kind === 'open-ended' && period.from.month).toEqual({ year: 2023, month: 1 });
  });

  it.each(['ตลอด ปีงบประมาณ', 'ตลอดปีงบประมาณ'])('%s is the whole fiscal year, known only from context', (raw) => {
    expect(parseThaiPeriod(raw)).toEqual({ raw, warnings: [], kind: 'whole-fiscal-year', fiscalYearBE: null });
    expect(parseThaiPeriod(raw, { contextFiscalYear: 2568 })).toMatchObject({ fiscalYearBE: 2568 });
  });

  it.each([
    ['ก.ย. ๖๘ ถึง ต.ค. ๖๗', 'THAI_PERIOD_UNPARSEABLE'],
    ['ต.ค. ๖๗ ถึง กย. ๖๘', 'THAI_MONTH_UNKNOWN'],
    ['สำนักงาน ก.พ.', 'THAI_PERIOD_UNPARSEABLE'],
    ['ก.พ.ร.', 'THAI_PERIOD_UNPARSEABLE'],
    ['กย. ๖๘', 'THAI_MONTH_UNKNOWN'],
    ['พ.ศ. ๒๕๘๐-๒๕๖๑', 'THAI_PERIOD_UNPARSEABLE'],
  ])('%s → %s', (raw, code) => {
    expect(() => parseThaiPeriod(raw)).toThrow(expect.objectContaining({ code }));
  });
});

describe('year ranges of §5.4', () => {
  it.each([
    ['(พ.ศ. ๒๕๖๑-๒๕๘๐)', 2561, 2580, 'unspecified', '-'],
    ['พ.ศ. ๒๕๖๗ - ๒๕๖๙', 2567, 2569, 'unspecified', '-'],
    ['(พ.ศ. 2566 – 2570)', 2566, 2570, 'unspecified', '–'],
    ['พ.ศ. 2566 - 2570', 2566, 2570, 'unspecified', '-'],
    ['พ.ศ. 2566 -2570', 2566, 2570, 'unspecified', '-'],
    ['ปีงบประมาณ 2566 - 2570', 2566, 2570, 'fiscal', '-'],
    ['(พ.ศ. 2561 – 2580)', 2561, 2580, 'unspecified', '–'],
    ['ปี 66-70', 2566, 2570, 'unspecified', '-'],
  ])('%s → BE %i–%i, %s', (raw, fromBE, toBE, yearKind, separator) => {
    expect(yearRange(parseThaiPeriod(raw))).toEqual({ raw, warnings: [], kind: 'year-range', fromBE, toBE, yearKind, separator });
  });
});

describe('year references of §5.5 and the single years of §5.4', () => {
  it.each([
    ['พ.ศ.๒๕๖๗', 2567, 'unspecified'],
    ['พ.ศ.๒๕๖๖', 2566, 'unspecified'],
    ['ITA ปี ๒๕๖๖', 2566, 'unspecified'],
    ['ITA ปี ๒๕๖๗', 2567, 'unspecified'],
    ['ประจำปี ๒๕๖๗', 2567, 'unspecified'],
    ['ประจำปี พ.ศ.๒๕๖๗', 2567, 'unspecified'],
    ['ปี พ.ศ. ๒๕๖๘', 2568, 'unspecified'],
    ['พ.ศ. ๒๕๖๘', 2568, 'unspecified'],
    ['พ.ศ.๒๕๖๘', 2568, 'unspecified'],
    ['พ.ศ. ๒๕๖๙', 2569, 'unspecified'],
    ['พ.ศ.๒๕๖๙', 2569, 'unspecified'],
    ['ประจำปีงบประมาณ ๒๕๖๘', 2568, 'fiscal'],
    ['ปีงบประมาณ ๒๕๖๑', 2561, 'fiscal'],
    ['ปีงบประมาณ ๒๕๖๕', 2565, 'fiscal'],
    ['ประจำปีพ.ศ. ๒๕๖๕', 2565, 'unspecified'],
    ['ประจำปีงบประมาณพ.ศ. ๒๕๖๖', 2566, 'fiscal'],
    ['ปีงบประมาณ พ.ศ. ๒๕๖๗', 2567, 'fiscal'],
    ['พุทธศักราช 2560', 2560, 'unspecified'],
    ['(คำนวณจากปี 2565)', 2565, 'unspecified'],
    ['ปี 2566', 2566, 'unspecified'],
    ['ปี 2570', 2570, 'unspecified'],
    ['ประจำปี 2564', 2564, 'unspecified'],
  ])('%s → BE %i, %s', (raw, beYear, kind) => {
    expect(parseYearReference(raw)).toEqual({ beYear, kind, era: 'BE', raw, warnings: [] });
  });

  it('takes calendar only from the words ปีปฏิทิน', () => {
    expect(parseYearReference('ปีปฏิทิน ๒๕๖๘').kind).toBe('calendar');
  });

  it.each(['ITA ๒๐๒๓', 'page=ita๒๐๒๓'])('%s is a CE year in Thai digits (I-32): BE 2566, tagged', (raw) => {
    expect(parseYearReference(raw)).toEqual({ beYear: 2566, kind: 'unspecified', era: 'CE', raw, warnings: ['W-CE-YEAR'] });
  });

  it('reports ปีงบประมาณพ.ศ ๒๕๕๖๗ (I-1) instead of fixing it', () => {
    let error: unknown;
    try {
      parseYearReference('ปีงบประมาณพ.ศ ๒๕๕๖๗');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ThaiParseError);
    expect(error).toMatchObject({
      code: 'THAI_YEAR_MALFORMED',
      raw: 'ปีงบประมาณพ.ศ ๒๕๕๖๗',
      details: { year: '๒๕๕๖๗', candidates: [2567, 2557, 2556], domainCode: 'W-YEAR-MALFORMED' },
    });
    expect((error as ThaiParseError).messageTh).toContain('๒๕๖๗');
  });

  it.each([
    ['พ.ศ. 2025', 'THAI_YEAR_OUT_OF_RANGE'],
    ['ปีงบประมาณ', 'THAI_YEAR_MALFORMED'],
    ['ปี ๒๕๖', 'THAI_YEAR_MALFORMED'],
  ])('%s → %s', (raw, code) => {
    expect(() => parseYearReference(raw)).toThrow(expect.objectContaining({ code }));
  });
});

describe('reporting periods of §5.4', () => {
  it.each([
    ['รอบ 6 เดือน 9 เดือน และ 12 เดือน', { kind: 'rounds', months: [6, 9, 12] }],
    ['รอบ ๖ เดือน', { kind: 'rounds', months: [6] }],
    ['รอบ 6 เดือน', { kind: 'rounds', months: [6] }],
    ['ภายใน 15 วัน', { kind: 'within', within: { count: 15, unit: 'day' } }],
    ['๖ เดือนแรก', { kind: 'half', half: 'first' }],
    ['๖ เดือนหลัง', { kind: 'half', half: 'second' }],
    ['ราย ๖ เดือน', { kind: 'recurring', every: { count: 6, unit: 'month' } }],
    ['รายไตรมาส', { kind: 'recurring', every: { count: 1, unit: 'quarter' } }],
    ['รายเดือน', { kind: 'recurring', every: { count: 1, unit: 'month' } }],
    ['ทุกสัปดาห์', { kind: 'recurring', every: { count: 1, unit: 'week' } }],
  ])('%s', (raw, expected) => {
    expect(parseReportingPeriod(raw)).toEqual({ raw, ...expected });
  });

  it('refuses what it cannot read', () => {
    expect(() => parseReportingPeriod('บ่อย ๆ')).toThrow(expect.objectContaining({ code: 'THAI_PERIOD_UNPARSEABLE' }));
  });
});
