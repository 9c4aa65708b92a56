import { type AuditPort, SYSTEM_ACTOR } from '@kasian/audit';
import type { SqlExecutor } from '@kasian/database';
import { EvidenceUploadJournal } from '@kasian/evidence';
import type { StorageService } from '@kasian/storage';
import { EVIDENCE_PREFIX } from './evidence-views';

export interface ConsistencyPorts {
  sql: SqlExecutor & { run<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> };
  storage: Pick<StorageService, 'exists' | 'list' | 'purge' | 'incompleteUploads' | 'abortUpload'>;
  audit: AuditPort;
}

export interface ConsistencyOptions {
  repair: boolean;
  /** Objects and multipart uploads younger than this may belong to an upload still being recorded. */
  graceMs: number;
  /** Only this office (default: every office of the database). */
  officeId?: string;
  now?: Date;
}

export interface ConsistencyReport {
  /** Rows whose object version is gone: reported, and marked (object_missing_at, audited) with --repair. */
  missingObjects: { officeId: string; evidenceId: string; objectKey: string; objectVersionId: string | null; marked: boolean }[];
  /** Rows marked missing whose object is back: the mark is cleared with --repair. */
  restoredObjects: { officeId: string; evidenceId: string; cleared: boolean }[];
  /** Objects no row records, older than the grace period: removed (every version) with --repair. */
  orphanObjects: { objectKey: string; lastModified: string; removed: boolean }[];
  /** Objects no row records yet, younger than the grace period: left alone. */
  pendingObjects: { objectKey: string; lastModified: string }[];
  /**
   * Multipart uploads never completed nor aborted: those the API marked abandoned, and the others
   * once older than the grace period; aborted with --repair. Found in the upload journal (MinIO lists
   * them only by exact name) and, on stores that list them by prefix, in the bucket.
   */
  staleUploads: { objectKey: string; initiated: string; aborted: boolean }[];
}

interface RecordedRow {
  officeId: string;
  id: string;
  objectKey: string;
  objectVersionId: string | null;
  objectMissingAt: Date | null;
}

/**
 * `npm run evidence:check [-- --repair]`: compares the evidence rows with the evidence bucket,
 * office by office, under `evidence/<office id>/` for the offices of this database only (so a bucket
 * shared with another database is never touched outside its own offices). Cached PDFs (`pdf/`) are
 * not evidence and are not looked at.
 */
export class EvidenceConsistency {
  private readonly journal: EvidenceUploadJournal;

  constructor(private readonly ports: ConsistencyPorts) {
    this.journal = new EvidenceUploadJournal({ sql: ports.sql, storage: ports.storage, warn: () => undefined });
  }

  async check(options: ConsistencyOptions): Promise<ConsistencyReport> {
    const now = options.now ?? new Date();
    const report: ConsistencyReport = { missingObjects: [], restoredObjects: [], orphanObjects: [], pendingObjects: [], staleUploads: [] };
    const offices = await this.ports.sql.query<{ id: string }>(
      `SELECT id FROM offices WHERE $1::uuid IS NULL OR id = $1::uuid ORDER BY id`,
      [options.officeId ?? null],
      'evidence-check.offices',
    );
    for (const { id } of offices) await this.checkOffice(id, options, now, report);
    return report;
  }

  private async checkOffice(officeId: string, options: ConsistencyOptions, now: Date, report: ConsistencyReport): Promise<void> {
    const rows = await this.ports.sql.query<RecordedRow>(
      `SELECT office_id AS "officeId", id, object_key AS "objectKey", object_version_id AS "objectVersionId", object_missing_at AS "objectMissingAt"
         FROM evidence_files WHERE office_id = $1::uuid ORDER BY id`,
      [officeId],
      'evidence-check.rows',
    );
    for (const row of rows) await this.checkRow(row, options.repair, now, report);
    const recorded = new Set(rows.map((row) => row.objectKey));
    const prefix = `${EVIDENCE_PREFIX}${officeId}/`;
    const cutoff = now.getTime() - options.graceMs;
    for await (const object of this.ports.storage.list('evidence', prefix)) {
      if (recorded.has(object.key)) continue;
      const lastModified = object.lastModified.toISOString();
      if (object.lastModified.getTime() > cutoff) report.pendingObjects.push({ objectKey: object.key, lastModified });
      else report.orphanObjects.push({ objectKey: object.key, lastModified, removed: options.repair && (await this.ports.storage.purge('evidence', object.key)) > 0 });
    }
    const journalled = await this.journal.sweep({ startedBefore: new Date(cutoff), officeId, repair: options.repair });
    for (const upload of journalled) report.staleUploads.push({ objectKey: upload.objectKey, initiated: upload.startedAt, aborted: upload.aborted });
    const seen = new Set(journalled.map((upload) => upload.uploadId));
    for (const upload of await this.ports.storage.incompleteUploads('evidence', prefix)) {
      if (upload.initiated.getTime() > cutoff || seen.has(upload.uploadId)) continue;
      if (options.repair) await this.ports.storage.abortUpload('evidence', upload);
      report.staleUploads.push({ objectKey: upload.key, initiated: upload.initiated.toISOString(), aborted: options.repair });
    }
  }

  private async checkRow(row: RecordedRow, repair: boolean, now: Date, report: ConsistencyReport): Promise<void> {
    const present = await this.ports.storage.exists('evidence', row.objectKey, row.objectVersionId ?? undefined);
    if (!present) {
      const marked = repair && !row.objectMissingAt && (await this.mark(row, now, true));
      report.missingObjects.push({ officeId: row.officeId, evidenceId: row.id, objectKey: row.objectKey, objectVersionId: row.objectVersionId, marked: marked || !!row.objectMissingAt });
    } else if (row.objectMissingAt) {
      report.restoredObjects.push({ officeId: row.officeId, evidenceId: row.id, cleared: repair && (await this.mark(row, now, false)) });
    }
  }

  /** Sets or clears object_missing_at, with its audit event, in one transaction. */
  private mark(row: RecordedRow, now: Date, missing: boolean): Promise<boolean> {
    return this.ports.sql.run(async (tx) => {
      const changed = missing
        ? await tx.query(`UPDATE evidence_files SET object_missing_at = $3::timestamptz WHERE id = $1::uuid AND office_id = $2::uuid AND object_missing_at IS NULL RETURNING id`, [row.id, row.officeId, now])
        : await tx.query(`UPDATE evidence_files SET object_missing_at = NULL WHERE id = $1::uuid AND office_id = $2::uuid AND object_missing_at IS NOT NULL RETURNING id`, [row.id, row.officeId]);
      if (!changed.length) return false;
      await this.ports.audit.append(tx, {
        officeId: row.officeId,
        action: missing ? 'evidence.object_missing' : 'evidence.object_restored',
        actor: SYSTEM_ACTOR,
        target: { type: 'evidence', id: row.id },
        occurredAt: now,
        payload: { objectKey: row.objectKey, objectVersionId: row.objectVersionId, checkedBy: 'evidence:check' },
      });
      return true;
    });
  }
}

/** Whether anything is still wrong after the run (what --repair fixed no longer counts). */
export function hasProblems(report: ConsistencyReport): boolean {
  return (
    report.missingObjects.length > 0 ||
    report.restoredObjects.some((r) => !r.cleared) ||
    report.orphanObjects.some((o) => !o.removed) ||
    report.staleUploads.some((u) => !u.aborted)
  );
}
