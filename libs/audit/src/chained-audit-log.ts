import { Injectable } from '@nestjs/common';
import { prismaExecutor, type SqlExecutor } from '@kasian/database';
import { type AppendedAuditEvent, type AuditEventInput, AuditPort, type AuditTransaction } from './audit.port';
import { canonicalJson, sha256Hex } from '@kasian/canonical';
import { eventHeader, GENESIS_HASH_HEX } from './chain';

/**
 * One statement, one round trip: the office's chain head is bumped (and so locked until commit),
 * PostgreSQL links the new event to the head's hash (`audit_link`, the SQL twin of `linkHash`), and
 * the event is inserted with its number and hash. Concurrent appends of one office queue on the
 * head row; a rollback takes number and hash back. The application builds the canonical texts.
 */
const APPEND = `
  WITH head AS (
    INSERT INTO audit_chain_heads AS h (office_id, last_seq, last_hash, updated_at)
    VALUES ($1::uuid, 1, audit_link(decode('${GENESIS_HASH_HEX}', 'hex'), 1, $2::text, $3::text), now())
    ON CONFLICT (office_id) DO UPDATE
       SET last_seq = h.last_seq + 1, last_hash = audit_link(h.last_hash, h.last_seq + 1, $2::text, $3::text), updated_at = now()
    RETURNING last_seq, last_hash
  )
  INSERT INTO audit_events (office_id, seq, hash, occurred_at, action, actor_subject, actor_person_id, actor_position_id,
                            on_behalf_of_position_id, order_ref, target_type, target_id, version_hash, request_id, payload)
  SELECT $1::uuid, head.last_seq, head.last_hash, $4::timestamptz, $5, $6, $7::uuid, $8::uuid, $9::uuid, $10, $11, $12, $13, $14, $15::jsonb
    FROM head
  RETURNING seq, encode(hash, 'hex') AS hash`;

const executorOf = (tx: AuditTransaction): SqlExecutor => ('$queryRawUnsafe' in tx ? prismaExecutor(tx) : tx);

/** Appends to `audit_events`, hash-chained and numbered without gaps per office, inside the caller's transaction. */
@Injectable()
export class ChainedAuditLog extends AuditPort {
  async append(tx: AuditTransaction, event: AuditEventInput): Promise<AppendedAuditEvent> {
    const [row] = await executorOf(tx).query<{ seq: bigint | string; hash: string }>(APPEND, appendValues(event), 'audit.append');
    return { officeId: event.officeId, seq: BigInt(row.seq), hash: row.hash };
  }

  async enqueue(tx: AuditTransaction, event: AuditEventInput): Promise<void> {
    await executorOf(tx).enqueue(APPEND, appendValues(event), 'audit.append');
  }
}

function appendValues(event: AuditEventInput): unknown[] {
  const { actor } = event;
  const versionHash = event.versionHash ?? null;
  const requestId = event.requestId ?? null;
  const header = eventHeader({ ...event, versionHash, requestId });
  const payload = canonicalJson(event.payload);
  return [
    event.officeId,
    header,
    sha256Hex(payload),
    event.occurredAt,
    event.action,
    actor.subject,
    actor.personId,
    actor.positionId,
    actor.onBehalfOfPositionId,
    actor.orderRef,
    event.target.type,
    event.target.id,
    versionHash,
    requestId,
    payload,
  ];
}
