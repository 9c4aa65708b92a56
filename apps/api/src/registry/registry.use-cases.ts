import { CallerOffices } from '../identity/caller-offices';
import { Injectable } from '@nestjs/common';
import type { Register } from '@prisma/client';
import { type AuditEventInput, AuditPort, type AuditTransaction } from '@kasian/audit';
import { PrismaService, prismaExecutor, type SqlExecutor } from '@kasian/database';
import type { CallerContext } from '../idempotency/caller.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { CreateRegisterDto, RegisterDto } from './dto/register.dto';
import type { CancelEntryDto, IssueNumberDto, RecordedEntryDto, RecordEntryDto, RegisterEntryDto } from './dto/register-entry.dto';
import { registerYearOf } from './register-number';
import { type AuditedChange, entryChange } from './register-audit';
import { RegisterNumbering } from './register-numbering.service';
import { entryView, registerView } from './register-views';
import { auditActor, type RegistryCaller, registryCaller } from './registry-caller';
import { RegisterCodeTakenError, RegisterSettingsInvalidError } from './registry.errors';

/** The register's REST mutations: each runs in one transaction, honours Idempotency-Key and appends one audit event. */
@Injectable()
export class RegistryUseCases {
  constructor(
    private readonly prisma: PrismaService,
    private readonly idempotency: IdempotencyService,
    private readonly numbering: RegisterNumbering,
    private readonly audit: AuditPort,
    private readonly offices: CallerOffices,
  ) {}

  async createRegister(context: CallerContext, input: CreateRegisterDto) {
    const caller = await registryCaller(this.offices, context.principal);
    return this.idempotency.run<RegisterDto>(this.scope(caller, context, 'POST /registers', input), async (tx) => {
      const settings = registerSettings(input);
      const taken = await tx.register.findUnique({ where: { officeId_code: { officeId: caller.officeId, code: input.code } } });
      if (taken) throw new RegisterCodeTakenError(input.code, taken.id);
      const register = await tx.register.create({ data: { officeId: caller.officeId, ...settings } });
      await this.record(tx, caller, context, { action: 'register.created', target: { type: 'register', id: register.id }, at: register.createdAt, payload: { ...settings } });
      return { status: 201, body: registerView(register, registerYearOf(register.yearKind, new Date()), 0) };
    });
  }

  /**
   * On plain `pg` (ADR 0010) like the route actions: the counter row is locked from the allocation
   * to the commit, so the fewer round trips in between, the more numbers a register-year issues per
   * second; the audit append is pipelined with the commit (checked there, rolling back on failure).
   */
  async issue(context: CallerContext, registerId: string, input: IssueNumberDto) {
    const caller = await registryCaller(this.offices, context.principal);
    const request = { registerId, body: input };
    return this.idempotency.runSql<RegisterEntryDto>(this.scope(caller, context, 'POST /registers/:id/numbers', request), async (sql) => {
      const at = new Date();
      const { register, entry } = await this.numbering.issueNumber(sql, registerId, input.documentId ?? null, at, { officeId: caller.officeId, subject: input.subject });
      await this.audit.enqueue(sql, auditEvent(caller, context, entryChange('register.number_issued', register, entry, at)));
      return { status: 201, body: entryView(register, await withDocument(sql, entry)) };
    });
  }

  async recordExternal(context: CallerContext, registerId: string, input: RecordEntryDto) {
    const caller = await registryCaller(this.offices, context.principal);
    const request = { registerId, body: input };
    return this.idempotency.run<RecordedEntryDto>(this.scope(caller, context, 'POST /registers/:id/entries', request), async (tx) => {
      const { register, entry, warnings } = await this.numbering.recordExternal(tx, registerId, {
        numberText: input.number,
        year: input.year,
        issuedAt: input.issuedAt ? new Date(input.issuedAt) : new Date(),
        documentId: input.documentId,
        subject: input.subject,
        source: input.source ?? 'MANUAL',
        officeId: caller.officeId,
      });
      const change = entryChange('register.entry_recorded', register, entry, entry.createdAt);
      await this.record(tx, caller, context, { ...change, payload: { ...change.payload, warnings: warnings.map((w) => w.code) } });
      return { status: 201, body: { ...entryView(register, await withDocument(prismaExecutor(tx), entry)), warnings } };
    });
  }

  async cancel(context: CallerContext, registerId: string, entryId: string, input: CancelEntryDto) {
    const caller = await registryCaller(this.offices, context.principal);
    const request = { registerId, entryId, body: input };
    return this.idempotency.run<RegisterEntryDto>(this.scope(caller, context, 'POST /registers/:id/entries/:entryId/cancel', request), async (tx) => {
      const { register, entry } = await this.numbering.cancel(tx, registerId, entryId, input.reason.trim(), caller.officeId);
      const change = entryChange('register.entry_cancelled', register, entry, new Date());
      await this.record(tx, caller, context, { ...change, payload: { ...change.payload, reason: entry.cancelledReason } });
      return { status: 200, body: entryView(register, await withDocument(prismaExecutor(tx), entry)) };
    });
  }

  private scope(caller: RegistryCaller, context: CallerContext, operation: string, request: unknown) {
    return { officeId: caller.officeId, subject: caller.subject, key: context.idempotencyKey, operation, request };
  }

  private async record(tx: AuditTransaction, caller: RegistryCaller, context: CallerContext, change: AuditedChange): Promise<void> {
    await this.audit.append(tx, auditEvent(caller, context, change));
  }
}

function auditEvent(caller: RegistryCaller, context: CallerContext, change: AuditedChange): AuditEventInput {
  return {
    officeId: caller.officeId,
    action: change.action,
    actor: auditActor(caller),
    target: change.target,
    requestId: context.requestId ?? null,
    occurredAt: change.at,
    payload: change.payload,
  };
}

function registerSettings(input: CreateRegisterDto) {
  const memoStyle = input.format === 'MEMO_STYLE';
  if (memoStyle && (!input.prefix || !input.officeCode)) {
    throw new RegisterSettingsInvalidError('A MEMO_STYLE register needs a prefix (e.g. ชร) and a five-digit officeCode.', 'ทะเบียนแบบบันทึกข้อความต้องมีอักษรย่อและรหัสหน่วยงาน ๕ หลัก', input.prefix ? 'officeCode' : 'prefix');
  }
  if (!memoStyle && (input.prefix || input.prefixAliases?.length)) {
    throw new RegisterSettingsInvalidError('An ORDER_STYLE number prints no prefix; leave prefix and prefixAliases out.', 'เลขที่คำสั่งไม่มีอักษรย่อ ไม่ต้องระบุ prefix', 'prefix');
  }
  const aliases = [...new Set(input.prefixAliases ?? [])].filter((alias) => alias !== input.prefix);
  return {
    code: input.code,
    nameTh: input.nameTh.trim(),
    documentKind: input.documentKind,
    yearKind: input.yearKind,
    format: input.format,
    prefix: input.prefix ?? null,
    prefixAliases: aliases,
    officeCode: input.officeCode ?? null,
    issueAt: input.issueAt ?? 'SIGN_OFF',
  };
}

async function withDocument<T extends { documentId: string | null }>(sql: SqlExecutor, entry: T) {
  const [document] = entry.documentId ? await sql.query<{ title: string }>(`SELECT title FROM documents WHERE id = $1::uuid`, [entry.documentId], 'register.document-title') : [];
  return { ...entry, document: document ?? null };
}
