import type { AuditPort } from '@kasian/audit';
import type { Prisma } from '@prisma/client';
import type { CallerContext } from '../idempotency/caller.decorator';
import type { CallerOffices } from '../identity/caller-offices';
import { auditActor, registryCaller, type RegistryCaller } from '../registry/registry-caller';

/** The caller's office, person and token subject: the same as for registers. */
export type ItaCaller = RegistryCaller;

export function itaCaller(offices: CallerOffices, context: CallerContext): Promise<ItaCaller> {
  return registryCaller(offices, context.principal);
}

export interface ItaChange {
  readonly action: string;
  readonly target: { type: string; id: string };
  readonly payload: Record<string, unknown>;
}

/** One audit event per ITA state change, in the change's transaction. */
export function recordChange(audit: AuditPort, tx: Prisma.TransactionClient, caller: ItaCaller, context: CallerContext, change: ItaChange) {
  return audit.append(tx, { officeId: caller.officeId, action: change.action, actor: auditActor(caller), target: change.target, requestId: context.requestId ?? null, occurredAt: new Date(), payload: change.payload });
}

export function idempotencyScope(caller: ItaCaller, context: CallerContext, operation: string, request: unknown) {
  return { officeId: caller.officeId, subject: caller.subject, key: context.idempotencyKey, operation, request };
}
