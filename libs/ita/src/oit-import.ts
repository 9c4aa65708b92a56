import { z } from 'zod';
import { codeFormWarnings, titleDigitWarnings } from './framework-import';
import { normaliseItemCode } from './codes';
import { type IssuingOffice, officeNameWarnings } from './office-names';
import { analysis, type Analysis, type ImportProblem, type ImportWarning, problem, warning } from './problems';
import { type OfficeUnit, readResponsible } from './responsible';
import { groupBy, problemsOf, sectionOf, type SourceMap } from './source-map';
import { cellText, checkboxes, sameText, squash } from './text';

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

type OitField = 'code' | 'title' | 'responsible' | 'progress' | 'status' | 'requirements';
const OIT_HEADERS: ReadonlyArray<readonly [string, OitField]> = [
  ['ข้อ', 'code'],
  ['รหัส', 'code'],
  ['ข้อมูล', 'title'],
  ['ผู้รับผิดชอบ', 'responsible'],
  ['ความก้าวหน้าผลการดำเนินการ', 'progress'],
  ['ความก้าวหน้า', 'progress'],
  ['สถานะ', 'status'],
  // Printed in 001's table; it belongs to the framework, so it is read there, not here.
  ['องค์ประกอบด้านข้อมูล', 'requirements'],
];

/** An office's OIT assignment table for a year (002): one object per printed row, keyed by header. */
export const oitImportSchema = z.object({
  fiscalYear: z.number().int().min(2550).max(2700),
  rows: z.array(z.record(z.string(), z.string().max(20_000, { error: 'FIELD_TOO_LONG' }))).min(1, { error: 'TOO_FEW_ROWS' }).max(300, { error: 'TOO_MANY_ROWS' }),
});

export interface CatalogueItem {
  readonly id: string;
  readonly code: string;
  readonly codeNorm: string;
  readonly occurrence: number;
  readonly titleTh: string;
}

export interface OitContext {
  readonly office: IssuingOffice;
  readonly units: readonly OfficeUnit[];
  readonly items: readonly CatalogueItem[];
}

export interface ImportedAssignment {
  readonly row: number;
  readonly oitItemId: string;
  readonly code: string;
  readonly responsibleText: string;
  readonly status: Progress;
  readonly progress: string | null;
  readonly units: readonly { unitId: string; text: string }[];
}

interface Row {
  readonly row: number;
  readonly cells: Partial<Record<OitField, string>>;
  readonly raw: Partial<Record<OitField, string>>;
}

function headersOf(rows: readonly Record<string, string>[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r)))];
}

function columnMap(headers: readonly string[], errors: ImportProblem[], headerRow: number | null): Map<string, OitField> {
  const map = new Map<string, OitField>();
  for (const header of headers) {
    const field = OIT_HEADERS.find(([h]) => sameText(h, header))?.[1];
    if (field) map.set(header, field);
    else errors.push(problem({ row: headerRow, column: header }, 'ITA_COLUMN_UNKNOWN', `The column "${header}" is not one of ข้อ, ข้อมูล, ผู้รับผิดชอบ, ความก้าวหน้าผลการดำเนินการ, สถานะ.`, `ไม่รู้จักคอลัมน์ "${header}"`, header));
  }
  if (!errors.length && ![...map.values()].includes('code')) errors.push(problem({ row: headerRow }, 'ITA_COLUMN_MISSING', 'The table has no ข้อ (code) column.', 'ไม่มีคอลัมน์ ข้อ', headers.join(' | ')));
  return map;
}

function statusOf(row: Row, columns: { status: string; progress: string }, errors: ImportProblem[]): Progress {
  const { boxes } = checkboxes(row.raw.progress ?? '', Object.keys(STATUS_WORDS));
  const checked = boxes.filter((b) => b.checked).map((b) => progressOfWord(b.label));
  if (checked.length === 1 && checked[0]) return checked[0];
  if (boxes.length && checked.length !== 1) errors.push(problem({ row: row.row, column: columns.progress }, 'ITA_STATUS_UNKNOWN', 'The progress cell must have exactly one known box checked.', 'ช่องความก้าวหน้าต้องเลือกสถานะหนึ่งช่อง', row.raw.progress));
  if (!row.cells.status) return 'NOT_STARTED';
  const status = progressOfWord(row.cells.status);
  if (!status) errors.push(problem({ row: row.row, column: columns.status }, 'ITA_STATUS_UNKNOWN', `"${row.cells.status}" is not a status (ยังไม่ได้ดำเนินการ, อยู่ระหว่างดำเนินการ, ดำเนินการแล้ว).`, `"${row.cells.status}" ไม่ใช่สถานะที่รู้จัก`, row.cells.status));
  return status ?? 'NOT_STARTED';
}

/** I-10, I-21: the row's title differs from the catalogue's for the same year and code (the catalogue wins). */
function titleWarnings(row: Row, item: CatalogueItem, column: string, section: string | null): ImportWarning[] {
  if (!row.cells.title || sameText(row.cells.title, item.titleTh)) return [];
  return [warning({ code: 'W-ITA-ITEM-TITLE-MISMATCH', severity: 'W', section, rows: [row.row], column, found: `${row.cells.code} ${row.cells.title}`, expected: `${item.code} ${item.titleTh}`, message: `Item ${item.codeNorm} is printed as "${row.cells.title}"; the year's catalogue says "${item.titleTh}". The catalogue title is kept.`, messageTh: `ข้อ ${row.cells.code} พิมพ์ว่า "${row.cells.title}" แต่กรอบการประเมินของปีนี้ใช้ "${item.titleTh}"` })];
}

/** I-20: the same progress text under several items. */
function copyWarnings(rows: readonly Row[], column: string, section: string | null): ImportWarning[] {
  const written = rows.filter((r) => r.cells.progress);
  return [...groupBy(written, (r) => squash(r.cells.progress!)).values()]
    .filter((same) => same.length > 1)
    .map((same) => warning({ code: 'W-PROGRESS-COPY', severity: 'W', seedRef: 'I-20', section, rows: same.map((r) => r.row), column, found: `${same.map((r) => r.cells.code).join(', ')}: ${same[0].cells.progress}`, message: `Items ${same.map((r) => r.cells.code).join(', ')} report the same progress word for word.`, messageTh: `ข้อ ${same.map((r) => r.cells.code).join(', ')} รายงานความก้าวหน้าเหมือนกันทุกคำ` }));
}

function responsibleOf(row: Row, context: OitContext, column: string, section: string | null, warnings: ImportWarning[]) {
  const raw = row.cells.responsible ?? '';
  const reading = readResponsible(raw, context.units, context.office.nameTh);
  for (const part of reading.parts.filter((p) => !p.unitId)) {
    warnings.push(warning({ code: 'W-RESPONSIBLE-UNMATCHED', severity: 'I', section, rows: [row.row], column, found: part.text, message: `"${part.text}" names no unit of the office; the text is kept and no unit is linked.`, messageTh: `"${part.text}" ไม่ตรงกับหน่วยงานใดในองค์กร เก็บข้อความไว้โดยไม่เชื่อมโยงหน่วยงาน` }));
  }
  const units = new Map(reading.parts.filter((p) => p.unitId).map((p) => [p.unitId!, p.text]));
  return { responsibleText: raw, units: [...units].map(([unitId, text]) => ({ unitId, text })) };
}

/** Validates an OIT assignment table against the year's catalogue and reports what it shows; nothing is changed. */
export function analyseOitAssignment(raw: unknown, source: SourceMap, context: OitContext): Analysis<ImportedAssignment[]> {
  const parsed = oitImportSchema.safeParse(raw);
  if (!parsed.success) return { errors: problemsOf(parsed.error, source), warnings: [], value: null };
  const errors: ImportProblem[] = [];
  const headers = headersOf(parsed.data.rows);
  const map = columnMap(headers, errors, source.format === 'csv' ? 1 : null);
  if (errors.length) return { errors, warnings: [], value: null };
  const column = (field: OitField) => [...map].find(([, f]) => f === field)?.[0] ?? field;
  const section = sectionOf(source, 'rows');
  const rows: Row[] = parsed.data.rows.map((r, i) => {
    const rawCells: Partial<Record<OitField, string>> = {};
    for (const [header, value] of Object.entries(r)) rawCells[map.get(header)!] = value;
    const progress = rawCells.progress === undefined ? {} : { progress: checkboxes(rawCells.progress, Object.keys(STATUS_WORDS)).rest };
    const cells = Object.fromEntries(Object.entries({ ...rawCells, ...progress }).map(([f, v]) => [f, cellText(v ?? '')]).filter(([, v]) => v));
    return { row: source.rowOf('rows', i), cells, raw: rawCells };
  });
  const warnings: ImportWarning[] = [];
  const taken = new Map<string, number>();
  const assignments = rows.flatMap((row) => {
    const at = { section, row: row.row, column: column('code') };
    const codeNorm = normaliseItemCode(row.cells.code ?? '');
    if (!codeNorm) {
      errors.push(problem(at, 'ITA_CODE_INVALID', `"${row.cells.code ?? ''}" is not an OIT item code.`, `"${row.cells.code ?? ''}" ไม่ใช่รหัสข้อ OIT`, row.cells.code ?? ''));
      return [];
    }
    const occurrence = (taken.get(codeNorm) ?? 0) + 1;
    taken.set(codeNorm, occurrence);
    const item = context.items.find((x) => x.codeNorm === codeNorm && x.occurrence === occurrence);
    if (!item) {
      errors.push(problem(at, 'ITA_ITEM_UNKNOWN', `The year's framework has no item ${codeNorm}${occurrence > 1 ? ` printed ${occurrence} times` : ''}.`, `กรอบการประเมินของปีนี้ไม่มีข้อ ${row.cells.code}${occurrence > 1 ? ` ครั้งที่ ${occurrence}` : ''}`, row.cells.code));
      return [];
    }
    const status = statusOf(row, { status: column('status'), progress: column('progress') }, errors);
    warnings.push(...titleWarnings(row, item, column('title'), section));
    const progress = row.cells.progress ?? null;
    return [{ row: row.row, oitItemId: item.id, code: row.cells.code!, status, progress, ...responsibleOf(row, context, column('responsible'), section, warnings) }];
  });
  warnings.push(
    ...codeFormWarnings(rows.map((r) => ({ code: r.cells.code ?? '', row: r.row })), section, column('code')),
    ...titleDigitWarnings(rows.map((r) => ({ text: r.cells.title ?? '', row: r.row })), section, column('title')),
    ...copyWarnings(rows, column('progress'), section),
    ...officeNameWarnings(rows.filter((r) => r.cells.progress).map((r) => ({ text: r.cells.progress!, rows: [r.row], column: column('progress') })), context.office, section),
  );
  return analysis(errors, warnings, () => assignments);
}
