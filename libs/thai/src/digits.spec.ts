import fc from 'fast-check';
import { digitScriptOf, digitsUsed, normaliseItaCode, toDigits, THAI_DIGITS, ThaiParseError, toArabicDigits, toThaiDigits } from './index';
import { ITA_CODES } from './__fixtures__/domain-section-5';

describe('Thai ⇄ Arabic digits (§5.2)', () => {
  it('maps ๐๑๒๓๔๕๖๗๘๙ one to one onto 0–9 (U+0E50–0E59)', () => {
    expect(THAI_DIGITS).toBe('\u0E50\u0E51\u0E52\u0E53\u0E54\u0E55\u0E56\u0E57\u0E58\u0E59');
    expect(toArabicDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
    expect(toThaiDigits('0123456789')).toBe('๐๑๒๓๔๕๖๗๘๙');
  });

  it('leaves everything that is not a digit unchanged', () => {
    expect(toArabicDigits('ขร ๗๓๕๐๑/๑๖๕๖')).toBe('ขร 73501/1656');
    expect(toThaiDigits('7,850 แห่ง')).toBe('๗,๘๕๐ แห่ง');
    expect(toThaiDigits('โทร. 0-5318-0022 ต่อ 100')).toBe('โทร. ๐-๕๓๑๘-๐๐๒๒ ต่อ ๑๐๐');
    expect(toArabicDigits('รอบ ๖ เดือน')).toBe('รอบ 6 เดือน');
  });

  it('converts numbers, and to a script chosen at run time', () => {
    expect(toThaiDigits(98.8)).toBe('๙๘.๘');
    expect(toThaiDigits(2568)).toBe('๒๕๖๘');
    expect(toDigits(2568, 'thai')).toBe('๒๕๖๘');
    expect(toDigits('ที่ ๑๕๒ /๒๕๖๖', 'arabic')).toBe('ที่ 152 /2566');
  });

  it('tells which digit system a text uses', () => {
    expect(digitsUsed('๒๕๖๘')).toBe('thai');
    expect(digitsUsed('2568')).toBe('arabic');
    expect(digitsUsed('0๑๒')).toBe('mixed');
    expect(digitsUsed('ตุลาคม')).toBe('none');
    expect([digitScriptOf('2568'), digitScriptOf('๒๕๖๘'), digitScriptOf('0๑๒'), digitScriptOf('รายเดือน')]).toEqual(['arabic', 'thai', 'thai', 'thai']);
  });

  it('is an involution on digit strings (property)', () => {
    const arabic = fc.stringMatching(/^[0-9]{0,30}$/);
    const thai = fc.string({ unit: fc.constantFrom(...THAI_DIGITS), maxLength: 30 });
    fc.assert(fc.property(arabic, (s) => toArabicDigits(toThaiDigits(s)) === s));
    fc.assert(fc.property(arabic, (s) => digitsUsed(toThaiDigits(s)) === (s ? 'thai' : 'none')));
    fc.assert(fc.property(thai, (s) => toThaiDigits(toArabicDigits(s)) === s));
  });

  it('changes nothing in text without digits (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !/[0-9\u0E50-\u0E59]/.test(s)), (s) => {
        return toThaiDigits(s) === s && toArabicDigits(s) === s;
      }),
    );
  });
});

describe('ITA item codes (§6.2, I-2, I-12, I-31)', () => {
  it.each<readonly [string, string]>([
    ...ITA_CODES,
    ['๐๑', 'O1'],
    ['๐๙', 'O9'],
    ['๐๑๐', 'O10'],
    ['๐๒๘', 'O28'],
    ['o5', 'O5'],
  ])('%s → %s, keeping the raw code', (raw, code) => {
    expect(normaliseItaCode(raw)).toEqual({ code, number: Number(code.slice(1)), raw });
  });

  it.each(['', 'O', 'i30', 'X12', '12', 'O0', 'O๑๒๓๔'])('refuses %j', (raw) => {
    expect(() => normaliseItaCode(raw)).toThrow(expect.objectContaining({ code: 'ITA_CODE_INVALID', raw }));
    expect(() => normaliseItaCode(raw)).toThrow(ThaiParseError);
  });

  it('is separate from plain digit conversion: 0๑๒ as digits is "012", not O12', () => {
    expect(toArabicDigits('0๑๒')).toBe('012');
  });
});
