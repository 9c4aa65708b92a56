import { z } from 'zod';
import {
  ANNOUNCEMENT_ISSUERS,
  type DraftedAnnouncement,
  type DraftedOrder,
  EFFECTIVE_FROM_NOW,
  ITA_REPORT_FORM,
  ORDER_MEMBER_ROLES,
} from '@kasian/documents';
import { isValidCalendarDate, parseThaiDate } from '@kasian/thai';
import { InvalidDocumentContentError } from './documents.errors';

/** Generous bounds that still stop a pasted book: a memo paragraph is rarely over 3,000 characters. */
export const LIMITS = { field: 1_000, paragraph: 20_000, sections: 30, paragraphsPerSection: 50, itemsPerSection: 50, members: 100, contentBytes: 512 * 1024 };

const text = (max: number, code: string) => z.string().trim().min(1, { error: 'EMPTY_FIELD' }).max(max, { error: code });
const field = () => text(LIMITS.field, 'FIELD_TOO_LONG');
const paragraph = () => text(LIMITS.paragraph, 'SECTION_TOO_LONG');
/** Body paragraphs: at least one, each bounded. */
const body = () => z.array(paragraph()).min(1, { error: 'EMPTY_BODY' }).max(LIMITS.paragraphsPerSection, { error: 'TOO_MANY_PARAGRAPHS' });
const digits = z.enum(['thai', 'arabic']).optional();
/** What route conditions read (e.g. a vacancy flag). */
const routeFields = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional();
/** A Buddhist-era year; a missing one stays MISSING_FIELD. */
const yearBE = (min: number) => z.int().min(min, { error: 'YEAR_OUT_OF_RANGE' }).max(2700, { error: 'YEAR_OUT_OF_RANGE' });
/** Names a code for a value that is there but not one of the allowed; a missing one is MISSING_FIELD. */
const unless = (code: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'MISSING_FIELD' : code) });
const calendarDate = z
  .object({ year: z.number().int().min(1900).max(2300), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
  .refine((d) => isValidCalendarDate(d.year, d.month, d.day), { error: 'IMPOSSIBLE_DATE' });

/** A date as a calendar date, or as an office writes it (๒๑ ตุลาคม ๒๕๖๘, ๒๑ ต.ค. ๖๘, 21 ตุลาคม 2568); an impossible date is refused by libs/thai with its own code. */
const thaiDate = z.union([calendarDate, z.string().min(1).max(100).transform((text) => parseThaiDate(text).date)]);

const items = () => z.array(paragraph()).max(LIMITS.itemsPerSection, { error: 'TOO_MANY_ITEMS' }).default([]);

const section = z.object({
  title: field(),
  paragraphs: z.array(paragraph()).max(LIMITS.paragraphsPerSection, { error: 'TOO_MANY_PARAGRAPHS' }).default([]),
  items: items(),
});

/**
 * บันทึกข้อความ as drafted (domain.md §3.1). The number (ที่) comes from the register and the
 * signature and opinion blocks from the route, so neither is part of the drafted content.
 */
export const memoContentSchema = z.object({
  agency: field(),
  date: thaiDate.optional(),
  subject: field(),
  addressee: field(),
  paragraphs: z.array(paragraph()).max(LIMITS.paragraphsPerSection).optional(),
  sections: z.array(section).max(LIMITS.sections, { error: 'TOO_MANY_SECTIONS' }),
  closing: field(),
  digits,
  fields: routeFields,
});

export type MemoContent = z.infer<typeof memoContentSchema>;

/**
 * คำสั่ง as drafted (domain.md §4.1), the libs/documents `Order` without what the register (number,
 * year) and the route (signer) add; สั่ง ณ วันที่ is the numbering day unless the draft states one.
 * Member roles must be ones the order prints (`ORDER_MEMBER_ROLES`).
 */
export const orderContentSchema = z.object({
  organisation: field(),
  subject: field(),
  preamble: body(),
  members: z
    .array(z.object({ name: field(), position: field(), role: z.string().trim().refine((role) => ORDER_MEMBER_ROLES.includes(role), { error: 'MEMBER_ROLE_UNKNOWN' }) }))
    .max(LIMITS.members, { error: 'TOO_MANY_MEMBERS' })
    .optional(),
  dutiesIntro: field().optional(),
  duties: z.array(z.object({ text: paragraph(), items: items() })).max(LIMITS.sections, { error: 'TOO_MANY_DUTIES' }).optional(),
  effective: field().default(EFFECTIVE_FROM_NOW),
  date: thaiDate.optional(),
  digits,
  fields: routeFields,
}) satisfies z.ZodType<DraftedOrder>;

const draftedSigner = z.object({
  /** As printed, parentheses included: "(นายณัฐกรณ์ ใจรังสี)". */
  nameAsPrinted: field().regex(/^\(.*\S.*\)$/su, { error: 'SIGNER_NAME_NOT_IN_PARENTHESES' }),
  rankLine: field().nullish(),
  positionTitleAsPrinted: field(),
});

/**
 * ประกาศ as drafted (domain.md §4.2): issuer, เรื่อง, body, the effective date (ทั้งนี้ ตั้งแต่…,
 * from now when absent), ประกาศ ณ วันที่, and the fiscal year it is for (OIT ๐๒๑). A number/year
 * and a signer may be written in the draft (an announcement numbered outside Kasian, a council's
 * signer); a register's number and the route's final decider replace them.
 */
export const announcementContentSchema = z
  .object({
    issuer: z.enum(ANNOUNCEMENT_ISSUERS, unless('ISSUER_UNKNOWN')),
    organisation: field(),
    number: z.int().min(1, { error: 'NUMBER_OUT_OF_RANGE' }).optional(),
    yearBE: yearBE(2400).optional(),
    subject: field(),
    fiscalYear: yearBE(2500).optional(),
    paragraphs: body(),
    effectiveDate: thaiDate.optional(),
    date: thaiDate.optional(),
    signer: draftedSigner.optional(),
    digits,
    fields: routeFields,
  })
  .refine((a) => a.number === undefined || a.yearBE !== undefined, { error: 'MISSING_FIELD', path: ['yearBE'] })
  .refine((a) => a.yearBE === undefined || a.number !== undefined, { error: 'MISSING_FIELD', path: ['number'] }) satisfies z.ZodType<DraftedAnnouncement>;

const COLUMN_KEY = /^[a-zA-Z]{1,30}$/;

/**
 * รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (libs/documents
 * ItaMeasuresReport): generated from the ITA model, its columns are that year's printed set, and
 * every row has cells only under those columns.
 */
export const itaReportContentSchema = z
  .object({
    form: z.literal(ITA_REPORT_FORM),
    title: field(),
    organisation: field(),
    address: field().optional(),
    fiscalYear: z.number().int().min(2500).max(2700),
    intro: paragraph().optional(),
    columns: z.array(z.object({ key: z.string().regex(COLUMN_KEY), header: field() })).min(1).max(15),
    rows: z.array(z.object({ cells: z.record(z.string().regex(COLUMN_KEY), z.string().max(LIMITS.paragraph, { error: 'SECTION_TOO_LONG' })) })).max(200),
    digits,
    fields: routeFields,
  })
  .refine((report) => report.rows.every((row) => Object.keys(row.cells).every((key) => report.columns.some((c) => c.key === key))), { error: 'CELL_OUTSIDE_COLUMNS', path: ['rows'] });

function schemaOf(kind: string, content: Record<string, unknown>): z.ZodType<Record<string, unknown>> | null {
  switch (kind) {
    case 'MEMO':
      return memoContentSchema;
    case 'ORDER':
      return orderContentSchema;
    case 'ANNOUNCEMENT':
      return announcementContentSchema;
    case 'REPORT':
      return content.form === ITA_REPORT_FORM ? itaReportContentSchema : null;
    default:
      return null;
  }
}

/**
 * Checks drafted content by kind (ADR 0016): memos, orders, announcements and the ITA report are
 * structured; any other รายงาน is only bounded in size.
 */
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
