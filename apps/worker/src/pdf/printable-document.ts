import { z } from 'zod';
import type { Memo, Order } from '@kasian/documents';
import type { PrintableKind } from '@kasian/jobs';
import { isValidCalendarDate } from '@kasian/thai';
import { UnprintableError } from './unprintable.error';

export type PrintableDocument = { readonly kind: 'MEMO'; readonly memo: Memo } | { readonly kind: 'ORDER'; readonly order: Order };

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

const memoBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signer'), signature }),
  z.object({ kind: z.literal('opinion'), opinionOf: text, opinion: z.string().nullable(), signature }),
  z.object({ kind: z.literal('decision'), opinionOf: text, decision: text, signature }),
]);

const memoSchema = z.object({
  agency: text,
  documentNumber: text,
  date: calendarDate,
  subject: text,
  addressee: text,
  paragraphs: texts.optional(),
  sections: z.array(z.object({ title: text, paragraphs: texts, items: texts })),
  closing: text,
  blocks: z.array(memoBlock),
  digits,
});

const orderSchema = z.object({
  organisation: text,
  number: z.int().positive(),
  yearBE: z.int().min(2400).max(2700),
  subject: text,
  preamble: texts,
  members: z.array(z.object({ name: text, position: text, role: text })).optional(),
  dutiesIntro: text.optional(),
  duties: z.array(z.object({ text, items: texts })).optional(),
  effective: text,
  date: calendarDate,
  signer: signature,
  digits,
});

function parse<T>(schema: z.ZodType<T>, kind: PrintableKind, content: unknown): T {
  const result = schema.safeParse(content);
  if (!result.success) throw new UnprintableError(`content is not a printable ${kind}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** The version's content as the documents library's model, or an UnprintableError naming every field that is off. */
export function parsePrintable(kind: PrintableKind, content: unknown): PrintableDocument {
  switch (kind) {
    case 'MEMO':
      return { kind, memo: parse<Memo>(memoSchema, kind, content) };
    case 'ORDER':
      return { kind, order: parse<Order>(orderSchema, kind, content) };
    default:
      throw new UnprintableError(`documents of kind ${String(kind)} are not printed`);
  }
}
