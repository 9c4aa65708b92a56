import { Injectable } from '@nestjs/common';
import type { Prisma, Register, RegisterEntry, RegisterEntrySource } from '@prisma/client';
import { prismaExecutor, type SqlExecutor } from '@kasian/database';
import { bangkokDateOf, THAI_DIGITS, toThaiDigits } from '@kasian/thai';
import { formatRegisterNumber, numberTemplate, type NumberWarning, parseRegisterNumber, registerYearOf } from './register-number';
import {
  DocumentAlreadyNumberedError,
  type ExistingEntry,
  RegisterDocumentKindMismatchError,
  RegisterDocumentNotFoundError,
  RegisterEntryAlreadyCancelledError,
  RegisterEntryNotFoundError,
  RegisterNotFoundError,
  RegisterNumberFormatError,
  RegisterNumberTakenError,
} from './registry.errors';

export type Tx = Prisma.TransactionClient;

/** Issuing runs in a Prisma transaction (the register's REST mutations) or on the `pg` executor (route actions, ADR 0010). */
export type NumberingTx = Tx | SqlExecutor;

/** When a route earns its number (ADR 0011): at sign-off, or reserved at the first submission when the register says so. */
export type NumberingMoment = 'SIGN_OFF' | 'SUBMIT';

export interface IssuedNumber {
  register: Register;
  entry: RegisterEntry;
}

export interface IssueOptions {
  /** The register must belong to this office (404 otherwise). */
  officeId?: string;
  /** เรื่อง, for a number issued without a Kasian document (or to override the document title in the register). */
  subject?: string | null;
}

export interface ExternalNumber {
  /** As printed on the document, e.g. "ขร ๗๓๕๐๑/๑๖๕๖". */
  numberText: string;
  /** The register year; memo numbers carry none, so it defaults to the register year of `issuedAt`. */
  year?: number;
  issuedAt: Date;
  documentId?: string | null;
  subject?: string | null;
  source: Extract<RegisterEntrySource, 'MANUAL' | 'IMPORTED'>;
  officeId?: string;
}

export interface RecordedEntry {
  register: Register;
  entry: RegisterEntry;
  warnings: NumberWarning[];
}

const BANGKOK_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * The register's write side, always inside the caller's transaction. Every write to a
 * register-year first takes that year's `register_counters` row lock, so issuing, entering and
 * checking numbers of one register-year happen one at a time and roll back together.
 */
@Injectable()
export class RegisterNumbering {
  /**
   * Issues the next number of the register-year `at` falls in (ADR 0009): one statement bumps the
   * counter (locking its row until commit) and inserts the entry. A document is locked first, so it
   * is numbered once. Call it before appending audit events (lock order: counter, then audit head).
   */
  async issueNumber(tx: NumberingTx, registerId: string, documentId: string | null, at: Date, options: IssueOptions = {}): Promise<IssuedNumber> {
    const sql = sqlOf(tx);
    const register = await findRegister(sql, registerId, options.officeId);
    if (documentId) {
      await lockDocument(sql, register, documentId);
      await refuseSecondNumber(sql, register, documentId);
    }
    const entry = await allocate(sql, register, registerYearOf(register.yearKind, at), { documentId, subject: options.subject ?? null, at });
    return { register, entry };
  }

  /**
   * The number a route earns, in the route action's transaction: the document's register (ADR 0011)
   * issues its next number at `SIGN_OFF`, or at `SUBMIT` when the register reserves numbers then.
   * Null, with nothing issued, when the document has no register, the moment is not the register's,
   * or the document already holds a number there (reserved at submission, or entered by hand). One
   * statement locks the document row and reads its register, a second allocates (lock order of ADR
   * 0009: document, counter, then the audit head, so call it before appending audit events).
   */
  async numberForRoute(sql: SqlExecutor, documentId: string, moment: NumberingMoment, at: Date): Promise<IssuedNumber | null> {
    const [bound] = await sql.query<Register & { numbered: boolean }>(BOUND_REGISTER, [documentId], 'register.bound-to-document');
    if (!bound || bound.numbered || (moment === 'SUBMIT' && bound.issueAt !== 'SUBMIT')) return null;
    const { numbered, ...register } = bound;
    const entry = await allocate(sql, register, registerYearOf(register.yearKind, at), { documentId, subject: null, at });
    return { register, entry };
  }

  /**
   * Enters a number given outside Kasian. A number already in the register-year is refused (409);
   * the counter is raised to max(counter, number) so Kasian never issues it again (ADR 0009).
   */
  async recordExternal(tx: Tx, registerId: string, input: ExternalNumber): Promise<RecordedEntry> {
    const sql = prismaExecutor(tx);
    const register = await findRegister(sql, registerId, input.officeId);
    const parsed = parseRegisterNumber(register, input.numberText);
    const year = resolveYear(register, parsed.raw, parsed.printedYear, input.year, input.issuedAt);
    if (input.documentId) await lockDocument(sql, register, input.documentId);
    const counterBefore = await raiseCounter(tx, register, year, parsed.number);
    const taken = await tx.registerEntry.findUnique({ where: { registerId_year_number: { registerId: register.id, year, number: parsed.number } } });
    if (taken) throw new RegisterNumberTakenError(existing(taken));
    if (input.documentId) await refuseSecondNumber(sql, register, input.documentId);
    const warnings = [
      ...parsed.warnings,
      ...yearWarnings(register, year, input.issuedAt),
      ...skippedWarnings(register, year, counterBefore, parsed.number),
      ...(await orderWarnings(tx, register.id, year, parsed.number, input.issuedAt)),
    ];
    const entry = await tx.registerEntry.create({
      data: {
        officeId: register.officeId,
        registerId: register.id,
        year,
        number: parsed.number,
        numberText: parsed.raw,
        documentId: input.documentId ?? null,
        subject: input.subject ?? null,
        source: input.source,
        issuedAt: input.issuedAt,
      },
    });
    return { register, entry, warnings };
  }

  /** ยกเลิก: the number stays in the register with its reason and is never issued again. */
  async cancel(tx: Tx, registerId: string, entryId: string, reason: string, officeId?: string): Promise<IssuedNumber> {
    const register = await findRegister(prismaExecutor(tx), registerId, officeId);
    const [locked] = await tx.$queryRaw<{ status: string; cancelled_reason: string | null }[]>`
      SELECT status::text, cancelled_reason FROM register_entries WHERE id = ${entryId}::uuid AND register_id = ${register.id}::uuid FOR UPDATE`;
    if (!locked) throw new RegisterEntryNotFoundError(register.id, entryId);
    if (locked.status === 'CANCELLED') throw new RegisterEntryAlreadyCancelledError(entryId, locked.cancelled_reason);
    const entry = await tx.registerEntry.update({ where: { id: entryId }, data: { status: 'CANCELLED', cancelledReason: reason } });
    return { register, entry };
  }
}

const sqlOf = (tx: NumberingTx): SqlExecutor => ('$queryRawUnsafe' in tx ? prismaExecutor(tx) : tx);

const REGISTER_COLUMNS = `r.id, r.office_id AS "officeId", r.code, r.name_th AS "nameTh", r.document_kind::text AS "documentKind",
  r.year_kind::text AS "yearKind", r.format::text AS format, r.prefix, r.prefix_aliases AS "prefixAliases",
  r.office_code AS "officeCode", r.issue_at::text AS "issueAt", r.created_at AS "createdAt"`;

const ENTRY_COLUMNS = `id, office_id AS "officeId", register_id AS "registerId", year, number, number_text AS "numberText",
  document_id AS "documentId", subject, source::text AS source, status::text AS status, cancelled_reason AS "cancelledReason",
  issued_at AS "issuedAt", created_at AS "createdAt"`;

/** The document row locked, its register, and whether it already holds an issued number there. */
const BOUND_REGISTER = `
  SELECT ${REGISTER_COLUMNS},
         EXISTS (SELECT 1 FROM register_entries e WHERE e.register_id = r.id AND e.document_id = d.id AND e.status = 'ISSUED') AS numbered
    FROM documents d JOIN registers r ON r.id = d.register_id AND r.office_id = d.office_id
   WHERE d.id = $1::uuid
     FOR UPDATE OF d`;

/**
 * The counter bump and the entry in one statement: the bump locks the register-year's counter row
 * until commit, so issues of one register-year queue and a rollback takes the number back.
 */
const ALLOCATE = `
  WITH counter AS (
    INSERT INTO register_counters (office_id, register_id, year, last_number)
    VALUES ($1::uuid, $2::uuid, $3::int, 1)
    ON CONFLICT (register_id, year) DO UPDATE SET last_number = register_counters.last_number + 1
    RETURNING last_number)
  INSERT INTO register_entries (id, office_id, register_id, year, number, number_text, document_id, subject, source, issued_at)
  SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3::int, last_number,
         $4::text || translate(last_number::text, '0123456789', $5::text) || $6::text,
         $7::uuid, $8::text, 'ALLOCATED', $9::timestamptz
    FROM counter
  RETURNING ${ENTRY_COLUMNS}`;

async function findRegister(sql: SqlExecutor, registerId: string, officeId: string | undefined): Promise<Register> {
  const [register] = await sql.query<Register>(`SELECT ${REGISTER_COLUMNS} FROM registers r WHERE r.id = $1::uuid`, [registerId], 'register.find');
  if (!register || (officeId && register.officeId !== officeId)) throw new RegisterNotFoundError(registerId);
  return register;
}

async function lockDocument(sql: SqlExecutor, register: Register, documentId: string): Promise<void> {
  const [document] = await sql.query<{ officeId: string; kind: string }>(
    `SELECT office_id AS "officeId", kind::text AS kind FROM documents WHERE id = $1::uuid FOR UPDATE`,
    [documentId],
    'register.lock-document',
  );
  if (!document || document.officeId !== register.officeId) throw new RegisterDocumentNotFoundError(documentId);
  if (document.kind !== register.documentKind) throw new RegisterDocumentKindMismatchError(documentId, document.kind, register.documentKind);
}

async function allocate(sql: SqlExecutor, register: Register, year: number, entry: { documentId: string | null; subject: string | null; at: Date }): Promise<RegisterEntry> {
  const { head, tail } = numberTemplate(register, year);
  const values = [register.officeId, register.id, year, head, THAI_DIGITS, tail, entry.documentId, entry.subject, entry.at];
  const [row] = await sql.query<RegisterEntry>(ALLOCATE, values, 'register.allocate');
  return row;
}

/** Locks the register-year's counter, raises it to `number` if lower, and answers what it was before (0 for a new year). */
async function raiseCounter(tx: Tx, register: Register, year: number, number: number): Promise<number> {
  const [locked] = await tx.$queryRaw<{ last_number: number }[]>`
    SELECT last_number FROM register_counters WHERE register_id = ${register.id}::uuid AND year = ${year} FOR UPDATE`;
  await tx.$executeRaw`
    INSERT INTO register_counters (office_id, register_id, year, last_number)
    VALUES (${register.officeId}::uuid, ${register.id}::uuid, ${year}, ${number})
    ON CONFLICT (register_id, year) DO UPDATE SET last_number = GREATEST(register_counters.last_number, EXCLUDED.last_number)`;
  return locked?.last_number ?? 0;
}

async function refuseSecondNumber(sql: SqlExecutor, register: Register, documentId: string): Promise<void> {
  const [held] = await sql.query<RegisterEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM register_entries WHERE register_id = $1::uuid AND document_id = $2::uuid AND status = 'ISSUED' LIMIT 1`,
    [register.id, documentId],
    'register.document-number',
  );
  if (held) throw new DocumentAlreadyNumberedError(existing(held));
}

function resolveYear(register: Register, raw: string, printedYear: number | null, givenYear: number | undefined, issuedAt: Date): number {
  const year = printedYear ?? givenYear ?? registerYearOf(register.yearKind, issuedAt);
  if (givenYear !== undefined && givenYear !== year) {
    throw new RegisterNumberFormatError(
      'REGISTER_NUMBER_YEAR_MISMATCH',
      `"${raw}" prints the year ${year}, but the request names ${givenYear}.`,
      `"${raw}" ระบุปี ${toThaiDigits(year)} แต่คำขอระบุปี ${toThaiDigits(givenYear)}`,
      { raw, printedYear: year, year: givenYear },
    );
  }
  return year;
}

function yearWarnings(register: Register, year: number, issuedAt: Date): NumberWarning[] {
  const yearOfDate = registerYearOf(register.yearKind, issuedAt);
  if (yearOfDate === year) return [];
  return [
    {
      code: 'W-DOCNO-YEAR-DATE-MISMATCH',
      message: `Entered in the ${register.yearKind.toLowerCase()} year ${year}, but dated in ${yearOfDate}.`,
      messageTh: `ลงทะเบียนในปี ${toThaiDigits(year)} แต่วันที่ของหนังสืออยู่ในปี ${toThaiDigits(yearOfDate)}`,
      details: { year, yearOfDate },
    },
  ];
}

function skippedWarnings(register: Register, year: number, counterBefore: number, number: number): NumberWarning[] {
  if (number <= counterBefore + 1) return [];
  const [from, to] = [counterBefore + 1, number - 1];
  const range = from === to ? formatRegisterNumber(register, from, year) : `${formatRegisterNumber(register, from, year)} – ${formatRegisterNumber(register, to, year)}`;
  return [
    {
      code: 'W-REGISTER-NUMBERS-SKIPPED',
      message: `Kasian had issued up to ${counterBefore}; it continues after ${number}, so ${range} will only come from manual entries.`,
      messageTh: `ระบบออกเลขถึง ${toThaiDigits(counterBefore)} จะออกเลขต่อจาก ${toThaiDigits(number)} เลข ${range} จึงรับได้เฉพาะการลงทะเบียนเอง`,
      details: { counterBefore, counterAfter: number, skippedFrom: from, skippedTo: to },
    },
  ];
}

/** I-8: a number whose order contradicts the dates of its neighbours (by Bangkok day) is accepted as history, with a warning. */
async function orderWarnings(tx: Tx, registerId: string, year: number, number: number, issuedAt: Date): Promise<NumberWarning[]> {
  const dayStart = bangkokDayStart(issuedAt);
  const nextDay = new Date(dayStart.getTime() + DAY_MS);
  const neighbour = await tx.registerEntry.findFirst({
    where: { registerId, year, OR: [{ number: { lt: number }, issuedAt: { gte: nextDay } }, { number: { gt: number }, issuedAt: { lt: dayStart } }] },
    orderBy: { number: 'asc' },
  });
  if (!neighbour) return [];
  return [
    {
      code: 'W-DOCNO-NON-MONOTONIC',
      message: `Out of order: ${neighbour.numberText} is dated ${neighbour.issuedAt.toISOString()}; accepted as history (I-8).`,
      messageTh: `ลำดับเลขไม่สอดคล้องกับวันที่ของ ${neighbour.numberText} รับไว้เป็นประวัติ`,
      details: { neighbour: { entryId: neighbour.id, number: neighbour.number, numberText: neighbour.numberText, issuedAt: neighbour.issuedAt.toISOString() } },
    },
  ];
}

function bangkokDayStart(at: Date): Date {
  const day = bangkokDateOf(at);
  return new Date(Date.UTC(day.year, day.month - 1, day.day) - BANGKOK_OFFSET_MS);
}

function existing(entry: RegisterEntry): ExistingEntry {
  const { id, year, number, numberText, documentId, subject, status } = entry;
  return { id, year, number, numberText, documentId, subject, status };
}
