import fc from 'fast-check';
import {
  bahtText,
  findThaiNumbers,
  formatLike,
  formatThaiNumber,
  normaliseItaCode,
  parseBudgetCell,
  parseThaiNumber,
  ThaiParseError,
} from './index';

const values = (text: string) => findThaiNumbers(text).map((n) => n.value);

describe('single numbers of §5.7', () => {
  it.each([
    ['๙๘.๘๐', 98.8, 'thai', 2],
    ['+๘.๔๔', 8.44, 'thai', 2],
    ['๙๐.๓๖', 90.36, 'thai', 2],
    ['๐', 0, 'thai', 0],
    ['๑๐๐', 100, 'thai', 0],
    ['๘๐', 80, 'thai', 0],
    ['๘๕', 85, 'thai', 0],
    ['7,850', 7850, 'arabic', 0],
    ['5,000', 5000, 'arabic', 0],
    ['10,000', 10000, 'arabic', 0],
    ['20,000', 20000, 'arabic', 0],
    ['30,000', 30000, 'arabic', 0],
    ['60,000', 60000, 'arabic', 0],
    ['110', 110, 'arabic', 0],
  ])('%s → %d, written back the same', (raw, value, digits, fractionDigits) => {
    const parsed = parseThaiNumber(raw);
    expect(parsed).toMatchObject({ value, raw, digits, fractionDigits });
    expect(formatLike(parsed.value, parsed)).toBe(raw);
  });

  it('checks the published gain: ๙๘.๘๐ − ๙๐.๓๖ = +๘.๔๔', () => {
    const gain = parseThaiNumber('๙๘.๘๐').value - parseThaiNumber('๙๐.๓๖').value;
    expect(formatLike(gain, parseThaiNumber('+๘.๔๔'))).toBe('+๘.๔๔');
  });

  it('reads a budget cell: - is none (§8.4)', () => {
    expect(parseBudgetCell('-')).toBeNull();
    expect(parseBudgetCell('30,000')?.value).toBe(30000);
  });

  it.each(['0๑๒', '1,00', '๑๒,๓๔', '', '-', '12.', 'ห้า', '1.2.3'])('refuses %j', (raw) => {
    expect(() => parseThaiNumber(raw)).toThrow(expect.objectContaining({ code: 'THAI_NUMBER_UNPARSEABLE', raw }));
  });

  it('formats with Thai digits and separators', () => {
    expect(formatThaiNumber(7850, { digits: 'thai', grouped: true })).toBe('๗,๘๕๐');
    expect(formatThaiNumber(98.8, { digits: 'thai', fractionDigits: 2 })).toBe('๙๘.๘๐');
  });

  it('round-trips any amount in either script (property)', () => {
    const amounts = fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 100);
    const formats = fc.record({ digits: fc.constantFrom('thai' as const, 'arabic' as const), grouped: fc.boolean() });
    fc.assert(
      fc.property(amounts, formats, (amount, format) => {
        const text = formatThaiNumber(amount, { ...format, fractionDigits: 2 });
        expect(parseThaiNumber(text).value).toBe(amount);
      }),
    );
  });
});

describe('numbers in the texts of §5.7', () => {
  it.each([
    ['๙๘.๘๐ … อยู่ในระดับ “ผ่านดี”', [98.8]],
    ['+๘.๔๔ คะแนน', [8.44]],
    ['ปีงบประมาณ พ.ศ. ๒๕๖๗ ได้ ๙๐.๓๖ คะแนน', [2567, 90.36]],
    ['0๑๒ … รอบ ๖ เดือน ผลการประเมิน ๐ คะแนน', [6, 0]],
    ['0๘ … ผลการประเมิน ๑๐๐ คะแนน', [100]],
    ['คะแนนตัวชี้วัด 0๒๔ มีผลการประเมิน ๑๐๐ คะแนน', [100]],
    ['ตัวชี้วัดการป้องกันการทุจริต ได้คะแนนประเมิน ITA ๑๐๐ คะแนน', [100]],
    ['ร้อยละ ๘๐', [80]],
    ['๘๕ คะแนนขึ้นไป', [85]],
    ['65 คะแนน', [65]],
    ['70 คะแนน', [70]],
    ['75 คะแนน', [75]],
    ['80 คะแนน', [80]],
    ['85 คะแนน', [85]],
    ['ร้อยละ 10', [10]],
    ['ร้อยละ 50', [50]],
    ['(85 คะแนนขึ้นไป)', [85]],
    ['90 คะแนนขึ้นไป', [90]],
    ['35 คะแนน', [35]],
    ['อันดับที่ 110', [110]],
    ['ประจำปี 2564', [2564]],
    ['1 ใน 20', [1, 20]],
    ['73 คะแนน', [73]],
    ['1 ใน 43', [1, 43]],
    ['57 คะแนน', [57]],
    ['7,850 แห่ง', [7850]],
    ['5,000 บาท', [5000]],
    ['20,000 บาท', [20000]],
    ['30,000 บาท', [30000]],
    ['ไม่น้อยกว่าร้อยละ 80', [80]],
    ['ร้อยละ 100', [100]],
    ['ลดลงร้อยละ 5', [5]],
    ['อย่างน้อย 5 ช่องทาง', [5]],
    ['อย่างน้อย 3 ช่องทาง', [3]],
    ['ไม่น้อยกว่าปีละ 4 ครั้ง', [4]],
    ['จำนวน 1 ครั้ง', [1]],
    ['จำนวน 1 ฉบับ', [1]],
    ['ไม่น้อยกว่า 4 ฉบับ', [4]],
    ['อย่างน้อย ๑ คู่มือ', [1]],
    ['มากกว่า ๑ ปี', [1]],
    ['ระยะ ๑ ปี', [1]],
  ])('%s → %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('leaves the mixed-script ITA codes to normaliseItaCode (I-2)', () => {
    const text = '0๑๒ … รอบ ๖ เดือน ผลการประเมิน ๐ คะแนน';
    expect(findThaiNumbers(text).map((n) => n.raw)).toEqual(['๖', '๐']);
    expect(normaliseItaCode(text.split(' ')[0]).code).toBe('O12');
  });

  it('does not cut numbers out of dotted or comma-joined sequences', () => {
    expect(findThaiNumbers('ข้อ 1.2.3 และ ๑,๒๓,๔')).toEqual([]);
    expect(values('ที่ นร 1013.7/ว 11')).toEqual([1013.7, 11]);
  });

  it('keeps raw text and position; codes glued to Latin letters are not numbers', () => {
    expect(findThaiNumbers('คะแนน +๘.๔๔ และ O๑ และ ita๒๐๒๓')).toEqual([
      expect.objectContaining({ raw: '+๘.๔๔', value: 8.44, index: 6, explicitPlus: true }),
    ]);
  });
});

describe('baht text', () => {
  it.each([
    [5000, 'ห้าพันบาทถ้วน'],
    [21.5, 'ยี่สิบเอ็ดบาทห้าสิบสตางค์'],
    [101, 'หนึ่งร้อยเอ็ดบาทถ้วน'],
    [1_000_000, 'หนึ่งล้านบาทถ้วน'],
    [11, 'สิบเอ็ดบาทถ้วน'],
    [21, 'ยี่สิบเอ็ดบาทถ้วน'],
    [0, 'ศูนย์บาทถ้วน'],
    [1, 'หนึ่งบาทถ้วน'],
    [10, 'สิบบาทถ้วน'],
    [20, 'ยี่สิบบาทถ้วน'],
    [0.01, 'หนึ่งสตางค์'],
    [0.5, 'ห้าสิบสตางค์'],
    [0.21, 'ยี่สิบเอ็ดสตางค์'],
    [1.01, 'หนึ่งบาทหนึ่งสตางค์'],
    [1001, 'หนึ่งพันเอ็ดบาทถ้วน'],
    [1100, 'หนึ่งพันหนึ่งร้อยบาทถ้วน'],
    [7850, 'เจ็ดพันแปดร้อยห้าสิบบาทถ้วน'],
    [30_000, 'สามหมื่นบาทถ้วน'],
    [60_000, 'หกหมื่นบาทถ้วน'],
    [300_000, 'สามแสนบาทถ้วน'],
    [1_000_001, 'หนึ่งล้านเอ็ดบาทถ้วน'],
    [10_000_000, 'สิบล้านบาทถ้วน'],
    [21_000_000, 'ยี่สิบเอ็ดล้านบาทถ้วน'],
    [5_001_000_000, 'ห้าพันเอ็ดล้านบาทถ้วน'],
    [1_000_000_000_000, 'หนึ่งล้านล้านบาทถ้วน'],
    [1_234_567.89, 'หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์'],
  ])('%d → %s', (amount, text) => {
    expect(bahtText(amount)).toBe(text);
  });

  it('reads amounts written in Thai or Arabic digits with separators', () => {
    expect(bahtText('5,000')).toBe('ห้าพันบาทถ้วน');
    expect(bahtText('๒๑.๕๐')).toBe('ยี่สิบเอ็ดบาทห้าสิบสตางค์');
    expect(bahtText('๒๑.๕')).toBe('ยี่สิบเอ็ดบาทห้าสิบสตางค์');
    // Beyond Number.MAX_SAFE_INTEGER, as a string: 12 | 345678 | 901234 | 567890 in ล้าน groups.
    expect(bahtText('12345678901234567890')).toBe(
      'สิบสองล้านสามแสนสี่หมื่นห้าพันหกร้อยเจ็ดสิบแปดล้านเก้าแสนหนึ่งพันสองร้อยสามสิบสี่ล้านห้าแสนหกหมื่นเจ็ดพันแปดร้อยเก้าสิบบาทถ้วน',
    );
    expect(bahtText('2,000,001,000,001')).toBe('สองล้านเอ็ดล้านเอ็ดบาทถ้วน');
  });

  it.each([-5, Number.NaN, Number.POSITIVE_INFINITY, 1.005, 0.1 + 0.2, '1,00', '-1', 'ห้าบาท', '1.234'])(
    'refuses %p rather than guessing',
    (amount) => {
      expect(() => bahtText(amount)).toThrow(ThaiParseError);
      expect(() => bahtText(amount)).toThrow(expect.objectContaining({ code: 'THAI_AMOUNT_INVALID' }));
    },
  );

  it('says เอ็ด only for a final 1 after a higher digit, and ends in ถ้วน exactly for whole baht (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_99 }), (satang) => {
        const text = bahtText(satang / 100);
        expect(text.endsWith('ถ้วน')).toBe(satang % 100 === 0);
        expect(text).not.toMatch(/หนึ่งสิบ|สองสิบ|เอ็ดสิบ|เอ็ดร้อย|เอ็ดพัน|เอ็ดหมื่น|เอ็ดแสน/);
        const baht = Math.floor(satang / 100);
        expect(text.includes('เอ็ดบาท')).toBe(baht > 10 && baht % 10 === 1);
      }),
    );
  });
});
