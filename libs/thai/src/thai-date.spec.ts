import fc from 'fast-check';
import {
  bangkokDateOf,
  calendarDate,
  findThaiDates,
  formatThaiDate,
  formatThaiMonth,
  isoDate,
  parseThaiDate,
  parseThaiMonth,
  parseThaiPeriod,
  THAI_DATE_FORMS,
  ThaiParseError,
  type CalendarDate,
  type ThaiDateForm,
  type ThaiDateStyle,
} from './index';
import { FULL_DATES, MONTHS, NOT_DATES } from './__fixtures__/domain-section-5';

const oct21: CalendarDate = { year: 2025, month: 10, day: 21 };

function errorOf(action: () => unknown): ThaiParseError {
  try {
    action();
  } catch (error) {
    if (error instanceof ThaiParseError) return error;
    throw error;
  }
  throw new Error('expected a ThaiParseError');
}

describe('full dates of §5.3', () => {
  it.each(FULL_DATES)('%s → %s', (raw, iso) => {
    const parsed = parseThaiDate(raw);
    expect(isoDate(parsed.date)).toBe(iso);
    expect(parsed.raw).toBe(raw);
  });

  it.each(FULL_DATES)('%s formats back to the same text in its own style', (raw) => {
    const parsed = parseThaiDate(raw);
    expect(parsed.canonical).toBe(true);
    expect(formatThaiDate(parsed.date, parsed.style)).toBe(raw);
  });

  it.each(FULL_DATES)('%s: its value in its style parses back to the same value and style', (raw) => {
    const { date, style } = parseThaiDate(raw);
    const again = parseThaiDate(formatThaiDate(date, style));
    expect(again).toMatchObject({ date, canonical: true });
    expect(again.style).toEqual(style);
  });

  it('keeps prefix, era marker and digit system in the style', () => {
    expect(parseThaiDate('สั่ง ณ วันที่ ๓๐ มกราคม พ.ศ. ๒๕๖๖').style).toEqual({
      digits: 'thai',
      month: 'full',
      year: 'full',
      era: 'พ.ศ. ',
      prefix: 'สั่ง ณ วันที่',
    });
    expect(parseThaiDate('ลงวันที่ 25 ธันวาคม 2557').style).toEqual({
      digits: 'arabic',
      month: 'full',
      year: 'full',
      prefix: 'ลงวันที่',
    });
  });

  it.each(MONTHS)('%s: month precision, round trip both ways (§5.3–5.4)', (raw, month) => {
    const parsed = parseThaiMonth(raw);
    expect(parsed.month).toEqual(month);
    expect(parsed.canonical).toBe(true);
    expect(formatThaiMonth(parsed.month, parsed.style)).toBe(raw);
    const again = parseThaiMonth(formatThaiMonth(month, parsed.style));
    expect(again.month).toEqual(month);
    expect(again.style).toEqual(parsed.style);
  });

  it('reads มี.ค. ๖๙ as March 2026 (§5.4) in the abbreviated office form', () => {
    expect(formatThaiMonth({ year: 2026, month: 3 }, 'abbreviated')).toBe('มี.ค. ๖๙');
  });
});

describe('the three office forms', () => {
  it.each([
    ['full', '๒๑ ตุลาคม ๒๕๖๘'],
    ['abbreviated', '๒๑ ต.ค. ๖๘'],
    ['arabic', '21 ตุลาคม 2568'],
  ] as [ThaiDateForm, string][])('%s: %s', (form, text) => {
    expect(formatThaiDate(oct21, form)).toBe(text);
    expect(parseThaiDate(text).date).toEqual(oct21);
    expect(parseThaiDate(text).style).toEqual(THAI_DATE_FORMS[form]);
  });

  it('defaults to the full Thai-digit form', () => {
    expect(formatThaiDate(oct21)).toBe('๒๑ ตุลาคม ๒๕๖๘');
  });

  it('formats prefixes and era markers', () => {
    expect(formatThaiDate(oct21, { ...THAI_DATE_FORMS.full, prefix: 'เมื่อวันที่', era: 'พ.ศ.' })).toBe(
      'เมื่อวันที่ ๒๑ ตุลาคม พ.ศ.๒๕๖๘',
    );
  });

  it('keeps a year glued to the month (ต.ค.๖๘, §5.4) as a style of its own', () => {
    const parsed = parseThaiDate('๒๑ ต.ค.๖๘');
    expect(parsed).toMatchObject({ date: oct21, canonical: true, style: { ...THAI_DATE_FORMS.abbreviated, spaceBeforeYear: false } });
    expect(formatThaiDate(oct21, parsed.style)).toBe('๒๑ ต.ค.๖๘');
    expect(formatThaiDate(oct21, { ...THAI_DATE_FORMS.full, era: 'พ.ศ.', spaceBeforeYear: false })).toBe('๒๑ ตุลาคมพ.ศ.๒๕๖๘');
  });

  it('accepts spacing variants, marking them not canonical', () => {
    for (const raw of ['๒๑ตุลาคม๒๕๖๘', 'วันที่  ๒๑ ตุลาคม  ๒๕๖๘', '๒๑ ตุลาคม พ.ศ ๒๕๖๘', ' ๒๑ ตุลาคม ๒๕๖๘']) {
      const parsed = parseThaiDate(raw);
      expect(parsed.date).toEqual(oct21);
      expect(parsed.canonical).toBe(false);
    }
    expect(parseThaiDate('สั่ง  ณ วันที่ ๑ มกราคม พ.ศ.๒๕๖๖').style.prefix).toBe('สั่ง ณ วันที่');
  });

  it('accepts a full year with an abbreviated month and a 2-digit year with a full month', () => {
    expect(parseThaiDate('๑ ม.ค. ๒๕๖๖').date).toEqual({ year: 2023, month: 1, day: 1 });
    expect(parseThaiDate('๑ มกราคม ๖๖').date).toEqual({ year: 2023, month: 1, day: 1 });
  });

  it('reads 2-digit years as 25xx unless told the century', () => {
    expect(parseThaiDate('๑ ม.ค. ๔๐').date.year).toBe(1997);
    expect(parseThaiDate('๑ ม.ค. ๔๐', { twoDigitYearBase: 2600 }).date.year).toBe(2097);
  });

  it('flags mixed digits as such and never calls them canonical', () => {
    const parsed = parseThaiDate('๒๑ ตุลาคม 2568');
    expect(parsed.digits).toBe('mixed');
    expect(parsed.canonical).toBe(false);
  });
});

describe('impossible and malformed dates', () => {
  it.each([
    ['๓๑ กันยายน ๒๕๖๘', 'THAI_DATE_IMPOSSIBLE'],
    ['๒๙ กุมภาพันธ์ ๒๕๖๘', 'THAI_DATE_IMPOSSIBLE'],
    ['๒๙ ก.พ. ๖๘', 'THAI_DATE_IMPOSSIBLE'],
    ['๐ มกราคม ๒๕๖๘', 'THAI_DATE_IMPOSSIBLE'],
    ['๓๒ มกราคม ๒๕๖๘', 'THAI_DATE_IMPOSSIBLE'],
    ['๒๙ กุมภาพันธ์ ๒๔๔๓', 'THAI_DATE_IMPOSSIBLE'],
    ['๒๑ ตุลา ๒๕๖๘', 'THAI_MONTH_UNKNOWN'],
    ['๒๑ October ๒๕๖๘', 'THAI_MONTH_UNKNOWN'],
    ['๒๑ ตุลาคม ๒๕๕๖๗', 'THAI_YEAR_MALFORMED'],
    ['๒๑ ตุลาคม ๒๕๖', 'THAI_YEAR_MALFORMED'],
    ['21 ตุลาคม 2025', 'THAI_YEAR_OUT_OF_RANGE'],
    ['๒๑ ตุลาคม', 'THAI_DATE_UNPARSEABLE'],
    ['สำนักงาน ก.พ.', 'THAI_DATE_UNPARSEABLE'],
    ['', 'THAI_DATE_UNPARSEABLE'],
  ])('%j → %s', (raw, code) => {
    const error = errorOf(() => parseThaiDate(raw));
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(400);
    expect(error.raw).toBe(raw);
    expect(error.message).not.toBe('');
    expect(error.messageTh).toMatch(/[\u0E01-\u0E4E]/);
  });

  it('accepts 29 February in a leap year: ๒๙ กุมภาพันธ์ ๒๕๖๗ = 2024-02-29', () => {
    expect(parseThaiDate('๒๙ กุมภาพันธ์ ๒๕๖๗').date).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseThaiDate('๒๙ กุมภาพันธ์ ๒๕๔๓').date).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('explains an impossible date in both languages', () => {
    const error = errorOf(() => parseThaiDate('๓๑ กันยายน ๒๕๖๘'));
    expect(error.messageTh).toBe('"๓๑ กันยายน ๒๕๖๘" ไม่มีอยู่จริง: เดือนกันยายน พ.ศ. ๒๕๖๘ มี ๓๐ วัน');
    expect(error.details).toMatchObject({ year: 2025, month: 9, day: 31, daysInMonth: 30 });
  });

  it('reports a 5-digit year (I-1) with the candidates, without picking one', () => {
    const error = errorOf(() => parseThaiDate('๒๑ ตุลาคม ๒๕๕๖๗'));
    expect(error.details).toMatchObject({ candidates: [2567, 2557, 2556], domainCode: 'W-YEAR-MALFORMED' });
  });

  it('refuses to format an impossible value', () => {
    expect(() => formatThaiDate({ year: 2025, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => calendarDate(2025, 9, 31)).toThrow(expect.objectContaining({ code: 'THAI_DATE_IMPOSSIBLE' }));
    expect(calendarDate(2024, 2, 29)).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('dates in running text', () => {
  it('finds only dates; ก.พ. is February only with a year after it (§5.4)', () => {
    const text = 'ตามหนังสือสำนักงาน ก.พ. ที่ นร 1013.7/ว 11 ลงวันที่ 25 ธันวาคม 2557 และ ก.พ.ร. กำหนด';
    const found = findThaiDates(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'date', raw: 'ลงวันที่ 25 ธันวาคม 2557', index: text.indexOf('ลงวันที่') });
  });

  it('finds months, full dates and impossible dates in one pass', () => {
    const found = findThaiDates('ประชุมเมื่อวันที่ ๒๖ กันยายน ๒๕๖๘ แผน ก.พ. ๒๕๖๙ ผิด ๓๑ กันยายน ๒๕๖๘');
    expect(found.map((f) => f.kind)).toEqual(['date', 'month', 'invalid']);
    expect(found[1].kind === 'month' && found[1].value.month).toEqual({ year: 2026, month: 2 });
    expect(found[2].kind === 'invalid' && found[2].error.code).toBe('THAI_DATE_IMPOSSIBLE');
  });

  it.each(NOT_DATES)('%s (§5.6, §5.8) holds no date, month or period', (text) => {
    expect(findThaiDates(text)).toEqual([]);
    expect(() => parseThaiDate(text)).toThrow(ThaiParseError);
    expect(() => parseThaiPeriod(text)).toThrow(ThaiParseError);
  });

  it('does not read a number glued to a longer number as a day', () => {
    expect(findThaiDates('ข้อ 1.25 มีนาคม 2566').map((f) => f.kind)).toEqual(['month']);
  });
});

describe('Bangkok calendar dates from instants', () => {
  it('shifts to the Bangkok day, not the process time zone', () => {
    expect(bangkokDateOf(new Date('2025-10-20T17:00:00Z'))).toEqual(oct21);
    expect(bangkokDateOf(new Date('2025-10-20T16:59:59.999Z'))).toEqual({ year: 2025, month: 10, day: 20 });
    expect(bangkokDateOf(new Date('2025-09-30T17:00:00Z'))).toEqual({ year: 2025, month: 10, day: 1 });
  });

  it('refuses instants before the Christian era', () => {
    expect(() => bangkokDateOf(new Date(Date.UTC(-1, 0, 1)))).toThrow(RangeError);
  });

  const byTimeZoneDatabase = (instant: Date) => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: 'numeric', day: 'numeric' });
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
    return { year: parts.year, month: parts.month, day: parts.day };
  };

  it('agrees with the time-zone database for any instant from 1900 on (property)', () => {
    const instants = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(fc.property(instants, (instant) => expect(bangkokDateOf(instant)).toEqual(byTimeZoneDatabase(instant))), { numRuns: 2000 });
  });

  it('uses Bangkok mean time (UTC+06:42:04) before 1 April 1920, and UTC+07:00 from then on', () => {
    expect(bangkokDateOf(new Date('1919-06-01T17:10:00Z'))).toEqual({ year: 1919, month: 6, day: 1 });
    expect(bangkokDateOf(new Date('1920-03-31T17:17:55Z'))).toEqual({ year: 1920, month: 3, day: 31 });
    expect(bangkokDateOf(new Date('1920-03-31T17:17:56Z'))).toEqual({ year: 1920, month: 4, day: 1 });
    expect(bangkokDateOf(new Date('1920-06-01T17:10:00Z'))).toEqual({ year: 1920, month: 6, day: 2 });
  });
});

describe('round trips (property, 1900–2200 CE)', () => {
  const dates = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
  const centuryOf = (date: CalendarDate) => Math.floor((date.year + 543) / 100) * 100;

  it.each(Object.keys(THAI_DATE_FORMS) as ThaiDateForm[])('%s: format → parse gives the same date', (form) => {
    fc.assert(
      fc.property(dates, (date) => {
        const text = formatThaiDate(date, form);
        const parsed = parseThaiDate(text, { twoDigitYearBase: centuryOf(date) });
        expect(parsed.date).toEqual(date);
        expect(parsed.canonical).toBe(true);
      }),
    );
  });

  it.each(Object.keys(THAI_DATE_FORMS) as ThaiDateForm[])('%s: parse → format gives the same text', (form) => {
    fc.assert(
      fc.property(dates, (date) => {
        const text = formatThaiDate(date, form);
        const parsed = parseThaiDate(text, { twoDigitYearBase: centuryOf(date) });
        expect(formatThaiDate(parsed.date, parsed.style)).toBe(text);
      }),
    );
  });

  const styles: fc.Arbitrary<ThaiDateStyle> = fc
    .record({
      digits: fc.constantFrom('thai' as const, 'arabic' as const),
      month: fc.constantFrom('full' as const, 'abbreviated' as const),
      year: fc.constantFrom('full' as const, 'two-digit' as const),
      prefix: fc.constantFrom(undefined, 'วันที่' as const, 'ลงวันที่' as const, 'เมื่อวันที่' as const, 'สั่ง ณ วันที่' as const),
      era: fc.constantFrom('' as const, 'พ.ศ. ' as const, 'พ.ศ.' as const),
      glued: fc.boolean(),
    })
    .map(({ prefix, era, glued, ...style }) => ({
      ...style,
      ...(prefix ? { prefix } : {}),
      ...(era ? { era } : {}),
      ...(glued ? { spaceBeforeYear: false } : {}),
    }));

  it('any style: value → text → the same value and style, and the text back (property)', () => {
    fc.assert(
      fc.property(dates, styles, (date, style) => {
        const text = formatThaiDate(date, style);
        const parsed = parseThaiDate(text, { twoDigitYearBase: centuryOf(date) });
        expect(parsed).toMatchObject({ date, style, canonical: true });
        expect(parsed.style).toEqual(style);
        expect(formatThaiDate(parsed.date, parsed.style)).toBe(text);
      }),
    );
  });

  it('agrees with an independent rendering: BE = CE + 543, digits mapped', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const [day, , year] = formatThaiDate(date, 'arabic').split(' ');
        expect(Number(day)).toBe(date.day);
        expect(Number(year)).toBe(date.year + 543);
      }),
    );
  });
});
