import { z } from 'zod';
import { findThaiDates } from '@kasian/thai';
import { christianEraYears, documentNumberKey, fiscalYearInTitle, fiscalYearMentions, indicatorCitations, orderCitations, urlsWithThaiDigits } from './citations';
import { type ColumnDef, FIELD_LABEL_TH, MEASURE_FIELDS, type MeasureField, resolveColumns } from './columns';
import { truncationWarning } from './framework-import';
import { indicatorNameWarnings } from './indicators';
import { numberingWarnings } from './numbering';
import { foreignWebsites, type IssuingOffice, officeMentions, officeReferenceWarnings } from './office-names';
import { monthIndex, readPeriod } from './periods';
import { analysis, type Analysis, type ImportProblem, type ImportWarning, problem, warning } from './problems';
import { linkedUnits, type OfficeUnit, readResponsible, responsibleWarnings } from './responsible';
import { problemsOf, type SourceMap } from './source-map';
import { cellText, squash } from './text';

const text = (max: number) => z.string().trim().min(1, { error: 'EMPTY_FIELD' }).max(max, { error: 'FIELD_TOO_LONG' });

export const ATTACHMENT_KINDS = ['ORDER', 'MEMO', 'ANNOUNCEMENT', 'OTHER'] as const;

/** An office's measures plan or report for a year: the printed headers, one object per printed row. */
export const planImportSchema = z.object({
  fiscalYear: z.number().int().min(2550).max(2700),
  titleTh: text(1000),
  /** The headers as printed, in order (whitespace as printed; compared without it). */
  columns: z.array(text(300)).min(1, { error: 'TOO_FEW_ROWS' }).max(15, { error: 'TOO_MANY_ROWS' }),
  /** The field each column carries, when a header is not one Kasian knows. */
  fields: z.array(z.enum(MEASURE_FIELDS).nullable()).max(15).optional(),
  rows: z.array(z.record(z.string(), z.string().max(20_000, { error: 'FIELD_TOO_LONG' }))).min(1, { error: 'TOO_FEW_ROWS' }).max(200, { error: 'TOO_MANY_ROWS' }),
  /** Documents attached to the report (เอกสารแนบท้าย), as printed: what its text may cite. */
  attachments: z.array(z.object({ kind: z.enum(ATTACHMENT_KINDS), number: text(100), subject: text(1000) })).max(50).default([]),
});
export type PlanImport = z.infer<typeof planImportSchema>;

export interface PlanContext {
  readonly office: IssuingOffice;
  readonly units: readonly OfficeUnit[];
  /** The year's indicators, when its framework is imported. */
  readonly indicators: readonly { codeNorm: string; code: string; nameTh: string | null }[] | null;
}

export interface ImportedMeasure {
  readonly ordinal: number;
  readonly label: string;
  readonly title: string;
  readonly method: string | null;
  readonly timeframe: string | null;
  readonly responsibleText: string;
  readonly summary: string | null;
  readonly outcome: string | null;
  readonly followUp: string | null;
  readonly result: string | null;
  readonly units: readonly { unitId: string; text: string }[];
}

export interface ImportedPlan {
  readonly fiscalYear: number;
  readonly titleTh: string;
  readonly titleFiscalYear: number | null;
  readonly columns: readonly ColumnDef[];
  readonly measures: readonly ImportedMeasure[];
  readonly attachments: PlanImport['attachments'];
}

type Cells = Partial<Record<MeasureField, string>>;

/** A measure while rows are read, with the rows it came from (a continuation row adds one) and each row's own cells. */
interface Draft {
  ordinal: number;
  label: string;
  cells: Cells;
  rows: number[];
  printed: { row: number; cells: Cells }[];
}

const LEADING_NUMBER = /^([0-9\u0E50-\u0E59]{1,2}\.?)\s*/u;
const SECTION = 'rows';

function draftsOf(input: PlanImport, columns: readonly ColumnDef[], source: SourceMap, errors: ImportProblem[], warnings: ImportWarning[]): Draft[] {
  const drafts: Draft[] = [];
  input.rows.forEach((row, i) => {
    const rowNo = source.rowOf(SECTION, i);
    const unknown = Object.keys(row).filter((key) => !input.columns.includes(key));
    for (const key of unknown) errors.push(problem({ section: SECTION, row: rowNo, column: key }, 'ITA_CELL_UNKNOWN_COLUMN', `The row has a cell under "${key}", which is not one of the columns.`, `แถวนี้มีข้อมูลในคอลัมน์ "${key}" ซึ่งไม่อยู่ในรายการคอลัมน์`));
    const cells: Cells = Object.fromEntries(columns.map((c) => [c.field, cellText(row[c.header] ?? '')]).filter(([, v]) => v));
    if (!cells.title && !cells.label) return continueRow(drafts, cells, rowNo, columns, errors, warnings);
    const titleColumn = columns.find((c) => c.field === 'title')!.header;
    if (!cells.title) return void errors.push(problem({ section: SECTION, row: rowNo, column: titleColumn }, 'ITA_MEASURE_TITLE_MISSING', 'The row has a number but no measure.', 'แถวนี้มีลำดับแต่ไม่มีชื่อมาตรการ'));
    const numbered = cells.label ? null : LEADING_NUMBER.exec(cells.title);
    const label = cells.label ?? numbered?.[1] ?? '';
    drafts.push({ ordinal: drafts.length + 1, label, cells: numbered ? { ...cells, title: cells.title.slice(numbered[0].length) } : cells, rows: [rowNo], printed: [{ row: rowNo, cells }] });
  });
  return drafts;
}

/** A row with no number and no measure continues the one above it across a page break (§7.3). */
function continueRow(drafts: Draft[], cells: Cells, rowNo: number, columns: readonly ColumnDef[], errors: ImportProblem[], warnings: ImportWarning[]): void {
  const previous = drafts.at(-1);
  if (!Object.keys(cells).length) return;
  if (!previous) return void errors.push(problem({ section: SECTION, row: rowNo, column: columns.find((c) => c.field === 'title')!.header }, 'ITA_MEASURE_TITLE_MISSING', 'The first row has no measure.', 'แถวแรกไม่มีชื่อมาตรการ'));
  for (const [field, value] of Object.entries(cells) as [MeasureField, string][]) {
    previous.cells[field] = previous.cells[field] ? `${previous.cells[field]}\n${value}` : value;
  }
  previous.rows.push(rowNo);
  previous.printed.push({ row: rowNo, cells });
  warnings.push(warning({ code: 'W-CONTINUATION-ROW', severity: 'I', section: SECTION, rows: [rowNo], found: Object.values(cells).join(' | ').slice(0, 120), expected: `part of measure ${previous.label || previous.ordinal}`, message: `Row ${rowNo} has no number and no measure: read as the continuation of measure ${previous.label || previous.ordinal} (page break).`, messageTh: `แถว ${rowNo} ไม่มีลำดับและชื่อมาตรการ อ่านเป็นส่วนต่อของมาตรการ ${previous.label || previous.ordinal} (ขึ้นหน้าใหม่)` }));
}

const header = (columns: readonly ColumnDef[], field: MeasureField) => columns.find((c) => c.field === field)?.header ?? FIELD_LABEL_TH[field];

/** ระยะเวลา read with libs/thai (unreadable: W; printed twice: I-28), and dates in the results outside it (I-29). */
function periodWarnings(draft: Draft, fiscalYear: number, columns: readonly ColumnDef[]): ImportWarning[] {
  const raw = draft.cells.timeframe;
  if (!raw) return [];
  const { bounds, warnings } = readPeriod(raw, fiscalYear, { section: SECTION, rows: draft.rows, column: header(columns, 'timeframe') });
  if (!bounds) return warnings;
  for (const field of ['method', 'summary', 'outcome', 'result'] as const) {
    for (const found of findThaiDates(draft.cells[field] ?? '')) {
      if (found.kind === 'invalid') continue;
      const when = found.kind === 'date' ? found.value.date : found.value.month;
      const before = bounds.start && monthIndex(when) < monthIndex(bounds.start);
      const after = bounds.end && monthIndex(when) > monthIndex(bounds.end);
      if (before || after) {
        warnings.push(warning({ code: 'W-DATE-OUTSIDE-PERIOD', severity: 'W', section: SECTION, rows: draft.rows, column: header(columns, field), found: found.raw, expected: raw, message: `"${found.raw}" falls ${before ? 'before' : 'after'} the measure's period "${raw}".`, messageTh: `"${found.raw}" อยู่${before ? 'ก่อน' : 'หลัง'}ระยะเวลาของมาตรการ "${raw}"` }));
      }
    }
  }
  return warnings;
}

/** I-23: the title names another fiscal year than the content. */
function titleYearWarnings(input: PlanImport, titleYear: number | null): ImportWarning[] {
  if (titleYear === null || titleYear === input.fiscalYear) return [];
  return [warning({ code: 'W-YEAR-CONTEXT-MISMATCH', severity: 'W', seedRef: 'I-23', rows: [], column: 'titleTh', found: input.titleTh, expected: `ปีงบประมาณ ${input.fiscalYear}`, message: `The title says fiscal year ${titleYear}; the measures are imported as ${input.fiscalYear}. Both years are stored.`, messageTh: `ชื่อรายงานระบุปีงบประมาณ ${titleYear} แต่นำเข้าเป็นปีงบประมาณ ${input.fiscalYear} เก็บไว้ทั้งสองปี` })];
}

/** I-14: an indicator cited by another name than the year's catalogue gives it. */
function indicatorWarnings(draft: Draft, context: PlanContext, columns: readonly ColumnDef[]): ImportWarning[] {
  if (!context.indicators) return [];
  return (['method', 'title'] as const).flatMap((field) =>
    indicatorCitations(draft.cells[field] ?? '').flatMap((cited) => {
      const known = context.indicators!.find((i) => i.codeNorm === cited.code);
      const at = { section: SECTION, rows: draft.rows, column: header(columns, field) };
      if (!known) return [warning({ code: 'W-INDICATOR-UNKNOWN', severity: 'W', ...at, found: cited.raw, message: `Indicator ${cited.code} is not in the year's framework.`, messageTh: `ไม่พบตัวชี้วัดที่ ${cited.code} ในกรอบการประเมินของปีนี้` })];
      return indicatorNameWarnings(cited, known, at);
    }),
  );
}

/** I-24: an order cited with another number than the attached order of the same subject. */
function citationWarnings(draft: Draft, input: PlanImport, columns: readonly ColumnDef[]): ImportWarning[] {
  const orders = input.attachments.filter((a) => a.kind === 'ORDER');
  return (Object.entries(draft.cells) as [MeasureField, string][]).flatMap(([field, value]) =>
    orderCitations(value).flatMap((cited) => {
      const subject = squash(cited.subject);
      const same = orders.find((o) => subject.length >= 10 && (squash(o.subject).startsWith(subject) || subject.startsWith(squash(o.subject))));
      if (!same || documentNumberKey(same.number) === documentNumberKey(cited.number)) return [];
      return [warning({ code: 'W-DOCREF-MISMATCH', severity: 'E', seedRef: 'I-24', section: SECTION, rows: draft.rows, column: header(columns, field), found: `ที่ ${cited.number}`, expected: `ที่ ${same.number}`, message: `The text cites order ${cited.number} "${cited.subject}", but the attached order of that subject is ${same.number}; a reviewer links them.`, messageTh: `ข้อความอ้างคำสั่งที่ ${cited.number} แต่คำสั่งเรื่องเดียวกันที่แนบมาคือที่ ${same.number} ให้ผู้ตรวจทานเชื่อมโยง` })];
    }),
  );
}

/** I-32: URLs with Thai digits and Christian-era years (never converted). */
function digitWarnings(draft: Draft, columns: readonly ColumnDef[]): ImportWarning[] {
  return (Object.entries(draft.cells) as [MeasureField, string][]).flatMap(([field, value]) => {
    const at = { section: SECTION, rows: draft.rows, column: header(columns, field) };
    return [
      ...[...new Set(urlsWithThaiDigits(value))].map((url) => warning({ code: 'W-URL-DIGITS', severity: 'W', seedRef: 'I-32', ...at, found: url, message: 'A URL written with Thai digits (probably a digit conversion of the whole text); kept as printed, not converted.', messageTh: 'URL เขียนด้วยเลขไทย อาจเกิดจากการแปลงตัวเลขทั้งเอกสาร เก็บไว้ตามที่พิมพ์' })),
      ...[...new Set(christianEraYears(value))].map((year) => warning({ code: 'W-CE-YEAR', severity: 'W', seedRef: 'I-32', ...at, found: year, message: `"${year}" is a Christian-era year in a text that counts Buddhist-era years.`, messageTh: `"${year}" เป็นปีคริสต์ศักราช ขณะที่เอกสารใช้พุทธศักราช` })),
    ];
  });
}

/** Each printed cell on its own, so that a finding names the row it is printed on, not the whole measure. */
function printedCells(drafts: readonly Draft[], columns: readonly ColumnDef[]) {
  return drafts.flatMap((d) => d.printed.flatMap((p) => (Object.entries(p.cells) as [MeasureField, string][]).map(([field, text]) => ({ text, rows: [p.row], column: header(columns, field) }))));
}

/**
 * I-17: a fiscal year long past named in a cell that also names another office (I-16): `ในปีงบประมาณ ๒๕๖๕
 * อบรมฯ ได้ปรับปรุงเว็บไซต์` beside `อบรม.ปาดัง` in the FY2569 plan. Possibly history, possibly copied
 * with the other office's text; a year alone (`ตั้งแต่ปีงบประมาณ ๒๕๖๑`) is history and not reported.
 */
function staleYearWarnings(cells: ReturnType<typeof printedCells>, fiscalYear: number, office: IssuingOffice): ImportWarning[] {
  const copied = cells.filter((cell) => foreignWebsites(cell.text, office).length || officeMentions(cell.text, office).some((m) => m.kind === 'foreign'));
  return copied.flatMap((cell) =>
    fiscalYearMentions(cell.text)
      .filter((m) => m.year < fiscalYear - 1)
      .map((m) => warning({ code: 'W-YEAR-STALE', severity: 'I', seedRef: 'I-17', section: SECTION, rows: cell.rows, column: cell.column, found: m.raw, expected: `ปีงบประมาณ ${fiscalYear}`, message: `"${m.raw}" is ${fiscalYear - m.year} years before the plan's year, in a text that names another office: possibly history, possibly copied.`, messageTh: `"${m.raw}" ย้อนหลัง ${fiscalYear - m.year} ปีจากปีของแผน ในข้อความที่มีชื่อหน่วยงานอื่น อาจเป็นประวัติหรือคัดลอกมา` })),
  );
}

function responsibleOf(draft: Draft, context: PlanContext, columns: readonly ColumnDef[], warnings: ImportWarning[]) {
  const raw = draft.cells.responsible ?? '';
  const reading = readResponsible(raw, context.units, context.office.nameTh);
  warnings.push(...responsibleWarnings(reading, { section: SECTION, rows: draft.rows, column: header(columns, 'responsible') }));
  return { responsibleText: raw, units: linkedUnits(reading) };
}

function measureOf(draft: Draft, responsible: ReturnType<typeof responsibleOf>): ImportedMeasure {
  const c = draft.cells;
  return { ordinal: draft.ordinal, label: draft.label, title: c.title!, method: c.method ?? null, timeframe: c.timeframe ?? null, summary: c.summary ?? null, outcome: c.outcome ?? null, followUp: c.followUp ?? null, result: c.result ?? null, ...responsible };
}

/** Validates a measures plan or report and reports the seeds' inconsistencies it shows; nothing is changed. */
export function analysePlan(raw: unknown, source: SourceMap, context: PlanContext): Analysis<ImportedPlan> {
  const parsed = planImportSchema.safeParse(raw);
  if (!parsed.success) return { errors: problemsOf(parsed.error, source), warnings: [], value: null };
  const input = parsed.data;
  const resolved = resolveColumns(input.columns, input.fields, source.format === 'csv' ? 1 : null);
  if (resolved.errors.length) return { errors: resolved.errors, warnings: [], value: null };
  const { columns } = resolved;
  const errors: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  const drafts = draftsOf(input, columns, source, errors, warnings);
  if (errors.length) return { errors, warnings: [], value: null };
  const titleYear = fiscalYearInTitle(input.titleTh);
  const numberColumn = header(columns, columns.some((c) => c.field === 'label') ? 'label' : 'title');
  warnings.push(...titleYearWarnings(input, titleYear), ...numberingWarnings(drafts, { section: SECTION, column: numberColumn }, drafts.length));
  const measures = drafts.map((draft) => {
    warnings.push(...periodWarnings(draft, input.fiscalYear, columns), ...indicatorWarnings(draft, context, columns), ...citationWarnings(draft, input, columns), ...digitWarnings(draft, columns));
    for (const field of ['method', 'summary', 'outcome', 'result', 'followUp'] as const) warnings.push(...truncationWarning(draft.cells[field] ?? null, { section: SECTION, row: draft.rows[0], column: header(columns, field) }, FIELD_LABEL_TH[field]));
    return measureOf(draft, responsibleOf(draft, context, columns, warnings));
  });
  const cells = printedCells(drafts, columns);
  warnings.push(...officeReferenceWarnings(cells, context.office, SECTION), ...staleYearWarnings(cells, input.fiscalYear, context.office));
  return analysis(errors, warnings, () => ({ fiscalYear: input.fiscalYear, titleTh: input.titleTh, titleFiscalYear: titleYear, columns, measures, attachments: input.attachments }));
}

