import { codeFormWarnings, titleDigitWarnings } from './framework-import';
import { normaliseItemCode } from './codes';
import { type IssuingOffice, officeReferenceWarnings } from './office-names';
import { analysis, type Analysis, type ImportProblem, type ImportWarning, problem, warning } from './problems';
import { copyWarnings, type Progress, type ProgressField, progressTableSchema, readProgressTable, responsibleOfRow, statusOf, type TableRow } from './progress-table';
import type { OfficeUnit } from './responsible';
import { problemsOf, sectionOf, type SourceMap } from './source-map';
import { sameText } from './text';

type OitField = 'code' | 'title' | 'requirements' | ProgressField;
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
export const oitImportSchema = progressTableSchema(300);

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

type Row = TableRow<OitField>;

/** I-10, I-21: the row's title differs from the catalogue's for the same year and code (the catalogue wins). */
function titleWarnings(row: Row, item: CatalogueItem, column: string, section: string | null): ImportWarning[] {
  if (!row.cells.title || sameText(row.cells.title, item.titleTh)) return [];
  return [warning({ code: 'W-ITA-ITEM-TITLE-MISMATCH', severity: 'W', section, rows: [row.row], column, found: `${row.cells.code} ${row.cells.title}`, expected: `${item.code} ${item.titleTh}`, message: `Item ${item.codeNorm} is printed as "${row.cells.title}"; the year's catalogue says "${item.titleTh}". The catalogue title is kept.`, messageTh: `ข้อ ${row.cells.code} พิมพ์ว่า "${row.cells.title}" แต่กรอบการประเมินของปีนี้ใช้ "${item.titleTh}"` })];
}

/** Validates an OIT assignment table against the year's catalogue and reports what it shows; nothing is changed. */
export function analyseOitAssignment(raw: unknown, source: SourceMap, context: OitContext): Analysis<ImportedAssignment[]> {
  const parsed = oitImportSchema.safeParse(raw);
  if (!parsed.success) return { errors: problemsOf(parsed.error, source), warnings: [], value: null };
  const errors: ImportProblem[] = [];
  const table = readProgressTable(parsed.data.rows, OIT_HEADERS, 'code', source, errors);
  if (!table) return { errors, warnings: [], value: null };
  const { rows, column } = table;
  const section = sectionOf(source, 'rows');
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
    const status = statusOf(row, table, errors);
    warnings.push(...titleWarnings(row, item, column('title'), section));
    const progress = row.cells.progress ?? null;
    return [{ row: row.row, oitItemId: item.id, code: row.cells.code!, status, progress, ...responsibleOfRow(row, context, column('responsible'), section, warnings) }];
  });
  warnings.push(
    ...codeFormWarnings(rows.map((r) => ({ code: r.cells.code ?? '', row: r.row })), section, column('code')),
    ...titleDigitWarnings(rows.map((r) => ({ text: r.cells.title ?? '', row: r.row })), section, column('title')),
    ...copyWarnings(rows, (r) => r.cells.code ?? '', { en: 'Items', th: 'ข้อ' }, column('progress'), section),
    ...officeReferenceWarnings(rows.filter((r) => r.cells.progress).map((r) => ({ text: r.cells.progress!, rows: [r.row], column: column('progress') })), context.office, section),
  );
  return analysis(errors, warnings, () => assignments);
}
