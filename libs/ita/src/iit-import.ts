import { type IndicatorCitation, indicatorCitations } from './citations';
import { normaliseIndicatorCode } from './codes';
import { type Instrument, truncationWarning } from './framework-import';
import { groupMismatchWarning, indicatorNameWarnings, type KnownIndicator } from './indicators';
import { type IssuingOffice, officeReferenceWarnings } from './office-names';
import { readPeriod } from './periods';
import { analysis, type Analysis, type ImportProblem, type ImportWarning, problem } from './problems';
import { copyWarnings, type Progress, type ProgressField, progressTableSchema, readProgressTable, responsibleOfRow, statusOf, type TableRow } from './progress-table';
import type { OfficeUnit } from './responsible';
import { problemsOf, sectionOf, type SourceMap } from './source-map';

type IitField = 'indicator' | 'approach' | 'timeframe' | ProgressField;
const IIT_HEADERS: ReadonlyArray<readonly [string, IitField]> = [
  ['ตัวชี้วัด', 'indicator'],
  ['แนวทางในการยกระดับการประเมิน', 'approach'],
  ['แนวทาง', 'approach'],
  ['ผู้รับผิดชอบ', 'responsible'],
  ['ระยะเวลา', 'timeframe'],
  ['ระยะเวลาดำเนินการ', 'timeframe'],
  ['ความก้าวหน้าผลการดำเนินการ', 'progress'],
  ['ความก้าวหน้า', 'progress'],
  ['สถานะ', 'status'],
];

/** An office's table of the year's IIT indicators (001 `ประเด็นการประเมิน IIT`): one object per printed row, keyed by header. */
export const iitImportSchema = progressTableSchema(100);

export interface CatalogueIndicator extends KnownIndicator {
  readonly id: string;
  readonly instrument: Instrument;
}

export interface IitContext {
  readonly office: IssuingOffice;
  readonly units: readonly OfficeUnit[];
  readonly indicators: readonly CatalogueIndicator[];
}

/** One indicator of the table: how the office means to raise it (แนวทาง), who, when, and how far it got. */
export interface ImportedIndicatorAssignment {
  readonly row: number;
  readonly indicatorId: string;
  /** The ตัวชี้วัด cell as printed, e.g. `ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่`. */
  readonly indicatorText: string;
  readonly approach: string | null;
  readonly responsibleText: string;
  readonly timeframe: string | null;
  readonly status: Progress;
  readonly progress: string | null;
  readonly units: readonly { unitId: string; text: string }[];
}

type Row = TableRow<IitField>;

const BARE_NUMBER = /^(?:ตัวชี้วัด(?:ย่อย)?ที่\s*)?([0-9\u0E50-\u0E59]{1,2}(?:\.[0-9\u0E50-\u0E59]{1,2})?)$/u;

/** `ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่` (number and the name it is printed with) or a bare `๑`. */
function indicatorOf(text: string): { codeNorm: string; cited: IndicatorCitation | null } | null {
  const cited = indicatorCitations(text)[0];
  if (cited && /^ตัวชี้วัด/u.test(text)) return { codeNorm: cited.code, cited };
  const bare = BARE_NUMBER.exec(text.trim());
  const codeNorm = bare ? normaliseIndicatorCode(bare[1]) : null;
  return codeNorm ? { codeNorm, cited: null } : null;
}

function catalogueEntry(row: Row, context: IitContext, seen: Set<string>, at: { section: string | null; row: number; column: string }, errors: ImportProblem[]) {
  const text = row.cells.indicator ?? '';
  const read = indicatorOf(text);
  if (!read) return void errors.push(problem(at, 'ITA_INDICATOR_CODE_INVALID', `"${text}" names no indicator (ตัวชี้วัดที่ followed by its number).`, `"${text}" ไม่ได้ระบุตัวชี้วัด (ตัวชี้วัดที่ ตามด้วยเลข)`, text));
  const known = context.indicators.find((i) => i.codeNorm === read.codeNorm);
  if (!known) return void errors.push(problem(at, 'ITA_INDICATOR_UNKNOWN', `The year's framework has no indicator ${read.codeNorm}.`, `กรอบการประเมินของปีนี้ไม่มีตัวชี้วัดที่ ${read.codeNorm}`, text));
  if (known.instrument === 'OIT') return void errors.push(problem(at, 'ITA_INDICATOR_OIT', `Indicator ${known.code} is answered item by item: import it with the OIT table.`, `ตัวชี้วัดที่ ${known.code} เป็นของ OIT ให้นำเข้าเป็นรายข้อในตาราง OIT`, text));
  if (seen.has(known.id)) return void errors.push(problem(at, 'ITA_INDICATOR_DUPLICATE', `Indicator ${known.code} has two rows.`, `ตัวชี้วัดที่ ${known.code} มีสองแถว`, text));
  seen.add(known.id);
  return { known, cited: read.cited };
}

/** I-13, I-14, the period and the texts of one row. */
function rowWarnings(row: Row, entry: NonNullable<ReturnType<typeof catalogueEntry>>, fiscalYear: number, table: { column(field: IitField): string }, section: string | null): ImportWarning[] {
  const at = (field: IitField) => ({ section, rows: [row.row], column: table.column(field) });
  const { known, cited } = entry;
  return [
    ...(cited ? indicatorNameWarnings(cited, known, at('indicator')) : []),
    ...(known.instrument === 'IIT' ? [] : [groupMismatchWarning(known, 'IIT', 'in the IIT table', at('indicator'))]),
    ...(row.cells.timeframe ? readPeriod(row.cells.timeframe, fiscalYear, at('timeframe')).warnings : []),
    ...truncationWarning(row.cells.approach ?? null, { section, row: row.row, column: table.column('approach') }, 'แนวทาง'),
    ...truncationWarning(row.cells.progress ?? null, { section, row: row.row, column: table.column('progress') }, 'ความก้าวหน้า'),
  ];
}

/**
 * Validates an office's IIT table against the year's indicators and reports what it shows (I-13
 * EIT indicators printed there, I-14 names, I-15/I-16 office names and websites, I-20 copies);
 * nothing is changed: the cells are kept as printed, the checked box is the status.
 */
export function analyseIitAssignment(raw: unknown, source: SourceMap, context: IitContext): Analysis<ImportedIndicatorAssignment[]> {
  const parsed = iitImportSchema.safeParse(raw);
  if (!parsed.success) return { errors: problemsOf(parsed.error, source), warnings: [], value: null };
  const errors: ImportProblem[] = [];
  const table = readProgressTable(parsed.data.rows, IIT_HEADERS, 'indicator', source, errors);
  if (!table) return { errors, warnings: [], value: null };
  const { rows, column } = table;
  const section = sectionOf(source, 'rows');
  const warnings: ImportWarning[] = [];
  const seen = new Set<string>();
  const assignments = rows.flatMap((row) => {
    const entry = catalogueEntry(row, context, seen, { section, row: row.row, column: column('indicator') }, errors);
    if (!entry) return [];
    const status = statusOf(row, table, errors);
    warnings.push(...rowWarnings(row, entry, parsed.data.fiscalYear, table, section));
    const responsible = responsibleOfRow(row, context, column('responsible'), section, warnings);
    const c = row.cells;
    return [{ row: row.row, indicatorId: entry.known.id, indicatorText: c.indicator!, approach: c.approach ?? null, timeframe: c.timeframe ?? null, status, progress: c.progress ?? null, ...responsible }];
  });
  const texts = rows.flatMap((r) => (['approach', 'progress'] as const).flatMap((field) => (r.cells[field] ? [{ text: r.cells[field], rows: [r.row], column: column(field) }] : [])));
  warnings.push(...copyWarnings(rows, (r) => r.cells.indicator ?? '', { en: 'Indicators', th: 'ตัวชี้วัด' }, column('progress'), section), ...officeReferenceWarnings(texts, context.office, section));
  return analysis(errors, warnings, () => assignments);
}
