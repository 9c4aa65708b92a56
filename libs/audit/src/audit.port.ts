import type { Prisma } from '@prisma/client';
import type { SqlExecutor } from '@kasian/database';

/** Who acted, in which position, for whom, under which order. Null where it does not apply (a system job). */
export interface AuditActor {
  subject: string | null;
  personId: string | null;
  positionId: string | null;
  onBehalfOfPositionId: string | null;
  orderRef: string | null;
}

export interface AuditEventInput {
  officeId: string;
  /** Dotted verb, e.g. "route.decided", "document.versioned". */
  action: string;
  actor: AuditActor;
  target: { type: string; id: string };
  /** Content hash of the document version acted on, when there is one. */
  versionHash?: string | null;
  requestId?: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/** Where the event landed: its number in the office's chain and its chain hash (hex), e.g. for a bundle manifest. */
export interface AppendedAuditEvent {
  officeId: string;
  seq: bigint;
  hash: string;
}

/** The business transaction: a Prisma transaction client or a `pg` one (SqlTransactions.run). */
export type AuditTransaction = Prisma.TransactionClient | SqlExecutor;

/**
 * The single way to record a state change. It must be called with the business
 * transaction's client, so the event commits or rolls back with the change it records.
 * Events are hash-chained per office (ADR 0014); production always binds `ChainedAuditLog`.
 */
export abstract class AuditPort {
  abstract append(tx: AuditTransaction, event: AuditEventInput): Promise<AppendedAuditEvent>;
  /**
   * The same append when the caller needs neither its number nor its hash: in a pipelined `pg`
   * transaction it is sent without waiting and checked at COMMIT (ADR 0010); in a Prisma one it runs at once.
   */
  abstract enqueue(tx: AuditTransaction, event: AuditEventInput): Promise<void>;
}

export const SYSTEM_ACTOR: AuditActor = { subject: null, personId: null, positionId: null, onBehalfOfPositionId: null, orderRef: null };
