import { decodeCursor, encodeCursor } from '../http/page-cursor';
import { CallerOffices } from '../identity/caller-offices';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Prisma, Register } from '@prisma/client';
import { stringify } from 'csv-stringify';
import type { Principal } from '@kasian/auth';
import { PrismaService } from '@kasian/database';
import type { RegisterDto } from './dto/register.dto';
import type { EntriesQueryDto, RegisterEntryDto, RegisterEntryPageDto } from './dto/register-entry.dto';
import { registerYearOf } from './register-number';
import { entryView, type EntryWithDocument, registerView, STATUS_TH } from './register-views';
import { registryCaller } from './registry-caller';
import { RegisterNotFoundError } from './registry.errors';

interface Cursor {
  y: number;
  n: number;
}

const CSV_COLUMNS = ['ปี', 'เลขที่', 'เลขที่ (ตามที่พิมพ์)', 'เรื่อง', 'เอกสาร', 'สถานะ', 'เหตุผลที่ยกเลิก', 'วันที่'];
const CSV_BATCH = 500;

const isCursor = (c: Partial<Cursor>) => Number.isInteger(c.y) && Number.isInteger(c.n);

/** Newest first: by register year, then running number, both descending. */
function before(cursor: Cursor | null): Prisma.RegisterEntryWhereInput {
  return cursor ? { OR: [{ year: { lt: cursor.y } }, { year: cursor.y, number: { lt: cursor.n } }] } : {};
}

/** Read side of the registers: the office's registers, the register view and its CSV export. */
@Injectable()
export class RegistryQueries {
  constructor(
    private readonly prisma: PrismaService,
    private readonly offices: CallerOffices,
  ) {}

  async registers(principal: Principal): Promise<RegisterDto[]> {
    const { officeId } = await registryCaller(this.offices, principal);
    const registers = await this.prisma.register.findMany({ where: { officeId }, orderBy: { code: 'asc' } });
    const now = new Date();
    const years = registers.map((register) => registerYearOf(register.yearKind, now));
    const counters = await this.prisma.registerCounter.findMany({ where: { OR: registers.map((r, i) => ({ registerId: r.id, year: years[i] })) } });
    const last = new Map(counters.map((c) => [c.registerId, c.lastNumber]));
    return registers.map((register, i) => registerView(register, years[i], last.get(register.id) ?? 0));
  }

  async entries(principal: Principal, registerId: string, query: EntriesQueryDto): Promise<RegisterEntryPageDto> {
    const register = await this.registerOf(principal, registerId);
    const limit = query.limit ?? 50;
    const rows = await this.page(register, query.year, decodeCursor<Cursor>(query.cursor, isCursor), limit + 1);
    const items = rows.slice(0, limit).map((row) => entryView(register, row));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ y: last.year, n: last.number }) : null };
  }

  /** The register as CSV, UTF-8 with a BOM (Excel reads the Thai), streamed page by page. */
  async csv(principal: Principal, registerId: string, year?: number): Promise<{ filename: string; stream: Readable }> {
    const register = await this.registerOf(principal, registerId);
    const rows = Readable.from(this.csvRows(register, year));
    const stream = rows.pipe(stringify({ bom: true, header: true, columns: CSV_COLUMNS }));
    rows.once('error', (error) => stream.destroy(error));
    return { filename: `register-${register.code}${year ? `-${year}` : ''}.csv`, stream };
  }

  private async *csvRows(register: Register, year: number | undefined): AsyncGenerator<string[]> {
    let cursor: Cursor | null = null;
    for (;;) {
      const rows = await this.page(register, year, cursor, CSV_BATCH);
      for (const row of rows) yield csvRow(entryView(register, row));
      if (rows.length < CSV_BATCH) return;
      const last = rows[rows.length - 1];
      cursor = { y: last.year, n: last.number };
    }
  }

  private page(register: Register, year: number | undefined, cursor: Cursor | null, take: number): Promise<EntryWithDocument[]> {
    return this.prisma.registerEntry.findMany({
      where: { registerId: register.id, ...(year ? { year } : {}), ...before(cursor) },
      orderBy: [{ year: 'desc' }, { number: 'desc' }],
      take,
      include: { document: { select: { title: true } } },
    });
  }

  private async registerOf(principal: Principal, registerId: string): Promise<Register> {
    const { officeId } = await registryCaller(this.offices, principal);
    const register = await this.prisma.register.findFirst({ where: { id: registerId, officeId } });
    if (!register) throw new RegisterNotFoundError(registerId);
    return register;
  }
}

function csvRow(entry: RegisterEntryDto): string[] {
  return [
    String(entry.year),
    entry.numberText,
    entry.printedText,
    entry.subject ?? '',
    entry.documentId ?? '',
    STATUS_TH[entry.status as keyof typeof STATUS_TH],
    entry.cancelledReason ?? '',
    entry.issuedDateTh,
  ];
}
