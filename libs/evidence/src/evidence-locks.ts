import { type AuditPort, SYSTEM_ACTOR } from '@kasian/audit';
import type { SqlExecutor } from '@kasian/database';
import type { StorageService } from '@kasian/storage';

export interface PendingLock {
  officeId: string;
  id: string;
  objectKey: string;
  versionId: string | null;
  /** Approved documents it is attached to. */
  documentIds: string[];
  /** Fiscal years whose ITA report is published and whose measures or OIT items it is linked to (ADR 0017). */
  itaFiscalYears: number[];
}

/** What the lock pass needs: statements and transactions (SqlTransactions), legal holds (StorageService), the audit port. */
export interface EvidenceLockPorts {
  sql: SqlExecutor & { run<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> };
  storage: Pick<StorageService, 'setLegalHold'>;
  audit: AuditPort;
}

/**
 * Joins, to evidence links `l` (ita_evidence_links), the ITA reports `rep` of the fiscal years of
 * the measures or OIT items they belong to. Shared by the lock sweep and the API's refusal.
 */
export const ITA_REPORTS_OF_LINKS = `
  LEFT JOIN ita_measures m ON m.id = l.measure_id AND m.office_id = l.office_id
  LEFT JOIN ita_plans p ON p.id = m.plan_id AND p.office_id = m.office_id
  LEFT JOIN ita_oit_assignments s ON s.id = l.assignment_id AND s.office_id = l.office_id
  JOIN ita_reports rep ON rep.office_id = l.office_id AND rep.fiscal_year = coalesce(p.fiscal_year, s.fiscal_year)`;

/**
 * Active evidence not yet under legal hold that is final: attached to a document whose route
 * completed (approved), or linked to a measure or an OIT item of a year whose ITA report is
 * published (ADR 0017). Each unlocked row (partial index `evidence_files_unlocked_idx`) is looked
 * up by its own attachments and links, so the sweep costs what the unlocked files cost.
 */
const PENDING = `
  SELECT f.office_id AS "officeId", f.id, f.object_key AS "objectKey", f.object_version_id AS "versionId",
         d.ids AS "documentIds", y.years AS "itaFiscalYears"
    FROM evidence_files f
   CROSS JOIN LATERAL (
     SELECT coalesce(array_agg(DISTINCT a.document_id::text ORDER BY a.document_id::text), '{}') AS ids
       FROM evidence_attachments a JOIN route_instances r ON r.document_id = a.document_id AND r.office_id = a.office_id
      WHERE a.evidence_id = f.id AND a.office_id = f.office_id AND r.status = 'COMPLETED') d
   CROSS JOIN LATERAL (
     SELECT coalesce(array_agg(DISTINCT rep.fiscal_year ORDER BY rep.fiscal_year), '{}') AS years
       FROM ita_evidence_links l ${ITA_REPORTS_OF_LINKS}
      WHERE l.evidence_id = f.id AND l.office_id = f.office_id AND rep.published_at IS NOT NULL) y
   WHERE f.locked_at IS NULL AND f.status = 'ACTIVE' AND (cardinality(d.ids) > 0 OR cardinality(y.years) > 0)
   ORDER BY f.office_id, f.id
   LIMIT $1`;

const RECORD = `UPDATE evidence_files SET locked_at = $3::timestamptz WHERE id = $1::uuid AND office_id = $2::uuid AND locked_at IS NULL RETURNING id`;

/**
 * Makes approved evidence (of an approved document, or of a published ITA year) immutable: legal hold on the object version in MinIO first, then
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
        payload: { documentIds: pending.documentIds, itaFiscalYears: pending.itaFiscalYears, objectKey: pending.objectKey, objectVersionId: pending.versionId, legalHold: 'ON' },
      });
      return true;
    });
  }
}
