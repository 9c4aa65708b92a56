import { Injectable } from '@nestjs/common';
import { prismaExecutor, type SqlExecutor } from '@kasian/database';
import { type AppendedAuditEvent, type AuditEventInput, AuditPort, type AuditTransaction } from './audit.port';

/**
 * One statement: the office's chain head is bumped (and so locked) and the event inserted with the
 * new number. Concurrent appends of one office queue on the head row; a rollback takes the number back.
 */
const APPEND = `
  WITH head AS (
    INSERT INTO audit_chain_heads (office_id, last_seq, updated_at) VALUES ($1::uuid, 1, now())
    ON CONFLICT (office_id) DO UPDATE SET last_seq = audit_chain_heads.last_seq + 1, updated_at = now()
    RETURNING last_seq
  )
  INSERT INTO audit_events (office_id, seq, occurred_at, action, actor_subject, actor_person_id, actor_position_id,
                            on_behalf_of_position_id, order_ref, target_type, target_id, version_hash, request_id, payload)
  SELECT $1::uuid, head.last_seq, $2::timestamptz, $3, $4, $5::uuid, $6::uuid, $7::uuid, $8, $9, $10, $11, $12, $13::jsonb
    FROM head
  RETURNING seq`;

const executorOf = (tx: AuditTransaction): SqlExecutor => ('$queryRawUnsafe' in tx ? prismaExecutor(tx) : tx);

/** Appends to `audit_events` with a gap-free sequence per office, inside the caller's transaction. */
@Injectable()
export class PrismaAuditLog extends AuditPort {
  async append(tx: AuditTransaction, event: AuditEventInput): Promise<AppendedAuditEvent> {
    const { actor } = event;
    const [{ seq }] = await executorOf(tx).query<{ seq: bigint | string }>(APPEND, [
      event.officeId,
      event.occurredAt,
      event.action,
      actor.subject,
      actor.personId,
      actor.positionId,
      actor.onBehalfOfPositionId,
      actor.orderRef,
      event.target.type,
      event.target.id,
      event.versionHash ?? null,
      event.requestId ?? null,
      JSON.stringify(event.payload),
    ], 'audit.append');
    return { officeId: event.officeId, seq: BigInt(seq) };
  }
}
