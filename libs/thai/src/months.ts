export type MonthStyle = 'full' | 'abbreviated';

export interface ThaiMonthName {
  readonly month: number;
  readonly full: string;
  readonly abbreviated: string;
}

// Names come from ICU (Node's full-icu th locale) rather than a hand-typed table;
// months.spec.ts pins them to the forms in domain.md §5.3–5.4.
function monthName(month: number, style: 'long' | 'short'): string {
  return new Intl.DateTimeFormat('th-TH', { month: style, timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 15));
}

export const THAI_MONTHS: readonly ThaiMonthName[] = Array.from({ length: 12 }, (_, i) => ({
  month: i + 1,
  full: monthName(i + 1, 'long'),
  abbreviated: monthName(i + 1, 'short'),
}));

const byName = new Map<string, { month: number; style: MonthStyle }>(
  THAI_MONTHS.flatMap((m) => [
    [m.full, { month: m.month, style: 'full' as const }],
    [m.abbreviated, { month: m.month, style: 'abbreviated' as const }],
  ]),
);

export function lookUpThaiMonth(name: string): { month: number; style: MonthStyle } | undefined {
  return byName.get(name);
}

export function thaiMonthName(month: number, style: MonthStyle): string {
  const entry = THAI_MONTHS[month - 1];
  if (!entry) throw new RangeError(`Month ${month} is not 1–12.`);
  return entry[style];
}

/** Alternation of every month name, longest first so `มีนาคม` is tried before `มี.ค.`. */
export const MONTH_NAME_PATTERN = [...byName.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/\./g, '\\.'))
  .join('|');
