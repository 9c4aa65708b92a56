import type { z } from 'zod';
import { problem, type ImportProblem } from './problems';

/** How to name a place in the input to a person: CSV line and printed header, or JSON position and key. */
export interface SourceMap {
  readonly format: 'csv' | 'json';
  rowOf(section: string, index: number): number;
  columnOf(section: string, field: string): string;
}

export const JSON_SOURCE: SourceMap = { format: 'json', rowOf: (_section, index) => index + 1, columnOf: (_section, field) => field };

const MESSAGES: Record<string, [string, string, string]> = {
  EMPTY_FIELD: ['ITA_FIELD_EMPTY', 'The field is empty.', 'ไม่มีข้อมูลในช่องนี้'],
  FIELD_TOO_LONG: ['ITA_FIELD_TOO_LONG', 'The text is too long.', 'ข้อความยาวเกินกำหนด'],
  TOO_MANY_ROWS: ['ITA_TOO_MANY_ROWS', 'Too many rows.', 'จำนวนแถวมากเกินกำหนด'],
  TOO_FEW_ROWS: ['ITA_NO_ROWS', 'There are no rows.', 'ไม่มีข้อมูลแถวใด'],
  MISSING_FIELD: ['ITA_FIELD_MISSING', 'The field is missing.', 'ไม่มีช่องข้อมูลนี้'],
};

function codeOf(issue: z.core.$ZodIssue): [string, string, string] {
  if (MESSAGES[issue.message]) return MESSAGES[issue.message];
  if (issue.code === 'invalid_type' && issue.input === undefined) return MESSAGES.MISSING_FIELD;
  return ['ITA_FIELD_INVALID', `The value is not valid (${issue.message}).`, 'ค่าในช่องนี้ไม่ถูกต้อง'];
}

/** Zod's issues as row-level problems: the array, the row a person finds it by, the column as printed. */
export function problemsOf(error: z.ZodError, source: SourceMap): ImportProblem[] {
  return error.issues.map((issue) => {
    const [section, index, field] = issue.path;
    const [code, message, messageTh] = codeOf(issue);
    if (typeof section === 'string' && typeof index === 'number') {
      const column = typeof field === 'string' ? source.columnOf(section, field) : null;
      return problem({ section: source.format === 'json' ? section : null, row: source.rowOf(section, index), column }, code, message, messageTh);
    }
    return problem({ column: issue.path.map(String).join('.') || null }, code, message, messageTh);
  });
}

/** "1–25, 27" */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return ranges.join(', ');
}

/** The JSON array name, or null for CSV (one sheet). */
export function sectionOf(source: SourceMap, section: string): string | null {
  return source.format === 'json' ? section : null;
}

export function groupBy<T, K>(values: readonly T[], key: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) {
    const k = key(value);
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}
