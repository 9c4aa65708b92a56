import { formatRegisterNumber, type NumberingRule, parseRegisterNumber, registerYearOf } from './register-number';
import { RegisterNumberFormatError } from './registry.errors';

const memos: NumberingRule = { format: 'MEMO_STYLE', prefix: 'ชร', prefixAliases: ['ขร'], officeCode: '73501' };
const orders: NumberingRule = { format: 'ORDER_STYLE', prefix: null, prefixAliases: [], officeCode: null };

const codesOf = (parsed: { warnings: { code: string }[] }) => parsed.warnings.map((w) => w.code);

function refusalOf(rule: NumberingRule, raw: string): RegisterNumberFormatError {
  try {
    parseRegisterNumber(rule, raw);
  } catch (error) {
    if (error instanceof RegisterNumberFormatError) return error;
    throw error;
  }
  throw new Error(`"${raw}" parsed, but should have been refused`);
}

describe('formatRegisterNumber', () => {
  it('prints a memo number with the canonical prefix, office code and running number in Thai digits', () => {
    expect(formatRegisterNumber(memos, 1656, 2568)).toBe('ชร ๗๓๕๐๑/๑๖๕๖');
    expect(formatRegisterNumber(memos, 1, 2569)).toBe('ชร ๗๓๕๐๑/๑');
  });

  it('prints an order number as number/BE year', () => {
    expect(formatRegisterNumber(orders, 152, 2566)).toBe('๑๕๒/๒๕๖๖');
  });
});

describe('parseRegisterNumber: every document number of domain.md §5.6', () => {
  it.each([
    ['ขร ๗๓๕๐๑/๑๖๕๖', 1656, ['W-DOCNO-PREFIX-MISMATCH']],
    ['ขร ๗๓๕๐๑/๑๗๓๒', 1732, ['W-DOCNO-PREFIX-MISMATCH']],
    ['ขร ๗๓๕๐๑/๑๕๕๘', 1558, ['W-DOCNO-PREFIX-MISMATCH']],
    ['ชร ๗๓๕๐๑/ ๑๘๖๕', 1865, ['W-DOCNO-WHITESPACE']],
    ['ที่ ๗๓๕๐๑/๑๘๘๒', 1882, ['W-DOCNO-PREFIX-MISSING']],
    ['ชร ๗๓๕๐๑/๑๖๕๖', 1656, []],
    ['ที่ ชร ๗๓๕๐๑/๑๖๕๖', 1656, []],
    ['ชร 73501/1656', 1656, []],
    ['ชร ๗๓๕๐๑ / ๑๘๖๕', 1865, ['W-DOCNO-WHITESPACE']],
  ])('memo %s → %d', (raw, number, warnings) => {
    const parsed = parseRegisterNumber(memos, raw);
    expect(parsed).toMatchObject({ number, printedYear: null, raw });
    expect(codesOf(parsed)).toEqual(warnings);
  });

  it.each([
    ['ที่ ๑๕๒ /๒๕๖๖', 152, 2566, ['W-DOCNO-WHITESPACE']],
    ['๑๕๒ /๒๕๖๖', 152, 2566, ['W-DOCNO-WHITESPACE']],
    ['คำสั่งเทศบาลที่ ๑๔๒/๒๕๖๖', 142, 2566, []],
    ['๑๕๒/๒๕๖๖', 152, 2566, []],
    ['152/2566', 152, 2566, []],
  ])('order %s → %d/%d', (raw, number, year, warnings) => {
    const parsed = parseRegisterNumber(orders, raw);
    expect(parsed).toMatchObject({ number, printedYear: year, raw });
    expect(codesOf(parsed)).toEqual(warnings);
  });

  it('keeps the text as printed (NFC, trimmed) for number_text', () => {
    expect(parseRegisterNumber(memos, '  ชร ๗๓๕๐๑/ ๑๘๖๕ ').raw).toBe('ชร ๗๓๕๐๑/ ๑๘๖๕');
  });

  it('round-trips: the canonical form parses back to the same number without warnings', () => {
    for (const n of [1, 9, 10, 1656, 1882, 99999]) {
      expect(parseRegisterNumber(memos, formatRegisterNumber(memos, n, 2568))).toMatchObject({ number: n, warnings: [] });
      expect(parseRegisterNumber(orders, formatRegisterNumber(orders, n, 2566))).toMatchObject({ number: n, printedYear: 2566, warnings: [] });
    }
  });
});

describe('parseRegisterNumber refuses what is not a number of the register', () => {
  it.each([
    ['ที่ นร 1013.7/ว 11', 'REGISTER_NUMBER_MALFORMED'],
    ['มาตรา 3/1', 'REGISTER_NUMBER_MALFORMED'],
    ['ปค.1/ปค.2/ปค.3', 'REGISTER_NUMBER_MALFORMED'],
    ['ทุกสำนัก/กอง', 'REGISTER_NUMBER_MALFORMED'],
    ['(๑)', 'REGISTER_NUMBER_MALFORMED'],
    ['ครั้งที่ ๓ / ๒๕๖๘', 'REGISTER_NUMBER_MALFORMED'],
    ['ครั้งที่ ๒', 'REGISTER_NUMBER_MALFORMED'],
    ['', 'REGISTER_NUMBER_MALFORMED'],
    ['นร ๗๓๕๐๑/๑๖๕๖', 'REGISTER_NUMBER_PREFIX_UNKNOWN'],
    ['ชร ๗๓๕๐๒/๑๖๕๖', 'REGISTER_NUMBER_OFFICE_CODE_MISMATCH'],
    ['๑๕๒ /๒๕๖๖', 'REGISTER_NUMBER_OFFICE_CODE_MISMATCH'],
    ['ชร ๗๓๕๐๑/๐', 'REGISTER_NUMBER_OUT_OF_RANGE'],
    ['ชร ๗๓๕๐๑/๙๙๙๙๙๙๙๙๙๙', 'REGISTER_NUMBER_OUT_OF_RANGE'],
  ])('memo register: %s → %s', (raw, code) => {
    expect(refusalOf(memos, raw).code).toBe(code);
  });

  it.each([
    ['มาตรา 3/1', 'REGISTER_NUMBER_MALFORMED'],
    ['3/1', 'REGISTER_NUMBER_YEAR_INVALID'],
    ['ปค.1/ปค.2/ปค.3', 'REGISTER_NUMBER_MALFORMED'],
    ['ทุกสำนัก/กอง', 'REGISTER_NUMBER_MALFORMED'],
    ['(๑)', 'REGISTER_NUMBER_MALFORMED'],
    ['ครั้งที่ ๓ / ๒๕๖๘', 'REGISTER_NUMBER_MALFORMED'],
    ['ที่ นร 1013.7/ว 11', 'REGISTER_NUMBER_MALFORMED'],
    ['ขร ๗๓๕๐๑/๑๖๕๖', 'REGISTER_NUMBER_MALFORMED'],
    ['๑๕๒/๖๖', 'REGISTER_NUMBER_YEAR_INVALID'],
    ['๑๕๒/๒๐๒๓', 'REGISTER_NUMBER_YEAR_INVALID'],
    ['๐/๒๕๖๖', 'REGISTER_NUMBER_OUT_OF_RANGE'],
  ])('order register: %s → %s', (raw, code) => {
    expect(refusalOf(orders, raw).code).toBe(code);
  });

  it('says what was given and what was expected, in English and Thai', () => {
    const error = refusalOf(memos, 'ชร ๗๓๕๐๒/๑๖๕๖');
    expect(error.httpStatus).toBe(400);
    expect(error.details).toMatchObject({ raw: 'ชร ๗๓๕๐๒/๑๖๕๖', expected: 'ชร ๗๓๕๐๑/๑๖๕๖', officeCode: '73502' });
    expect(error.message).toContain('73501');
    expect(error.messageTh).toContain('๗๓๕๐๑');
  });
});

describe('registerYearOf (Asia/Bangkok)', () => {
  it('CALENDAR: the BE year of the Bangkok date, rolling over at midnight of 1 January in Bangkok', () => {
    expect(registerYearOf('CALENDAR', new Date('2025-12-31T23:59:59+07:00'))).toBe(2568);
    expect(registerYearOf('CALENDAR', new Date('2025-12-31T17:00:00Z'))).toBe(2569);
  });

  it('FISCAL: the fiscal year, rolling over at midnight of 1 October in Bangkok', () => {
    expect(registerYearOf('FISCAL', new Date('2025-09-30T23:59:59+07:00'))).toBe(2568);
    expect(registerYearOf('FISCAL', new Date('2025-09-30T17:00:00Z'))).toBe(2569);
  });

  it('domain.md §5.6: …/๑๗๓๒ of 11 Oct 2567 and …/๑๕๕๘ of 29 Aug 2568 share a fiscal year but not a calendar year', () => {
    const cited1732 = new Date('2024-10-11T10:00:00+07:00');
    const cited1558 = new Date('2025-08-29T10:00:00+07:00');
    expect([registerYearOf('FISCAL', cited1732), registerYearOf('FISCAL', cited1558)]).toEqual([2568, 2568]);
    expect([registerYearOf('CALENDAR', cited1732), registerYearOf('CALENDAR', cited1558)]).toEqual([2567, 2568]);
  });
});
