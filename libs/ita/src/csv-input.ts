import { problem, type ImportProblem } from './problems';
import type { SourceMap } from './source-map';
import { sameText } from './text';

/** A CSV as read: the header row and each record keyed by header, with the line it starts on. */
export interface CsvTable {
  readonly headers: readonly string[];
  readonly records: readonly { line: number; cells: Record<string, string> }[];
}

/** What a CSV import turns into: the JSON shape the import validates, and how to name its places. */
export interface CsvInput {
  readonly input: unknown;
  readonly source: SourceMap;
  readonly errors: readonly ImportProblem[];
}

function csvSource(lines: Record<string, readonly number[]>, columns: Record<string, Record<string, string>>): SourceMap {
  return {
    format: 'csv',
    rowOf: (section, index) => lines[section]?.[index] ?? index + 2,
    columnOf: (section, field) => columns[section]?.[field] ?? field,
  };
}

const FRAMEWORK_COLUMNS = { kind: 'ประเภท', code: 'รหัส', name: 'ชื่อ', instrument: 'เครื่องมือ', parent: 'สังกัด', printedGroup: 'หัวข้อที่พิมพ์', requirements: 'องค์ประกอบด้านข้อมูล' } as const;
const KIND_INDICATOR = ['ตัวชี้วัด', 'ตัวชี้วัดย่อย'];
const KIND_ITEM = ['ข้อ'];

function headerFor(table: CsvTable, wanted: string): string | undefined {
  return table.headers.find((h) => sameText(h, wanted));
}

/**
 * A framework CSV: one row per indicator (ประเภท ตัวชี้วัด) or OIT item (ประเภท ข้อ), columns
 * ประเภท, รหัส, ชื่อ, เครื่องมือ, สังกัด, หัวข้อที่พิมพ์, องค์ประกอบด้านข้อมูล; the year and name come with the request.
 */
export function frameworkFromCsv(table: CsvTable, meta: { fiscalYear: number; nameTh: string; source?: string | null }): CsvInput {
  const errors: ImportProblem[] = [];
  const h = Object.fromEntries(Object.entries(FRAMEWORK_COLUMNS).map(([key, th]) => [key, headerFor(table, th)])) as Record<keyof typeof FRAMEWORK_COLUMNS, string | undefined>;
  for (const required of ['kind', 'code', 'name'] as const) {
    if (!h[required]) errors.push(problem({ row: 1, column: FRAMEWORK_COLUMNS[required] }, 'ITA_COLUMN_MISSING', `The CSV has no "${FRAMEWORK_COLUMNS[required]}" column.`, `ไม่มีคอลัมน์ "${FRAMEWORK_COLUMNS[required]}"`));
  }
  for (const header of table.headers.filter((x) => !Object.values(h).includes(x))) {
    errors.push(problem({ row: 1, column: header }, 'ITA_COLUMN_UNKNOWN', `The column "${header}" is not a framework column.`, `ไม่รู้จักคอลัมน์ "${header}"`, header));
  }
  const cell = (cells: Record<string, string>, key: keyof typeof FRAMEWORK_COLUMNS) => (h[key] ? cells[h[key]!] || undefined : undefined);
  const indicators: unknown[] = [];
  const oitItems: unknown[] = [];
  const lines: Record<string, number[]> = { indicators: [], oitItems: [] };
  for (const { line, cells } of errors.length ? [] : table.records) {
    const kind = (cell(cells, 'kind') ?? '').trim();
    if (KIND_INDICATOR.includes(kind)) {
      indicators.push({ code: cell(cells, 'code'), instrument: cell(cells, 'instrument'), nameTh: cell(cells, 'name'), parent: cell(cells, 'parent'), printedGroup: cell(cells, 'printedGroup') });
      lines.indicators.push(line);
    } else if (KIND_ITEM.includes(kind)) {
      oitItems.push({ code: cell(cells, 'code'), titleTh: cell(cells, 'name'), indicator: cell(cells, 'parent'), requirements: cell(cells, 'requirements') });
      lines.oitItems.push(line);
    } else {
      errors.push(problem({ row: line, column: h.kind! }, 'ITA_ROW_KIND_UNKNOWN', `"${kind}" is neither ตัวชี้วัด nor ข้อ.`, `"${kind}" ไม่ใช่ ตัวชี้วัด หรือ ข้อ`, kind));
    }
  }
  const columns = {
    indicators: { code: h.code ?? 'รหัส', instrument: h.instrument ?? 'เครื่องมือ', nameTh: h.name ?? 'ชื่อ', parent: h.parent ?? 'สังกัด', printedGroup: h.printedGroup ?? 'หัวข้อที่พิมพ์' },
    oitItems: { code: h.code ?? 'รหัส', titleTh: h.name ?? 'ชื่อ', indicator: h.parent ?? 'สังกัด', requirements: h.requirements ?? 'องค์ประกอบด้านข้อมูล' },
  };
  return { input: { ...meta, indicators, oitItems }, source: csvSource(lines, columns), errors };
}

/** A measures CSV: the header row is the report's printed column set, one record per printed row. */
export function planFromCsv(table: CsvTable, meta: { fiscalYear: number; titleTh: string }): CsvInput {
  const lines = { rows: table.records.map((r) => r.line) };
  return { input: { ...meta, columns: table.headers, rows: table.records.map((r) => r.cells) }, source: csvSource(lines, {}), errors: [] };
}

/**
 * A progress table CSV, one record per printed row keyed by its header: the OIT assignment (ข้อ, ข้อมูล,
 * ผู้รับผิดชอบ, and ความก้าวหน้าผลการดำเนินการ, สถานะ when printed) or the IIT table (ตัวชี้วัด, แนวทาง…, ระยะเวลา…).
 */
export function progressFromCsv(table: CsvTable, meta: { fiscalYear: number }): CsvInput {
  const lines = { rows: table.records.map((r) => r.line) };
  return { input: { ...meta, rows: table.records.map((r) => r.cells) }, source: csvSource(lines, {}), errors: [] };
}

export const oitFromCsv = progressFromCsv;
export const iitFromCsv = progressFromCsv;
