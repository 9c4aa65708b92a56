import type { Register, RegisterEntry } from '@prisma/client';
import { bangkokDateOf, formatThaiDate } from '@kasian/thai';
import type { RegisterDto } from './dto/register.dto';
import type { RegisterEntryDto } from './dto/register-entry.dto';
import { formatRegisterNumber } from './register-number';

export type EntryWithDocument = RegisterEntry & { document?: { title: string } | null };

export const STATUS_TH: Record<RegisterEntry['status'], string> = { ISSUED: 'ออกเลขแล้ว', CANCELLED: 'ยกเลิก' };

export function entryView(register: Register, entry: EntryWithDocument): RegisterEntryDto {
  return {
    id: entry.id,
    registerId: entry.registerId,
    year: entry.year,
    number: entry.number,
    numberText: formatRegisterNumber(register, entry.number, entry.year),
    printedText: entry.numberText,
    documentId: entry.documentId,
    subject: entry.subject ?? entry.document?.title ?? null,
    source: entry.source,
    status: entry.status,
    cancelledReason: entry.cancelledReason,
    issuedAt: entry.issuedAt.toISOString(),
    issuedDateTh: formatThaiDate(bangkokDateOf(entry.issuedAt), 'full'),
  };
}

export function registerView(register: Register, currentYear: number, lastNumber: number): RegisterDto {
  const { id, code, nameTh, documentKind, yearKind, format, prefix, prefixAliases, officeCode, issueAt } = register;
  return {
    id,
    code,
    nameTh,
    documentKind,
    yearKind,
    format,
    prefix,
    prefixAliases,
    officeCode,
    issueAt,
    currentYear,
    lastNumber,
    nextNumberText: formatRegisterNumber(register, lastNumber + 1, currentYear),
  };
}
