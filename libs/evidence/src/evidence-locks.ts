import { type AuditPort, SYSTEM_ACTOR } from '@kasian/audit';
import type { SqlExecutor } from '@kasian/database';
import type { StorageService } from '@kasian/storage';

export interface PendingLock {
  officeId: string;
  id: string;
  objectKey: string;
  versionId: string | null;
  documentIds: string[];
}

/** What the lock pass needs: statements and transactions (SqlTransactions), legal holds (StorageService), the audit port. */
export interface EvidenceLockPorts {
  sql: SqlExecutor & { run<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> };
  storage: Pick<StorageService, 'setLegalHold'>;
  audit: AuditPort;
}

/** Active evidence attached to a document whose route completed (approved), not yet under legal hold. */
const PENDING = `
  SELECT f.office_id AS "officeId", f.id, f.object_key AS "objectKey", f.object_version_id AS "versionId",
         array_agg(DISTINCT a.document_id::text) AS "documentIds"
    FROM evidence_files f
    JOIN evidence_attachments a ON a.evidence_id = f.id AND a.office_id = f.office_id
    JOIN route_instances r ON r.document_id = a.document_id AND r.office_id = a.office_id
   WHERE f.locked_at IS NULL AND f.status = 'ACTIVE' AND r.status = 'COMPLETED'
   GROUP BY f.office_id, f.id
   ORDER BY f.office_id, f.id
   LIMIT $1`;

const RECORD = `UPDATE evidence_files SET locked_at = $3::timestamptz WHERE id = $1::uuid AND office_id = $2::uuid AND locked_at IS NULL RETURNING id`;

/**
 * Makes approved evidence immutable: legal hold on the object version in MinIO first, then
 * `locked_at` and the `evidence.locked` audit event in one transaction. It works from state, so it
 * is safe to run again and again: a hold set twice is still one hold, and a row already marked is
 * not marked (nor audited) twice. A run that dies between the two steps is completed by the next.
 */
export class EvidenceLocks {
  constructor(private readonly ports: EvidenceLockPorts) {}

  pending(limit = 100): Promise<PendingLock[]> {
    return this.ports.sql.query<PendingLock>(PENDING, [limit], 'evidence.pending-locks');
  }

  async lockApproved(limit = 100): Promise<{ locked: number; failed: { id: string; reason: string }[] }> {
    let locked = 0;
    const failed: { id: string; reason: string }[] = [];
    for (const pending of await this.pending(limit)) {
      try {
        if (await this.lock(pending)) locked += 1;
      } catch (error) {
        failed.push({ id: pending.id, reason: (error as Error).message });
      }
    }
    return { locked, failed };
  }

  private async lock(pending: PendingLock): Promise<boolean> {
    await this.ports.storage.setLegalHold('evidence', pending.objectKey, pending.versionId, true);
    const at = new Date();
    return this.ports.sql.run(async (tx) => {
      const marked = await tx.query(RECORD, [pending.id, pending.officeId, at], 'evidence.mark-locked');
      if (!marked.length) return false;
      await this.ports.audit.append(tx, {
        officeId: pending.officeId,
        action: 'evidence.locked',
        actor: SYSTEM_ACTOR,
        target: { type: 'evidence', id: pending.id },
        occurredAt: at,
        payload: { documentIds: pending.documentIds, objectKey: pending.objectKey, objectVersionId: pending.versionId, legalHold: 'ON' },
      });
      return true;
    });
  }
}
