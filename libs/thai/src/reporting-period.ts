import { digitScriptOf, toArabicDigits, toDigits, type DigitScript } from './digits';
import { ThaiParseError } from './errors';
import type { FiscalHalf } from './fiscal-year';

export type DurationUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Duration {
  readonly count: number;
  readonly unit: DurationUnit;
}

/** `ราย…` (per) or `ทุก…` (every): `รายเดือน`, `ทุกสัปดาห์`. */
export type RecurrenceWord = 'ราย' | 'ทุก';

/** A reporting cadence or deadline of §5.4 (`รอบ ๖ เดือน`, `รายไตรมาส`, `ภายใน 15 วัน`, …) and the digits it is written in. */
export type ReportingPeriodForm = { readonly digits: DigitScript } & (
  /** `รอบ 6 เดือน 9 เดือน และ 12 เดือน`: reports due at these months into the fiscal year. */
  | { readonly kind: 'rounds'; readonly months: readonly number[] }
  /** `๖ เดือนแรก` / `๖ เดือนหลัง`. */
  | { readonly kind: 'half'; readonly half: FiscalHalf }
  /** `ราย ๖ เดือน`, `รายไตรมาส`, `รายเดือน`, `ทุกสัปดาห์`. */
  | { readonly kind: 'recurring'; readonly every: Duration; readonly word: RecurrenceWord }
  /** `ภายใน 15 วัน`. */
  | { readonly kind: 'within'; readonly within: Duration }
);

export type ReportingPeriod = ReportingPeriodForm & { readonly raw: string };

const UNITS: Record<string, DurationUnit> = {
  วัน: 'day',
  สัปดาห์: 'week',
  เดือน: 'month',
  ไตรมาส: 'quarter',
  ปี: 'year',
};
const UNIT_WORDS = Object.fromEntries(Object.entries(UNITS).map(([word, unit]) => [unit, word])) as Record<DurationUnit, string>;
const UNIT = `(?<unit>${Object.keys(UNITS).join('|')})`;

export function parseReportingPeriod(raw: string): ReportingPeriod {
  const text = toArabicDigits(raw.trim()).replace(/\s+/g, ' ');
  const base = { raw, digits: digitScriptOf(raw) };
  const rounds = /^รอบ ((?:\d+ เดือน(?: และ)? ?)+)$/u.exec(text);
  if (rounds) return { ...base, kind: 'rounds', months: [...rounds[1].matchAll(/\d+/g)].map((m) => Number(m[0])) };
  const half = /^6 เดือน(?<which>แรก|หลัง)$/u.exec(text);
  if (half?.groups) return { ...base, kind: 'half', half: half.groups.which === 'แรก' ? 'first' : 'second' };
  const recurring = new RegExp(`^(?<word>ราย|ทุก) ?(?<count>\\d+)? ?${UNIT}$`, 'u').exec(text);
  if (recurring?.groups) {
    return { ...base, kind: 'recurring', every: durationOf(recurring.groups), word: recurring.groups.word as RecurrenceWord };
  }
  const within = new RegExp(`^ภายใน ?(?<count>\\d+) ?${UNIT}$`, 'u').exec(text);
  if (within?.groups) return { ...base, kind: 'within', within: durationOf(within.groups) };
  throw new ThaiParseError(
    'THAI_PERIOD_UNPARSEABLE',
    `"${raw}" is not a reporting period such as รอบ ๖ เดือน or รายไตรมาส.`,
    `"${raw}" ไม่ใช่รอบการรายงานที่อ่านได้`,
    raw,
  );
}

/**
 * A reporting period in the words of the seeds. Normalised: one space between words, `และ` only
 * before the last round, and a count of 1 not written (`ราย ๑ เดือน` → `รายเดือน`).
 */
export function formatReportingPeriod(period: ReportingPeriodForm): string {
  const count = (n: number) => toDigits(n, period.digits);
  const duration = ({ count: n, unit }: Duration) => `${count(n)} ${UNIT_WORDS[unit]}`;
  switch (period.kind) {
    case 'rounds':
      return `รอบ ${listed(period.months.map((months) => `${count(months)} เดือน`))}`;
    case 'half':
      return `${count(6)} เดือน${period.half === 'first' ? 'แรก' : 'หลัง'}`;
    case 'recurring':
      return period.every.count === 1 ? `${period.word}${UNIT_WORDS[period.every.unit]}` : `${period.word} ${duration(period.every)}`;
    case 'within':
      return `ภายใน ${duration(period.within)}`;
  }
}

/** `6 เดือน 9 เดือน และ 12 เดือน`: no commas, `และ` before the last. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(' ')} และ ${items.at(-1)}`;
}

function durationOf(groups: Record<string, string | undefined>): Duration {
  return { count: groups.count ? Number(groups.count) : 1, unit: UNITS[groups.unit!] };
}
