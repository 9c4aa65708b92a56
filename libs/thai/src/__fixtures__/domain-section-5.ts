import type { FiscalHalf, YearEra, YearKind, YearMonth } from '../index';

/**
 * Every date, period, year and number of domain.md §5, as printed in the seeds, with what it means.
 * The specs run these tables; domain-section-5.spec.ts checks that every token with a digit in §5
 * is here, so an entry added to domain.md fails until it is added (and so tested) here.
 */

/** §5.3: full dates, exact text → CE. Each formats back to its own text. */
export const FULL_DATES: readonly (readonly [raw: string, iso: string])[] = [
  ['วันที่ ๒๑ ตุลาคม ๒๕๖๘', '2025-10-21'],
  ['ลงวันที่ ๑๑ ตุลาคม ๒๕๖๗', '2024-10-11'],
  ['ลงวันที่ ๒๙ สิงหาคม ๒๕๖๘', '2025-08-29'],
  ['เมื่อวันที่ ๑๘ มีนาคม ๒๕๖๘', '2025-03-18'],
  ['เมื่อวันที่ ๒๙ กรกฎาคม ๒๕๖๘', '2025-07-29'],
  ['วันที่ ๒๕ ตุลาคม ๒๕๖๘', '2025-10-25'],
  ['ลงวันที่ ๒๑ ตุลาคม ๒๕๖๘', '2025-10-21'],
  ['เมื่อวันที่ ๒๖ กันยายน ๒๕๖๘', '2025-09-26'],
  ['วันที่ ๑๙ สิงหาคม พ.ศ. ๒๕๖๕', '2022-08-19'],
  ['สั่ง ณ วันที่ ๓๐ มกราคม พ.ศ. ๒๕๖๖', '2023-01-30'],
  ['ลงวันที่ 25 ธันวาคม 2557', '2014-12-25'],
];

/** §5.3–5.4: month precision. */
export const MONTHS: readonly (readonly [raw: string, month: YearMonth])[] = [
  ['มีนาคม 2566', { year: 2023, month: 3 }],
  ['มี.ค. ๖๙', { year: 2026, month: 3 }],
];

type ExpectedPeriod =
  | { readonly kind: 'month'; readonly month: YearMonth }
  | { readonly kind: 'month-range'; readonly from: YearMonth; readonly to: YearMonth; readonly joiner: string; readonly fiscalYear: number | null }
  | { readonly kind: 'open-ended'; readonly from: YearMonth }
  | { readonly kind: 'whole-fiscal-year'; readonly spaced: boolean };

export interface PeriodCase {
  readonly raw: string;
  readonly period: ExpectedPeriod;
  /** What formatThaiPeriod writes back; the raw text unless it is irregular (§9). */
  readonly written?: string;
  readonly warnings?: readonly string[];
}

/** §5.1 and §5.4: months, month ranges, open-ended and whole-year periods. */
export const MONTH_PERIODS: readonly PeriodCase[] = [
  { raw: 'ต.ค.๖๖-ก.ย. ๖๗', period: { kind: 'month-range', from: { year: 2023, month: 10 }, to: { year: 2024, month: 9 }, joiner: '-', fiscalYear: 2567 } },
  { raw: 'ต.ค. ๖๗ ถึง ก.ย. ๖๘', period: { kind: 'month-range', from: { year: 2024, month: 10 }, to: { year: 2025, month: 9 }, joiner: ' ถึง ', fiscalYear: 2568 } },
  { raw: 'ต.ค.๖๘ ถึง ก.ย.๖๙', period: { kind: 'month-range', from: { year: 2025, month: 10 }, to: { year: 2026, month: 9 }, joiner: ' ถึง ', fiscalYear: 2569 } },
  { raw: 'ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖', period: { kind: 'month-range', from: { year: 2023, month: 1 }, to: { year: 2023, month: 4 }, joiner: ' – ', fiscalYear: null } },
  // I-28: the cell repeats its range; it is read, and written, once.
  {
    raw: 'ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖ ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖',
    period: { kind: 'month-range', from: { year: 2023, month: 1 }, to: { year: 2023, month: 4 }, joiner: ' – ', fiscalYear: null },
    written: 'ม.ค. ๒๕๖๖ – เม.ย. ๒๕๖๖',
    warnings: ['W-DUPLICATED-TEXT'],
  },
  { raw: 'ส.ค. ๒๕๖๖ – ก.ย. ๒๕๖๖', period: { kind: 'month-range', from: { year: 2023, month: 8 }, to: { year: 2023, month: 9 }, joiner: ' – ', fiscalYear: null } },
  { raw: 'มี.ค. ๖๙', period: { kind: 'month', month: { year: 2026, month: 3 } } },
  { raw: 'ม.ค. ๒๕๖๖ เป็นต้นไป', period: { kind: 'open-ended', from: { year: 2023, month: 1 } } },
  { raw: 'ตลอด ปีงบประมาณ', period: { kind: 'whole-fiscal-year', spaced: true } },
  { raw: 'ตลอดปีงบประมาณ', period: { kind: 'whole-fiscal-year', spaced: false } },
];

/** §5.4: ranges of years. */
export const YEAR_RANGES: readonly (readonly [raw: string, fromBE: number, toBE: number, yearKind: YearKind, joiner: string])[] = [
  ['(พ.ศ. ๒๕๖๑-๒๕๘๐)', 2561, 2580, 'unspecified', '-'],
  ['พ.ศ. ๒๕๖๗ - ๒๕๖๙', 2567, 2569, 'unspecified', ' - '],
  ['(พ.ศ. 2566 – 2570)', 2566, 2570, 'unspecified', ' – '],
  ['พ.ศ. 2566 - 2570', 2566, 2570, 'unspecified', ' - '],
  ['พ.ศ. 2566 -2570', 2566, 2570, 'unspecified', ' -'],
  ['ปีงบประมาณ 2566 - 2570', 2566, 2570, 'fiscal', ' - '],
  ['(พ.ศ. 2561 – 2580)', 2561, 2580, 'unspecified', ' – '],
  ['ปี 66-70', 2566, 2570, 'unspecified', '-'],
];

/** §5.1, §5.4 (`ปี 2566`…`ปี 2570`), §5.5 and §5.7 (`ประจำปี 2564`): single years. */
export const YEAR_REFERENCES: readonly (readonly [raw: string, beYear: number, kind: YearKind, era: YearEra])[] = [
  ['๒๕๖๘', 2568, 'unspecified', 'BE'],
  ['๖๗', 2567, 'unspecified', 'BE'],
  ['ประจำปี พ.ศ.๒๕๖๗', 2567, 'unspecified', 'BE'],
  ['ปี พ.ศ. ๒๕๖๘', 2568, 'unspecified', 'BE'],
  ['ปี 2566', 2566, 'unspecified', 'BE'],
  ['ปี 2567', 2567, 'unspecified', 'BE'],
  ['ปี 2568', 2568, 'unspecified', 'BE'],
  ['ปี 2569', 2569, 'unspecified', 'BE'],
  ['ปี 2570', 2570, 'unspecified', 'BE'],
  ['พ.ศ.๒๕๖๗', 2567, 'unspecified', 'BE'],
  ['พ.ศ.๒๕๖๖', 2566, 'unspecified', 'BE'],
  ['ITA ปี ๒๕๖๖', 2566, 'unspecified', 'BE'],
  ['ITA ปี ๒๕๖๗', 2567, 'unspecified', 'BE'],
  ['ประจำปี ๒๕๖๗', 2567, 'unspecified', 'BE'],
  ['พ.ศ. ๒๕๖๘', 2568, 'unspecified', 'BE'],
  ['พ.ศ.๒๕๖๘', 2568, 'unspecified', 'BE'],
  ['พ.ศ. ๒๕๖๙', 2569, 'unspecified', 'BE'],
  ['พ.ศ.๒๕๖๙', 2569, 'unspecified', 'BE'],
  ['ประจำปีงบประมาณ ๒๕๖๘', 2568, 'fiscal', 'BE'],
  ['ปีงบประมาณ ๒๕๖๑', 2561, 'fiscal', 'BE'],
  ['ปีงบประมาณ ๒๕๖๕', 2565, 'fiscal', 'BE'],
  ['ประจำปีพ.ศ. ๒๕๖๕', 2565, 'unspecified', 'BE'],
  ['ประจำปีงบประมาณพ.ศ. ๒๕๖๖', 2566, 'fiscal', 'BE'],
  ['ปีงบประมาณ พ.ศ. ๒๕๖๗', 2567, 'fiscal', 'BE'],
  // I-32: CE years in Thai digits, tagged W-CE-YEAR and written back as CE.
  ['ITA ๒๐๒๓', 2566, 'unspecified', 'CE'],
  ['page=ita๒๐๒๓', 2566, 'unspecified', 'CE'],
  ['…index.php?page=ita๒๐๒๓', 2566, 'unspecified', 'CE'],
  ['พุทธศักราช 2560', 2560, 'unspecified', 'BE'],
  ['(คำนวณจากปี 2565)', 2565, 'unspecified', 'BE'],
  ['ประจำปี 2564', 2564, 'unspecified', 'BE'],
];

/** §5.5, I-1: refused, never fixed; the candidates are what one deleted digit gives. */
export const MALFORMED_YEARS: readonly (readonly [raw: string, candidates: readonly number[]])[] = [
  ['ปีงบประมาณพ.ศ ๒๕๕๖๗', [2567, 2557, 2556]],
];

type ExpectedReportingPeriod =
  | { readonly kind: 'rounds'; readonly months: readonly number[] }
  | { readonly kind: 'half'; readonly half: FiscalHalf }
  | { readonly kind: 'recurring'; readonly every: { readonly count: number; readonly unit: string }; readonly word: string }
  | { readonly kind: 'within'; readonly within: { readonly count: number; readonly unit: string } };

/** §5.2 and §5.4: reporting rounds, cadences and deadlines. */
export const REPORTING_PERIODS: readonly (readonly [raw: string, period: ExpectedReportingPeriod])[] = [
  ['รอบ 6 เดือน 9 เดือน และ 12 เดือน', { kind: 'rounds', months: [6, 9, 12] }],
  ['รอบ ๖ เดือน', { kind: 'rounds', months: [6] }],
  ['รอบ 6 เดือน', { kind: 'rounds', months: [6] }],
  ['ภายใน 15 วัน', { kind: 'within', within: { count: 15, unit: 'day' } }],
  ['๖ เดือนแรก', { kind: 'half', half: 'first' }],
  ['๖ เดือนหลัง', { kind: 'half', half: 'second' }],
  ['ราย ๖ เดือน', { kind: 'recurring', every: { count: 6, unit: 'month' }, word: 'ราย' }],
  ['รายไตรมาส', { kind: 'recurring', every: { count: 1, unit: 'quarter' }, word: 'ราย' }],
  ['รายเดือน', { kind: 'recurring', every: { count: 1, unit: 'month' }, word: 'ราย' }],
  ['ทุกสัปดาห์', { kind: 'recurring', every: { count: 1, unit: 'week' }, word: 'ทุก' }],
];

/** §5.2 and §5.7: single numbers, each written back the same. */
export const NUMBERS: readonly (readonly [raw: string, value: number, digits: 'thai' | 'arabic', fractionDigits: number])[] = [
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
];

/** §5.7: the numbers in each quoted text, in order (mixed-script ITA codes are not numbers, I-2). */
export const NUMBER_TEXTS: readonly (readonly [text: string, values: readonly number[]])[] = [
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
  ['ร้อยละ 20', [20]],
  ['ร้อยละ 30', [30]],
  ['ร้อยละ 40', [40]],
  ['ร้อยละ 50', [50]],
  ['(85 คะแนนขึ้นไป)', [85]],
  ['90 คะแนนขึ้นไป', [90]],
  ['35 คะแนน', [35]],
  ['อันดับที่ 110', [110]],
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
];

/** §5.1–5.2 and §6.2: ITA item codes (I-2, I-12, I-31), not numbers. */
export const ITA_CODES: readonly (readonly [raw: string, code: string])[] = [
  ['0๑๒', 'O12'],
  ['0๘', 'O8'],
  ['0๒๔', 'O24'],
  ['O๑', 'O1'],
  ['O๒๕', 'O25'],
  ['026', 'O26'],
  ['043', 'O43'],
  ['๐๑๔', 'O14'],
];

/**
 * §5.6 and §5.8: document and meeting numbers, phones, URLs and legal references. They look like
 * dates or numbers but are neither; no date or period may be read from them. The document-number
 * grammar itself is tested in apps/api/src/registry/register-number.spec.ts.
 */
export const NOT_DATES: readonly string[] = [
  'ขร ๗๓๕๐๑/๑๖๕๖',
  'ขร ๗๓๕๐๑/๑๗๓๒',
  'ขร ๗๓๕๐๑/๑๕๕๘',
  '…/๑๗๓๒',
  '…/๑๕๕๘',
  'ชร ๗๓๕๐๑/ ๑๘๖๕',
  '๗๓๕๐๑/๑๘๘๒',
  'ที่ ๗๓๕๐๑/๑๘๘๒',
  'ที่ ๑๕๒ /๒๕๖๖',
  '๑๕๒ /๒๕๖๖',
  'คำสั่งเทศบาลที่ ๑๔๒/๒๕๖๖',
  'ที่ นร 1013.7/ว 11',
  'ครั้งที่ ๓ / ๒๕๖๘',
  'ครั้งที่ ๒',
  'มาตรา 3/1',
  'ปค.1/ปค.2/ปค.3',
  '(๑)',
  'โทร. ๐-๕๓๑๘-๐๐๒๒ , ๐-๕๓๑๘-๐๐๒๓ ต่อ ๑๐๐',
  '…/load_data/?doc=๑๓๗๙๗',
  'มาตรา ๔๑ (๑), มาตรา ๕๙ และมาตรา ๒๕๓',
  'มาตรา ๑๗',
  'มาตรา ๗ และมาตรา ๙',
  'มาตรา 65',
  'มาตรา 9 วรรคหนึ่ง (8)',
  'หมวด 1 และหมวด 8',
  'ข้อ 5',
  'ข้อ 8',
  'ข้อ 9',
  'ประเด็นที่ (21)',
  '(ฉบับที่ 5)',
];

/** Tokens of §5 that are parts of others rather than entries of their own, and the entry that holds each. */
export const FRAGMENTS: Readonly<Record<string, string>> = {
  /** §5.2 "three codes with Arabic `0`": the letter O of 0๑๒. */
  '0': '0๑๒',
};
