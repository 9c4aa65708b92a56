import { z } from 'zod';
import { isValidCalendarDate } from '@kasian/thai';
import { ANNOUNCEMENT_ISSUERS, type Announcement } from '../announcement/announcement';
import type { Memo } from '../memo/memo';
import type { RouteTimeline } from '../memo/route-timeline';
import { EFFECTIVE_FROM_NOW, type Order } from '../order/order';
import { ITA_REPORT_FORM, type ItaMeasuresReport } from '../report/ita-report';
import type { PrintImprint } from './imprint';

/** The kinds printed as official documents; named as in the schema's `DocumentKind`. */
export type PrintableDocument =
  | { readonly kind: 'MEMO'; readonly memo: Memo; readonly timeline: RouteTimeline | null }
  | { readonly kind: 'ORDER'; readonly order: Order }
  | { readonly kind: 'ANNOUNCEMENT'; readonly announcement: Announcement }
  | { readonly kind: 'REPORT'; readonly report: ItaMeasuresReport };

export interface UnprintableIssue {
  /** `content.subject`, `imprint.blocks[0].kind` … */
  readonly path: string;
  readonly message: string;
}

/** The drafted content or the imprint does not make a printable document; `issues` names every field that is off. */
export class UnprintableContentError extends Error {
  constructor(
    message: string,
    readonly issues: readonly UnprintableIssue[],
  ) {
    super(message);
    this.name = 'UnprintableContentError';
  }
}

const text = z.string().regex(/\S/, 'must not be blank');
const texts = z.array(text);
const digits = z.enum(['thai', 'arabic']).optional();
const calendarDate = z
  .object({ year: z.int(), month: z.int(), day: z.int() })
  .refine((d) => isValidCalendarDate(d.year, d.month, d.day), 'is not a calendar date');

const signature = z.object({
  nameAsPrinted: text,
  rankLine: z.string().nullable(),
  positionTitleAsPrinted: text,
  dateTextBE: z.string().nullable(),
});

const decisionBlock = z.object({ kind: z.literal('decision'), opinionOf: text, decision: text, signature });

const memoBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signer'), signature }),
  z.object({ kind: z.literal('opinion'), opinionOf: text, opinion: z.string().nullable(), signature }),
  decisionBlock,
]);

/** บันทึกข้อความ as drafted: what the drafter writes; the number, the blocks and the appendix come from the imprint. */
const draftedMemo = z.object({
  agency: text,
  date: calendarDate.nullish(),
  subject: text,
  addressee: text,
  paragraphs: texts.optional(),
  sections: z.array(z.object({ title: text, paragraphs: texts.default([]), items: texts.default([]) })),
  closing: text,
  digits,
});

const timelineRow = z.object({
  step: text,
  who: text,
  position: text,
  onBehalfOf: z.string().nullable(),
  orderRef: z.string().nullable(),
  at: z.iso.datetime({ offset: true }).transform((at) => new Date(at)),
  words: z.string(),
  versionNo: z.int().positive(),
  versionHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
});

const memoImprint = z.object({
  kind: z.literal('MEMO'),
  documentNumber: text.nullable(),
  date: calendarDate.nullable(),
  blocks: z.array(memoBlock),
  timeline: z.object({ rows: z.array(timelineRow) }).nullable(),
});

/** คำสั่ง as drafted; number, year, date and signer come from the register and the route. */
const draftedOrder = z.object({
  organisation: text,
  subject: text,
  preamble: texts,
  members: z.array(z.object({ name: text, position: text, role: text })).optional(),
  dutiesIntro: text.optional(),
  duties: z.array(z.object({ text, items: texts.default([]) })).optional(),
  effective: text.default(EFFECTIVE_FROM_NOW),
  date: calendarDate.nullish(),
  digits,
});

const orderImprint = z.object({
  kind: z.literal('ORDER'),
  number: z.int().positive().nullable(),
  yearBE: z.int().min(2400).max(2700).nullable(),
  date: calendarDate.nullable(),
  signer: signature.nullable(),
});

/** ประกาศ as drafted; a number, year or signer written in the draft stands until the register and the route give theirs. */
const draftedAnnouncement = z.object({
  issuer: z.enum(ANNOUNCEMENT_ISSUERS),
  organisation: text,
  number: z.int().positive().nullish(),
  yearBE: z.int().min(2400).max(2700).nullish(),
  subject: text,
  fiscalYear: z.int().nullish(),
  paragraphs: texts,
  effectiveDate: calendarDate.nullish(),
  date: calendarDate.nullish(),
  signer: z.object({ nameAsPrinted: text, rankLine: z.string().nullish(), positionTitleAsPrinted: text }).nullish(),
  digits,
});

const announcementImprint = orderImprint.extend({ kind: z.literal('ANNOUNCEMENT'), numbered: z.boolean() });

/** The ITA measures report as the ITA room generates it; other reports have no official layout yet. */
const draftedItaReport = z.object({
  form: z.literal(ITA_REPORT_FORM),
  title: text,
  organisation: text,
  address: text.optional(),
  fiscalYear: z.int(),
  intro: text.optional(),
  columns: z.array(z.object({ key: text, header: text })).min(1),
  rows: z.array(z.object({ cells: z.record(z.string(), z.string()) })),
  digits,
});

const reportImprint = z.object({
  kind: z.literal('REPORT'),
  approval: decisionBlock.nullable(),
});

function parse<T>(schema: z.ZodType<T>, part: 'content' | 'imprint', kind: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: [part, ...issue.path.map(String)].join('.'), message: issue.message }));
  throw new UnprintableContentError(`${part} is not a printable ${kind}:\n${z.prettifyError(result.error)}`, issues);
}

function assembleMemo(content: unknown, imprint: PrintImprint): PrintableDocument {
  const drafted = parse(draftedMemo, 'content', 'MEMO', content);
  const added = parse(memoImprint, 'imprint', 'MEMO', imprint);
  const { date, ...rest } = drafted;
  const memo: Memo = { ...rest, documentNumber: added.documentNumber, date: date ?? added.date, blocks: added.blocks };
  return { kind: 'MEMO', memo, timeline: added.timeline };
}

function assembleOrder(content: unknown, imprint: PrintImprint): PrintableDocument {
  const drafted = parse(draftedOrder, 'content', 'ORDER', content);
  const added = parse(orderImprint, 'imprint', 'ORDER', imprint);
  const { date, ...rest } = drafted;
  return { kind: 'ORDER', order: { ...rest, number: added.number, yearBE: added.yearBE, date: date ?? added.date, signer: added.signer } };
}

function assembleAnnouncement(content: unknown, imprint: PrintImprint): PrintableDocument {
  const { number, yearBE, fiscalYear, effectiveDate, date, signer, ...drafted } = parse(draftedAnnouncement, 'content', 'ANNOUNCEMENT', content);
  const added = parse(announcementImprint, 'imprint', 'ANNOUNCEMENT', imprint);
  const numbering = added.number !== null ? { number: added.number, yearBE: added.yearBE } : { number: number ?? null, yearBE: yearBE ?? null };
  const drafter = signer ? { ...signer, rankLine: signer.rankLine ?? null, dateTextBE: null } : null;
  const announcement: Announcement = {
    ...drafted,
    ...numbering,
    numbered: added.numbered || numbering.number !== null,
    fiscalYear: fiscalYear ?? null,
    effectiveDate: effectiveDate ?? null,
    date: date ?? added.date,
    signer: added.signer ?? drafter,
  };
  return { kind: 'ANNOUNCEMENT', announcement };
}

function assembleReport(content: unknown, imprint: PrintImprint): PrintableDocument {
  const drafted = parse(draftedItaReport, 'content', 'REPORT', content);
  const { approval } = parse(reportImprint, 'imprint', 'REPORT', imprint);
  return { kind: 'REPORT', report: { ...drafted, approval } };
}

/**
 * The official document as printed: the version's drafted content with what the route and the
 * register add (ADR 0011). A date the drafter wrote wins over the numbering date. Pure; throws
 * UnprintableContentError naming every field that is off.
 */
export function assemblePrintable(kind: string, content: unknown, imprint: PrintImprint): PrintableDocument {
  if (imprint.kind !== kind) throw new UnprintableContentError(`a ${imprint.kind} imprint cannot print a ${kind}`, [{ path: 'imprint.kind', message: `must be ${kind}` }]);
  switch (kind) {
    case 'MEMO':
      return assembleMemo(content, imprint);
    case 'ORDER':
      return assembleOrder(content, imprint);
    case 'ANNOUNCEMENT':
      return assembleAnnouncement(content, imprint);
    case 'REPORT':
      return assembleReport(content, imprint);
    default:
      throw new UnprintableContentError(`documents of kind ${kind} are not printed`, [{ path: 'kind', message: 'only MEMO, ORDER, ANNOUNCEMENT and REPORT are printed' }]);
  }
}
