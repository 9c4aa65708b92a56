import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { type AppendedAuditEvent, type AuditEventInput, AuditPort, type AuditTransaction } from './audit.port';

/**
 * Appends to `audit_events` with a gap-free sequence per office: the office's chain head row is
 * bumped (and so locked) inside the caller's transaction, so concurrent appends of one office
 * queue behind each other while other offices proceed, and a rollback takes the number back.
 */
@Injectable()
export class PrismaAuditLog extends AuditPort {
  async append(tx: AuditTransaction, event: AuditEventInput): Promise<AppendedAuditEvent> {
    const [{ last_seq: seq }] = await tx.$queryRaw<{ last_seq: bigint }[]>`
      INSERT INTO audit_chain_heads (office_id, last_seq, updated_at) VALUES (${event.officeId}::uuid, 1, now())
      ON CONFLICT (office_id) DO UPDATE SET last_seq = audit_chain_heads.last_seq + 1, updated_at = now()
      RETURNING last_seq`;
    await tx.auditEvent.create({
      data: {
        officeId: event.officeId,
        seq,
        occurredAt: event.occurredAt,
        action: event.action,
        actorSubject: event.actor.subject,
        actorPersonId: event.actor.personId,
        actorPositionId: event.actor.positionId,
        onBehalfOfPositionId: event.actor.onBehalfOfPositionId,
        orderRef: event.actor.orderRef,
        targetType: event.target.type,
        targetId: event.target.id,
        versionHash: event.versionHash ?? null,
        requestId: event.requestId ?? null,
        payload: event.payload as Prisma.InputJsonObject,
      },
    });
    return { officeId: event.officeId, seq };
  }
}
