import { z } from 'zod';
import { ITA_REPORT_FORM } from '@kasian/documents';
import { DomainError } from '@kasian/errors';
import { isValidCalendarDate, parseThaiDate } from '@kasian/thai';

/** Generous bounds that still stop a pasted book: a memo paragraph is rarely over 3,000 characters. */
export const LIMITS = { field: 1_000, paragraph: 20_000, sections: 30, paragraphsPerSection: 50, itemsPerSection: 50, contentBytes: 512 * 1024 };

const text = (max: number, code: string) => z.string().trim().min(1, { error: 'EMPTY_FIELD' }).max(max, { error: code });
const calendarDate = z
  .object({ year: z.number().int().min(1900).max(2300), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  .refine((d) => isValidCalendarDate(d.year, d.month, d.day), { error: 'IMPOSSIBLE_DATE' });

/** วันที่ as a calendar date, or as an office writes it (๒๑ ตุลาคม ๒๕๖๘, ๒๑ ต.ค. ๖๘, 21 ตุลาคม 2568); an impossible date is refused by libs/thai with its own code. */
const memoDate = z.union([calendarDate, z.string().min(1).max(100).transform((text) => parseThaiDate(text).date)]);

const section = z.object({
  title: text(LIMITS.field, 'FIELD_TOO_LONG'),
  paragraphs: z.array(text(LIMITS.paragraph, 'SECTION_TOO_LONG')).max(LIMITS.paragraphsPerSection, { error: 'TOO_MANY_PARAGRAPHS' }).default([]),
  items: z.array(text(LIMITS.paragraph, 'SECTION_TOO_LONG')).max(LIMITS.itemsPerSection, { error: 'TOO_MANY_ITEMS' }).default([]),
});

/**
 * บันทึกข้อความ as drafted (domain.md §3.1). The number (ที่) comes from the register and the
 * signature and opinion blocks from the route, so neither is part of the drafted content.
 */
export const memoContentSchema = z.object({
  agency: text(LIMITS.field, 'FIELD_TOO_LONG'),
  date: memoDate.optional(),
  subject: text(LIMITS.field, 'FIELD_TOO_LONG'),
  addressee: text(LIMITS.field, 'FIELD_TOO_LONG'),
  paragraphs: z.array(text(LIMITS.paragraph, 'SECTION_TOO_LONG')).max(LIMITS.paragraphsPerSection).optional(),
  sections: z.array(section).max(LIMITS.sections, { error: 'TOO_MANY_SECTIONS' }),
  closing: text(LIMITS.field, 'FIELD_TOO_LONG'),
  digits: z.enum(['thai', 'arabic']).optional(),
  /** What route conditions read (e.g. a vacancy flag). */
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

export type MemoContent = z.infer<typeof memoContentSchema>;

const COLUMN_KEY = /^[a-zA-Z]{1,30}$/;

/**
 * รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (libs/documents
 * ItaMeasuresReport): generated from the ITA model, its columns are that year's printed set, and
 * every row has cells only under those columns.
 */
export const itaReportContentSchema = z
  .object({
    form: z.literal(ITA_REPORT_FORM),
    title: text(LIMITS.field, 'FIELD_TOO_LONG'),
    organisation: text(LIMITS.field, 'FIELD_TOO_LONG'),
    address: text(LIMITS.field, 'FIELD_TOO_LONG').optional(),
    fiscalYear: z.number().int().min(2500).max(2700),
    intro: text(LIMITS.paragraph, 'SECTION_TOO_LONG').optional(),
    columns: z.array(z.object({ key: z.string().regex(COLUMN_KEY), header: text(LIMITS.field, 'FIELD_TOO_LONG') })).min(1).max(15),
    rows: z.array(z.object({ cells: z.record(z.string().regex(COLUMN_KEY), z.string().max(LIMITS.paragraph, { error: 'SECTION_TOO_LONG' })) })).max(200),
    digits: z.enum(['thai', 'arabic']).optional(),
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  })
  .refine((report) => report.rows.every((row) => Object.keys(row.cells).every((key) => report.columns.some((c) => c.key === key))), { error: 'CELL_OUTSIDE_COLUMNS', path: ['rows'] });

export class InvalidDocumentContentError extends DomainError {
  readonly code = 'INVALID_DOCUMENT_CONTENT';
  readonly httpStatus = 400;
  readonly messageTh = 'เนื้อหาเอกสารไม่ถูกต้อง';
  constructor(problems: { path: string; code: string }[]) {
    super(`The document content is not valid: ${problems.map((p) => `${p.path} (${p.code})`).join(', ')}.`, problems);
  }
}

function schemaOf(kind: string, content: Record<string, unknown>): z.ZodType<Record<string, unknown>> | null {
  if (kind === 'MEMO') return memoContentSchema;
  if (kind === 'REPORT' && content.form === ITA_REPORT_FORM) return itaReportContentSchema;
  return null;
}

/** Checks drafted content by kind; memos and ITA reports are structured, other kinds only bounded until their issues. */
export function validateContent(kind: string, content: Record<string, unknown>): Record<string, unknown> {
  if (Buffer.byteLength(JSON.stringify(content)) > LIMITS.contentBytes) throw new InvalidDocumentContentError([{ path: '', code: 'CONTENT_TOO_LARGE' }]);
  const schema = schemaOf(kind, content);
  if (!schema) return content;
  const parsed = schema.safeParse(content);
  if (parsed.success) return parsed.data;
  throw new InvalidDocumentContentError(
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      code: /^[A-Z_]+$/.test(issue.message) ? issue.message : issue.code === 'invalid_type' && issue.input === undefined ? 'MISSING_FIELD' : 'INVALID_FIELD',
    })),
  );
}
