import { toArabicDigits } from './digits';
import { ThaiParseError } from './errors';
import type { FiscalHalf } from './fiscal-year';

export type DurationUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Duration {
  readonly count: number;
  readonly unit: DurationUnit;
}

/** Reporting cadences and deadlines of §5.4 (`รอบ ๖ เดือน`, `รายไตรมาส`, `ภายใน 15 วัน`, …). */
export type ReportingPeriod =
  /** `รอบ 6 เดือน 9 เดือน และ 12 เดือน`: reports due at these months into the fiscal year. */
  | { readonly kind: 'rounds'; readonly raw: string; readonly months: readonly number[] }
  /** `๖ เดือนแรก` / `๖ เดือนหลัง`. */
  | { readonly kind: 'half'; readonly raw: string; readonly half: FiscalHalf }
  /** `ราย ๖ เดือน`, `รายไตรมาส`, `รายเดือน`, `ทุกสัปดาห์`. */
  | { readonly kind: 'recurring'; readonly raw: string; readonly every: Duration }
  /** `ภายใน 15 วัน`. */
  | { readonly kind: 'within'; readonly raw: string; readonly within: Duration };

const UNITS: Record<string, DurationUnit> = {
  วัน: 'day',
  สัปดาห์: 'week',
  เดือน: 'month',
  ไตรมาส: 'quarter',
  ปี: 'year',
};
const UNIT = `(?<unit>${Object.keys(UNITS).join('|')})`;

export function parseReportingPeriod(raw: string): ReportingPeriod {
  const text = toArabicDigits(raw.trim()).replace(/\s+/g, ' ');
  const rounds = /^รอบ ((?:\d+ เดือน(?: และ)? ?)+)$/u.exec(text);
  if (rounds) return { kind: 'rounds', raw, months: [...rounds[1].matchAll(/\d+/g)].map((m) => Number(m[0])) };
  const half = /^6 เดือน(?<which>แรก|หลัง)$/u.exec(text);
  if (half?.groups) return { kind: 'half', raw, half: half.groups.which === 'แรก' ? 'first' : 'second' };
  const recurring = new RegExp(`^(?:ราย|ทุก) ?(?<count>\\d+)? ?${UNIT}$`, 'u').exec(text);
  if (recurring?.groups) return { kind: 'recurring', raw, every: durationOf(recurring.groups) };
  const within = new RegExp(`^ภายใน ?(?<count>\\d+) ?${UNIT}$`, 'u').exec(text);
  if (within?.groups) return { kind: 'within', raw, within: durationOf(within.groups) };
  throw new ThaiParseError(
    'THAI_PERIOD_UNPARSEABLE',
    `"${raw}" is not a reporting period such as รอบ ๖ เดือน or รายไตรมาส.`,
    `"${raw}" ไม่ใช่รอบการรายงานที่อ่านได้`,
    raw,
  );
}

function durationOf(groups: Record<string, string | undefined>): Duration {
  return { count: groups.count ? Number(groups.count) : 1, unit: UNITS[groups.unit!] };
}
