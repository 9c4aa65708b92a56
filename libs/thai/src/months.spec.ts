import { lookUpThaiMonth, THAI_MONTHS, thaiMonthName } from './index';

// The names come from ICU; these are the forms the seeds and §5.4 use.
const EXPECTED = [
  ['มกราคม', 'ม.ค.'],
  ['กุมภาพันธ์', 'ก.พ.'],
  ['มีนาคม', 'มี.ค.'],
  ['เมษายน', 'เม.ย.'],
  ['พฤษภาคม', 'พ.ค.'],
  ['มิถุนายน', 'มิ.ย.'],
  ['กรกฎาคม', 'ก.ค.'],
  ['สิงหาคม', 'ส.ค.'],
  ['กันยายน', 'ก.ย.'],
  ['ตุลาคม', 'ต.ค.'],
  ['พฤศจิกายน', 'พ.ย.'],
  ['ธันวาคม', 'ธ.ค.'],
];

describe('Thai month names', () => {
  it('matches the official full and abbreviated names, in order', () => {
    expect(THAI_MONTHS.map((m) => [m.full, m.abbreviated])).toEqual(EXPECTED);
  });

  it('looks names up both ways', () => {
    expect(lookUpThaiMonth('ก.พ.')).toEqual({ month: 2, style: 'abbreviated' });
    expect(lookUpThaiMonth('ตุลาคม')).toEqual({ month: 10, style: 'full' });
    expect(lookUpThaiMonth('ตุลา')).toBeUndefined();
    expect(thaiMonthName(3, 'abbreviated')).toBe('มี.ค.');
    expect(() => thaiMonthName(13, 'full')).toThrow(RangeError);
  });
});
