import { z } from 'zod';
import { digitsOf, letterOf, normaliseIndicatorCode, normaliseItemCode } from './codes';
import { groupMismatchWarning } from './indicators';
import { analysis, type Analysis, type ImportProblem, type ImportWarning, problem, warning } from './problems';
import { groupBy, problemsOf, rowRanges, sectionOf, type SourceMap } from './source-map';
import { endsMidSentence } from './text';

const text = (max: number) => z.string().trim().min(1, { error: 'EMPTY_FIELD' }).max(max, { error: 'FIELD_TOO_LONG' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'FIELD_TOO_LONG' }).nullish().transform((v) => v || null);

export const INSTRUMENTS = ['IIT', 'EIT', 'OIT'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** A year's framework as imported (JSON, or CSV turned into this shape). */
export const frameworkImportSchema = z.object({
  fiscalYear: z.number().int().min(2550).max(2700),
  nameTh: text(500),
  source: optionalText(500),
  indicators: z
    .array(z.object({ code: text(10), instrument: z.enum(INSTRUMENTS), nameTh: optionalText(300), parent: optionalText(10), printedGroup: optionalText(300) }))
    .max(100, { error: 'TOO_MANY_ROWS' })
    .default([]),
  oitItems: z
    .array(z.object({ code: text(10), titleTh: text(500), indicator: optionalText(10), requirements: optionalText(10_000) }))
    .min(1, { error: 'TOO_FEW_ROWS' })
    .max(300, { error: 'TOO_MANY_ROWS' }),
});
export type FrameworkImport = z.infer<typeof frameworkImportSchema>;

export interface FrameworkIndicator {
  readonly code: string;
  readonly codeNorm: string;
  readonly parentNorm: string | null;
  readonly instrument: Instrument;
  readonly nameTh: string | null;
  readonly printedGroup: string | null;
  readonly ordinal: number;
}

export interface FrameworkItem {
  readonly ordinal: number;
  readonly code: string;
  readonly codeNorm: string;
  readonly occurrence: number;
  readonly indicatorNorm: string | null;
  readonly titleTh: string;
  readonly requirements: string | null;
}

export interface Framework {
  readonly fiscalYear: number;
  readonly nameTh: string;
  readonly source: string | null;
  readonly indicators: readonly FrameworkIndicator[];
  readonly items: readonly FrameworkItem[];
}

type Input = FrameworkImport;

function indicatorRows(input: Input, source: SourceMap, errors: ImportProblem[]): FrameworkIndicator[] {
  const seen = new Set<string>();
  const rows = input.indicators.map((row, i) => {
    const at = { section: 'indicators', row: source.rowOf('indicators', i), column: source.columnOf('indicators', 'code') };
    const codeNorm = normaliseIndicatorCode(row.code);
    if (!codeNorm) errors.push(problem(at, 'ITA_INDICATOR_CODE_INVALID', `"${row.code}" is not an indicator number such as 9 or 9.1.`, `"${row.code}" ไม่ใช่เลขตัวชี้วัด เช่น ๙ หรือ ๙.๑`, row.code));
    else if (seen.has(codeNorm)) errors.push(problem(at, 'ITA_INDICATOR_DUPLICATE', `Indicator ${row.code} is listed twice.`, `ตัวชี้วัด ${row.code} ซ้ำ`, row.code));
    if (codeNorm) seen.add(codeNorm);
    return { code: row.code, codeNorm: codeNorm ?? '', parentNorm: row.parent ? normaliseIndicatorCode(row.parent) : null, instrument: row.instrument, nameTh: row.nameTh, printedGroup: row.printedGroup, ordinal: i + 1 };
  });
  rows.forEach((row, i) => {
    if (input.indicators[i].parent && (!row.parentNorm || !seen.has(row.parentNorm))) {
      const at = { section: 'indicators', row: source.rowOf('indicators', i), column: source.columnOf('indicators', 'parent') };
      errors.push(problem(at, 'ITA_INDICATOR_PARENT_UNKNOWN', `The parent indicator "${input.indicators[i].parent}" is not in the list.`, `ไม่พบตัวชี้วัดหลัก "${input.indicators[i].parent}"`, input.indicators[i].parent!));
    }
  });
  return rows;
}

function itemRows(input: Input, source: SourceMap, indicators: readonly FrameworkIndicator[], errors: ImportProblem[]): FrameworkItem[] {
  const occurrences = new Map<string, number>();
  return input.oitItems.map((row, i) => {
    const rowNo = source.rowOf('oitItems', i);
    const codeNorm = normaliseItemCode(row.code);
    if (!codeNorm) errors.push(problem({ section: 'oitItems', row: rowNo, column: source.columnOf('oitItems', 'code') }, 'ITA_CODE_INVALID', `"${row.code}" is not an OIT item code (O followed by a number).`, `"${row.code}" ไม่ใช่รหัสข้อ OIT (ตัว O ตามด้วยตัวเลข)`, row.code));
    const indicatorNorm = row.indicator ? normaliseIndicatorCode(row.indicator) : null;
    if (row.indicator && !indicators.some((x) => x.codeNorm === indicatorNorm)) {
      errors.push(problem({ section: 'oitItems', row: rowNo, column: source.columnOf('oitItems', 'indicator') }, 'ITA_INDICATOR_UNKNOWN', `Indicator "${row.indicator}" is not in the framework.`, `ไม่พบตัวชี้วัด "${row.indicator}" ในกรอบการประเมิน`, row.indicator));
    }
    const occurrence = (occurrences.get(codeNorm ?? '') ?? 0) + 1;
    occurrences.set(codeNorm ?? '', occurrence);
    return { ordinal: i + 1, code: row.code, codeNorm: codeNorm ?? '', occurrence, indicatorNorm, titleTh: row.titleTh, requirements: row.requirements };
  });
}

/** I-11: a code printed twice, kept as two rows for a reviewer to map. */
function duplicateWarnings(items: readonly FrameworkItem[], source: SourceMap): ImportWarning[] {
  const byCode = groupBy(items, (item) => item.codeNorm);
  return [...byCode.values()]
    .filter((same) => same.length > 1)
    .map((same) =>
      warning({
        code: 'W-CODE-DUPLICATE',
        severity: 'E',
        seedRef: 'I-11',
        section: sectionOf(source, 'oitItems'),
        rows: same.map((item) => source.rowOf('oitItems', item.ordinal - 1)),
        column: source.columnOf('oitItems', 'code'),
        found: same.map((item) => `${item.code} ${item.titleTh}`).join(' | '),
        expected: `one row per code (${same[0].codeNorm})`,
        message: `Code ${same[0].code} is printed ${same.length} times; every row is kept and a reviewer maps them (never renumbered).`,
        messageTh: `รหัส ${same[0].code} ปรากฏ ${same.length} ครั้ง เก็บไว้ทุกแถวให้ผู้ตรวจทานจับคู่ ไม่เปลี่ยนเลขให้เอง`,
      }),
    );
}

/** I-11: numbers missing from the run of codes. */
function gapWarnings(items: readonly FrameworkItem[], source: SourceMap): ImportWarning[] {
  const numbers = items.map((item) => Number(item.codeNorm.slice(1))).filter((n) => n > 0);
  const present = new Set(numbers);
  const missing: number[] = [];
  for (let n = Math.min(...numbers); n <= Math.max(...numbers); n++) if (!present.has(n)) missing.push(n);
  return missing.map((n) => {
    const before = items.filter((item) => Number(item.codeNorm.slice(1)) < n).at(-1)!;
    const after = items.find((item) => Number(item.codeNorm.slice(1)) > n)!;
    return warning({
      code: 'W-CODE-GAP',
      severity: 'E',
      seedRef: 'I-11',
      section: sectionOf(source, 'oitItems'),
      rows: [source.rowOf('oitItems', before.ordinal - 1), source.rowOf('oitItems', after.ordinal - 1)],
      column: source.columnOf('oitItems', 'code'),
      found: `${before.code} → ${after.code}`,
      expected: `O${n}`,
      message: `No item O${n} between ${before.code} and ${after.code}.`,
      messageTh: `ไม่มีข้อ O${n} ระหว่าง ${before.code} และ ${after.code}`,
    });
  });
}

/** I-2, I-12, I-31: the letter O written several ways, or codes of different widths (normalised, raw kept). */
export function codeFormWarnings(codes: readonly { code: string; row: number }[], section: string | null, column: string): ImportWarning[] {
  const byForm = groupBy(codes, (c) => `${letterOf(c.code)} + ${digitsOf(c.code)} digits`);
  const warnings: ImportWarning[] = [];
  if (byForm.size > 1) {
    const found = [...byForm.entries()].map(([form, cs]) => `${cs[0].code}…${cs.at(-1)!.code} (rows ${rowRanges(cs.map((c) => c.row))}: ${form})`).join('; ');
    warnings.push(warning({ code: 'W-CODE-MIXED-SCRIPT', severity: 'I', seedRef: null, section, rows: codes.map((c) => c.row), column, found, message: `Codes write the letter O in ${byForm.size} ways; all are read as O + number and kept as printed.`, messageTh: `รหัสเขียนตัว O ${byForm.size} แบบ อ่านเป็น O ตามด้วยตัวเลข และเก็บรหัสตามที่พิมพ์ไว้` }));
  }
  for (const [form, cs] of byForm) {
    // With a Latin O nobody reads O๑ and O๑๐ as padded numbers; with ๐ or 0 the leading letter looks like a zero (I-12).
    if (form.startsWith('Latin')) continue;
    const widths = new Set(cs.map((c) => c.code.trim().length));
    if (widths.size > 1) {
      const examples = [...widths].map((w) => cs.find((c) => c.code.trim().length === w)!.code).join(', ');
      warnings.push(warning({ code: 'W-CODE-WIDTH', severity: 'I', seedRef: null, section, rows: cs.map((c) => c.row), column, found: examples, message: `Codes (${form}) have different widths (${examples}); the first character is the letter O, so ๐๑๐ is O10, not "010".`, messageTh: `รหัสมีความยาวต่างกัน (${examples}) ตัวแรกคือตัว O ไม่ใช่เลขศูนย์ เช่น ๐๑๐ คือ O10` }));
    }
  }
  return warnings;
}

/** I-31: numbers inside the titles of one table written in Thai digits in some rows and Arabic in others (รอบ ๖ เดือน · รอบ 6 เดือน). */
export function titleDigitWarnings(titles: readonly { text: string; row: number }[], section: string | null, column: string): ImportWarning[] {
  const thai = titles.filter((t) => /[๐-๙]/.test(t.text));
  const arabic = titles.filter((t) => /[0-9]/.test(t.text));
  if (!thai.length || !arabic.length) return [];
  const example = (t: { text: string; row: number }) => `${t.text} (row ${t.row})`;
  return [
    warning({
      code: 'W-DIGITS-MIXED',
      severity: 'I',
      seedRef: 'I-31',
      section,
      rows: [...thai, ...arabic].map((t) => t.row).sort((a, b) => a - b),
      column,
      found: `${example(thai[0])} · ${example(arabic[0])}`,
      message: `Titles write numbers in Thai digits (rows ${rowRanges(thai.map((t) => t.row))}) and in Arabic digits (rows ${rowRanges(arabic.map((t) => t.row))}); both are kept as printed.`,
      messageTh: `ชื่อรายการใช้ทั้งเลขไทย (แถว ${rowRanges(thai.map((t) => t.row))}) และเลขอารบิก (แถว ${rowRanges(arabic.map((t) => t.row))}) เก็บตามที่พิมพ์ไว้`,
    }),
  ];
}

/** I-13: an indicator printed under another instrument's heading (IIT heads 1–8, but 6–8 are EIT). */
function groupWarnings(indicators: readonly FrameworkIndicator[], source: SourceMap): ImportWarning[] {
  return indicators.flatMap((indicator) => {
    const printed = INSTRUMENTS.find((name) => indicator.printedGroup?.includes(name));
    if (!printed || printed === indicator.instrument) return [];
    const at = { section: sectionOf(source, 'indicators'), rows: [source.rowOf('indicators', indicator.ordinal - 1)], column: source.columnOf('indicators', 'printedGroup') };
    return [groupMismatchWarning(indicator, printed, `under "${indicator.printedGroup}"`, at)];
  });
}

/** I-19: a text that stops mid-sentence. */
export function truncationWarning(textValue: string | null, at: { section: string | null; row: number; column: string }, label: string): ImportWarning[] {
  const word = textValue ? endsMidSentence(textValue) : null;
  if (!word) return [];
  return [warning({ code: 'W-TEXT-TRUNCATED', severity: 'W', seedRef: null, ...at, rows: [at.row], found: `…${textValue!.slice(-40)}`, message: `${label} ends with "${word}": the text looks cut off.`, messageTh: `${label} จบด้วยคำว่า "${word}" ข้อความอาจขาดหาย` })];
}

/** Validates a year's framework and reports the seeds' inconsistencies it shows; nothing is changed. */
export function analyseFramework(raw: unknown, source: SourceMap): Analysis<Framework> {
  const parsed = frameworkImportSchema.safeParse(raw);
  if (!parsed.success) return { errors: problemsOf(parsed.error, source), warnings: [], value: null };
  const input = parsed.data;
  const errors: ImportProblem[] = [];
  const indicators = indicatorRows(input, source, errors);
  const items = itemRows(input, source, indicators, errors);
  if (errors.length) return { errors, warnings: [], value: null };
  const codeColumn = source.columnOf('oitItems', 'code');
  const warnings = [
    ...duplicateWarnings(items, source),
    ...gapWarnings(items, source),
    ...codeFormWarnings(items.map((item) => ({ code: item.code, row: source.rowOf('oitItems', item.ordinal - 1) })), sectionOf(source, 'oitItems'), codeColumn),
    ...titleDigitWarnings(items.map((item) => ({ text: item.titleTh, row: source.rowOf('oitItems', item.ordinal - 1) })), sectionOf(source, 'oitItems'), source.columnOf('oitItems', 'titleTh')),
    ...groupWarnings(indicators, source),
    ...items.flatMap((item) => truncationWarning(item.requirements, { section: sectionOf(source, 'oitItems'), row: source.rowOf('oitItems', item.ordinal - 1), column: source.columnOf('oitItems', 'requirements') }, `${item.code} requirements`)),
  ];
  return analysis(errors, warnings, () => ({ fiscalYear: input.fiscalYear, nameTh: input.nameTh, source: input.source, indicators, items }));
}
