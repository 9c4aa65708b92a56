import { problem, type ImportProblem } from './problems';
import { squash } from './text';

/** What a measure column means, whatever a year's report prints above it (§7, §10.7). */
export const MEASURE_FIELDS = ['label', 'title', 'method', 'timeframe', 'responsible', 'summary', 'outcome', 'followUp', 'result'] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];

/** One column of a report as printed that year, and the field it carries. */
export interface ColumnDef {
  readonly header: string;
  readonly field: MeasureField;
}

/** Headers seen in the seeds (000, 001 FY2568 report and FY2569 plan, 002 plan and execution), compared without whitespace. */
const KNOWN_HEADERS: ReadonlyArray<readonly [string, MeasureField]> = [
  ['ลำดับ', 'label'],
  ['มาตรการ/กิจกรรม', 'title'],
  ['มาตรการหรือกิจกรรม', 'title'],
  ['มาตรการ/แนวทาง', 'title'],
  ['มาตรการ', 'title'],
  ['วิธีดำเนินการ', 'method'],
  ['วิธีการดำเนินการ', 'method'],
  ['ขั้นตอน/วิธีการ', 'method'],
  ['ระยะเวลาในการดำเนินการ', 'timeframe'],
  ['ระยะเวลาดำเนินการ', 'timeframe'],
  ['ระยะเวลา', 'timeframe'],
  ['ผู้รับผิดชอบ', 'responsible'],
  ['สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม', 'summary'],
  ['ผลลัพธ์หรือความสำเร็จในการดำเนินการ', 'outcome'],
  ['ผลลัพธ์หรือความสำเร็จของการดำเนินการ', 'outcome'],
  ['การติดตามผล', 'followUp'],
  ['ผลการดำเนินการ', 'result'],
];
const BY_SQUASHED = new Map(KNOWN_HEADERS.map(([header, field]) => [squash(header), field]));

export const FIELD_LABEL_TH: Record<MeasureField, string> = {
  label: 'ลำดับ',
  title: 'มาตรการ/กิจกรรม',
  method: 'วิธีดำเนินการ',
  timeframe: 'ระยะเวลา',
  responsible: 'ผู้รับผิดชอบ',
  summary: 'สรุปผลการดำเนินการ',
  outcome: 'ผลลัพธ์',
  followUp: 'การติดตามผล',
  result: 'ผลการดำเนินการ',
};

export function fieldOfHeader(header: string): MeasureField | null {
  return BY_SQUASHED.get(squash(header)) ?? null;
}

/**
 * The column set of a report from its printed headers: each known header maps to its field; an
 * explicit mapping (`fields`, same order) covers an office's own wording. Unknown or repeated
 * meanings, and a set without a title column, are errors on the header row.
 */
export function resolveColumns(headers: readonly string[], fields: readonly (MeasureField | null)[] = [], headerRow: number | null = 1): { columns: ColumnDef[]; errors: ImportProblem[] } {
  const errors: ImportProblem[] = [];
  const columns: ColumnDef[] = [];
  headers.forEach((header, i) => {
    const field = fields[i] ?? fieldOfHeader(header);
    const at = { row: headerRow, column: header };
    if (!field) errors.push(problem(at, 'ITA_COLUMN_UNKNOWN', `The column "${header}" is not a known measure column; give its field explicitly.`, `ไม่รู้จักคอลัมน์ "${header}" กรุณาระบุความหมายของคอลัมน์`, header));
    else if (columns.some((c) => c.field === field)) errors.push(problem(at, 'ITA_COLUMN_REPEATED', `Two columns carry the field ${field}.`, `มีคอลัมน์ที่มีความหมายเดียวกันซ้ำ (${FIELD_LABEL_TH[field]})`, header));
    else columns.push({ header, field });
  });
  if (!errors.length && !columns.some((c) => c.field === 'title')) {
    errors.push(problem({ row: headerRow }, 'ITA_COLUMN_MISSING', 'The report has no measure (มาตรการ) column.', 'ไม่มีคอลัมน์มาตรการ/กิจกรรม', headers.join(' | ')));
  }
  return { columns, errors };
}
