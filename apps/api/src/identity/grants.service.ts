import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { AuditPort } from '@kasian/audit';
import type { CallerContext } from '../idempotency/caller.decorator';
import { IdempotencyService, type MutationResult } from '../idempotency/idempotency.service';
import { NotFoundError } from '@kasian/errors';
import { CallerOffices } from './caller-offices';
import type { ActingGrantDto, DelegationGrantDto, EndGrantDto, GrantDto } from './grants.dto';
import { GrantOutsideOfficeError, InvalidGrantPeriodError } from './grants.errors';

type Db = Prisma.TransactionClient;

/**
 * รักษาราชการแทน (a person acts in a post, as a position assignment of capacity ACTING) and
 * ปฏิบัติราชการแทน (a delegation between positions), each under an order, each audited.
 * Grants are never deleted: ending one sets its end, so history keeps who could act when.
 */
@Injectable()
export class GrantsService {
  constructor(
    private readonly audit: AuditPort,
    private readonly idempotency: IdempotencyService,
    private readonly offices: CallerOffices,
  ) {}

  grantActing(caller: CallerContext, input: ActingGrantDto) {
    return this.inOffice(caller, 'grant-acting', input, async (db, admin) => {
      const period = periodOf(input.startsAt, input.endsAt);
      const [person, position] = await Promise.all([
        db.person.findFirst({ where: { id: input.personId, officeId: admin.officeId } }),
        db.position.findFirst({ where: { id: input.positionId, officeId: admin.officeId } }),
      ]);
      if (!person || !position) throw new GrantOutsideOfficeError({ personId: input.personId, positionId: input.positionId });
      const row = await db.positionAssignment.create({
        data: { officeId: admin.officeId, personId: person.id, positionId: position.id, capacity: 'ACTING', orderRef: input.orderRef, note: input.note, ...period },
      });
      await this.record(db, admin, caller, 'grant.acting_created', row.id, { ...input });
      return created({ id: row.id, kind: 'ACTING', orderRef: input.orderRef, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt?.toISOString() ?? null });
    });
  }

  delegate(caller: CallerContext, input: DelegationGrantDto) {
    return this.inOffice(caller, 'grant-delegation', input, async (db, admin) => {
      const period = periodOf(input.startsAt, input.endsAt);
      const ids = [input.principalPositionId, input.delegatePositionId];
      if ((await db.position.count({ where: { officeId: admin.officeId, id: { in: ids } } })) !== new Set(ids).size) throw new GrantOutsideOfficeError({ positionIds: ids });
      const row = await db.delegation.create({
        data: {
          officeId: admin.officeId,
          principalPositionId: input.principalPositionId,
          delegatePositionId: input.delegatePositionId,
          documentKinds: input.documentKinds ?? [],
          outcomes: input.outcomes ?? [],
          orderRef: input.orderRef,
          ...period,
        },
      });
      await this.record(db, admin, caller, 'grant.delegation_created', row.id, { ...input });
      return created({ id: row.id, kind: 'DELEGATION', orderRef: row.orderRef, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt?.toISOString() ?? null });
    });
  }

  end(caller: CallerContext, grantId: string, input: EndGrantDto) {
    return this.inOffice(caller, 'grant-end', { grantId, ...input }, async (db, admin) => {
      const endsAt = input.endsAt ? new Date(input.endsAt) : new Date();
      const acting = await db.positionAssignment.findFirst({ where: { id: grantId, officeId: admin.officeId, capacity: 'ACTING' } });
      const delegation = acting ? null : await db.delegation.findFirst({ where: { id: grantId, officeId: admin.officeId } });
      const grant = acting ?? delegation;
      if (!grant) throw new NotFoundError('Grant', 'คำสั่งมอบอำนาจ', grantId);
      if (endsAt <= grant.startsAt) throw new InvalidGrantPeriodError(grant.startsAt.toISOString(), endsAt.toISOString());
      if (acting) await db.positionAssignment.update({ where: { id: grantId }, data: { endsAt } });
      else await db.delegation.update({ where: { id: grantId }, data: { endsAt } });
      await this.record(db, admin, caller, 'grant.ended', grantId, { endsAt: endsAt.toISOString() });
      return created({ id: grantId, kind: acting ? 'ACTING' : 'DELEGATION', orderRef: grant.orderRef ?? '', startsAt: grant.startsAt.toISOString(), endsAt: endsAt.toISOString() });
    });
  }

  /** One transaction in the admin's office, with the Idempotency-Key claimed in it. */
  private async inOffice(
    caller: CallerContext,
    operation: string,
    request: unknown,
    work: (db: Db, admin: { officeId: string; personId: string }) => Promise<MutationResult<GrantDto>>,
  ) {
    const admin = await this.offices.of(caller.principal);
    const scope = { officeId: admin.officeId, subject: caller.principal.subject, key: caller.idempotencyKey, operation, request };
    return this.idempotency.run(scope, (db) => work(db, admin));
  }

  private async record(db: Db, admin: { officeId: string; personId: string }, caller: CallerContext, action: string, id: string, payload: Record<string, unknown>) {
    await this.audit.append(db, {
      officeId: admin.officeId,
      action,
      actor: { subject: caller.principal.subject, personId: admin.personId, positionId: null, onBehalfOfPositionId: null, orderRef: null },
      target: { type: 'grant', id },
      requestId: caller.requestId ?? null,
      occurredAt: new Date(),
      payload,
    });
  }
}

const created = (body: GrantDto): MutationResult<GrantDto> => ({ status: 201, body });

function periodOf(startsAt: string, endsAt?: string): { startsAt: Date; endsAt: Date | null } {
  const start = new Date(startsAt);
  const end = endsAt ? new Date(endsAt) : null;
  if (end && end <= start) throw new InvalidGrantPeriodError(startsAt, endsAt!);
  return { startsAt: start, endsAt: end };
}
