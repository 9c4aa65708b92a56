import { z } from 'zod';
import type { IssuingOffice } from './office-names';
import { type ImportProblem, type ImportWarning, problem, warning } from './problems';
import { linkedUnits, type OfficeUnit, readResponsible, responsibleWarnings } from './responsible';
import { groupBy, type SourceMap } from './source-map';
import { cellText, checkboxes, sameText, squash } from './text';

/**
 * What the progress tables of an office have in common (001's IIT and OIT tables, 002's OIT
 * assignment): one printed row per indicator or item, a ผู้รับผิดชอบ cell, and a ความก้าวหน้า cell
 * whose checked box is the status.
 */
export const PROGRESS = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'] as const;
export type Progress = (typeof PROGRESS)[number];

/** ความก้าวหน้า words as offices print them (the checkbox labels of 001, a status column). */
const STATUS_WORDS: Record<string, Progress> = {
  ยังไม่ได้ดำเนินการ: 'NOT_STARTED',
  ยังไม่ดำเนินการ: 'NOT_STARTED',
  อยู่ระหว่างดำเนินการ: 'IN_PROGRESS',
  ดำเนินการ: 'DONE',
  ดำเนินการแล้ว: 'DONE',
};

export function progressOfWord(word: string): Progress | null {
  return STATUS_WORDS[squash(word)] ?? null;
}

/** A progress table for a year: one object per printed row, keyed by the header as printed. */
export const progressTableSchema = (maxRows: number) =>
  z.object({
    fiscalYear: z.number().int().min(2550).max(2700),
    rows: z.array(z.record(z.string(), z.string().max(20_000, { error: 'FIELD_TOO_LONG' }))).min(1, { error: 'TOO_FEW_ROWS' }).max(maxRows, { error: 'TOO_MANY_ROWS' }),
  });

/** Fields every progress table may have; each table adds its own key column. */
export type ProgressField = 'responsible' | 'progress' | 'status';

export interface TableRow<F extends string> {
  readonly row: number;
  /** As a person reads them: HTML gone, the progress cell without its checkboxes. */
  readonly cells: Partial<Record<F, string>>;
  /** As printed. */
  readonly raw: Partial<Record<F, string>>;
}

export interface ProgressTable<F extends string> {
  readonly rows: readonly TableRow<F>[];
  /** The header a field was printed under (the field's name when it was not printed). */
  column(field: F): string;
}

/**
 * Maps the printed headers to fields (compared without whitespace) and reads every row; an unknown
 * header, or no `key` column, is an error on the header row.
 */
export function readProgressTable<F extends string>(rows: readonly Record<string, string>[], headers: ReadonlyArray<readonly [string, F]>, key: F, source: SourceMap, errors: ImportProblem[]): ProgressTable<F> | null {
  const headerRow = source.format === 'csv' ? 1 : null;
  const map = new Map<string, F>();
  for (const header of new Set(rows.flatMap((r) => Object.keys(r)))) {
    const field = headers.find(([h]) => sameText(h, header))?.[1];
    if (field) map.set(header, field);
    else errors.push(problem({ row: headerRow, column: header }, 'ITA_COLUMN_UNKNOWN', `The column "${header}" is not one of ${headers.map(([h]) => h).join(', ')}.`, `ไม่รู้จักคอลัมน์ "${header}"`, header));
  }
  const keyHeader = headers.find(([, f]) => f === key)![0];
  if (!errors.length && ![...map.values()].includes(key)) errors.push(problem({ row: headerRow }, 'ITA_COLUMN_MISSING', `The table has no ${keyHeader} column.`, `ไม่มีคอลัมน์ ${keyHeader}`, [...map.keys()].join(' | ')));
  if (errors.length) return null;
  const read = rows.map((r, i) => {
    const raw: Partial<Record<F, string>> = {};
    for (const [header, value] of Object.entries(r)) raw[map.get(header)!] = value;
    const progress = raw['progress' as F];
    const readable = progress === undefined ? raw : { ...raw, progress: checkboxes(progress, Object.keys(STATUS_WORDS)).rest };
    const cells = Object.fromEntries(Object.entries(readable).map(([f, v]) => [f, cellText((v as string | undefined) ?? '')]).filter(([, v]) => v)) as Partial<Record<F, string>>;
    return { row: source.rowOf('rows', i), cells, raw };
  });
  return { rows: read, column: (field) => [...map].find(([, f]) => f === field)?.[0] ?? field };
}

type ProgressRow = TableRow<ProgressField>;

/** The checked box of the progress cell decides (§6.1); else the สถานะ column; else not started. */
export function statusOf(row: ProgressRow, table: ProgressTable<ProgressField>, errors: ImportProblem[]): Progress {
  const { boxes } = checkboxes(row.raw.progress ?? '', Object.keys(STATUS_WORDS));
  const checked = boxes.filter((b) => b.checked).map((b) => progressOfWord(b.label));
  if (checked.length === 1 && checked[0]) return checked[0];
  if (boxes.length && checked.length !== 1) errors.push(problem({ row: row.row, column: table.column('progress') }, 'ITA_STATUS_UNKNOWN', 'The progress cell must have exactly one known box checked.', 'ช่องความก้าวหน้าต้องเลือกสถานะหนึ่งช่อง', row.raw.progress));
  if (!row.cells.status) return 'NOT_STARTED';
  const status = progressOfWord(row.cells.status);
  if (!status) errors.push(problem({ row: row.row, column: table.column('status') }, 'ITA_STATUS_UNKNOWN', `"${row.cells.status}" is not a status (ยังไม่ได้ดำเนินการ, อยู่ระหว่างดำเนินการ, ดำเนินการแล้ว).`, `"${row.cells.status}" ไม่ใช่สถานะที่รู้จัก`, row.cells.status));
  return status ?? 'NOT_STARTED';
}

/** What the rows of a table are called, to name them in a message: ข้อ ๐๙, ตัวชี้วัดที่ ๗. */
export interface RowNoun {
  readonly en: string;
  readonly th: string;
}

/** I-20: the same progress text under several rows, named by what each row is printed as (`label`). */
export function copyWarnings<F extends string>(rows: readonly TableRow<F | 'progress'>[], label: (row: TableRow<F | 'progress'>) => string, noun: RowNoun, column: string, section: string | null): ImportWarning[] {
  const written = rows.filter((r) => r.cells.progress);
  return [...groupBy(written, (r) => squash(r.cells.progress!)).values()]
    .filter((same) => same.length > 1)
    .map((same) => {
      const names = same.map(label).join(', ');
      return warning({ code: 'W-PROGRESS-COPY', severity: 'W', seedRef: 'I-20', section, rows: same.map((r) => r.row), column, found: `${names}: ${same[0].cells.progress}`, message: `${noun.en} ${names} report the same progress word for word.`, messageTh: `${noun.th} ${names} รายงานความก้าวหน้าเหมือนกันทุกคำ` });
    });
}

/** The ผู้รับผิดชอบ cell as published, the units it names, and what could not be linked (information). */
export function responsibleOfRow(row: ProgressRow, context: { office: IssuingOffice; units: readonly OfficeUnit[] }, column: string, section: string | null, warnings: ImportWarning[]) {
  const raw = row.cells.responsible ?? '';
  const reading = readResponsible(raw, context.units, context.office.nameTh);
  warnings.push(...responsibleWarnings(reading, { section, rows: [row.row], column }));
  return { responsibleText: raw, units: linkedUnits(reading) };
}
