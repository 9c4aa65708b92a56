import type { SqlExecutor } from '@kasian/database';
import type { MultipartJournal, StorageService } from '@kasian/storage';

/** A multipart upload the journal still holds: never completed, nor known to be aborted. */
export interface UploadInFlight {
  uploadId: string;
  officeId: string;
  objectKey: string;
  startedAt: Date;
  abandonedAt: Date | null;
}

export interface LeftoverUpload {
  objectKey: string;
  uploadId: string;
  startedAt: string;
  aborted: boolean;
}

const SETTLED = `DELETE FROM evidence_uploads_in_flight WHERE upload_id = $1`;

export interface UploadJournalPorts {
  sql: SqlExecutor;
  storage: Pick<StorageService, 'abortUpload'>;
  /** Where a journal write that failed is reported; the upload itself goes on. */
  warn(message: string, context: Record<string, unknown>): void;
}

/**
 * The journal of evidence uploads in flight (`evidence_uploads_in_flight`). MinIO lists incomplete
 * multipart uploads only by their exact object name, so an upload the API could not abort (MinIO was
 * down) would otherwise be invisible until MinIO expires it a day later. Each upload is written
 * down when MinIO names it and struck out when it completes or is aborted; `sweep` aborts what is
 * left: at once when the API marked it abandoned, after the grace period otherwise (the API died
 * while streaming it). See ADR 0012.
 */
export class EvidenceUploadJournal {
  constructor(private readonly ports: UploadJournalPorts) {}

  /** The journal of one upload to `objectKey`, for `StorageService.putStream`. */
  of(officeId: string, objectKey: string): MultipartJournal {
    return {
      started: async (uploadId) => {
        await this.ports.sql.query(
          `INSERT INTO evidence_uploads_in_flight (upload_id, office_id, object_key) VALUES ($1, $2::uuid, $3)`,
          [uploadId, officeId, objectKey],
          'evidence-upload.started',
        );
      },
      settled: (uploadId) => this.quietly('settled', uploadId, SETTLED),
      leftBehind: (uploadId) =>
        this.quietly('left behind', uploadId, `UPDATE evidence_uploads_in_flight SET abandoned_at = now() WHERE upload_id = $1 AND abandoned_at IS NULL`),
    };
  }

  /** Uploads abandoned by the API, or started before `startedBefore` and never settled. */
  leftovers(startedBefore: Date, officeId?: string): Promise<UploadInFlight[]> {
    return this.ports.sql.query<UploadInFlight>(
      `SELECT upload_id AS "uploadId", office_id AS "officeId", object_key AS "objectKey", started_at AS "startedAt", abandoned_at AS "abandonedAt"
         FROM evidence_uploads_in_flight
        WHERE ($2::uuid IS NULL OR office_id = $2::uuid) AND (abandoned_at IS NOT NULL OR started_at < $1::timestamptz)
        ORDER BY started_at, upload_id`,
      [startedBefore, officeId ?? null],
      'evidence-upload.leftovers',
    );
  }

  /** Reports the leftovers and, with `repair`, aborts each in MinIO and strikes it out. */
  async sweep(options: { startedBefore: Date; officeId?: string; repair: boolean }): Promise<LeftoverUpload[]> {
    const swept: LeftoverUpload[] = [];
    for (const upload of await this.leftovers(options.startedBefore, options.officeId)) {
      const aborted = options.repair && (await this.abort(upload));
      swept.push({ objectKey: upload.objectKey, uploadId: upload.uploadId, startedAt: upload.startedAt.toISOString(), aborted });
    }
    return swept;
  }

  private async abort(upload: UploadInFlight): Promise<boolean> {
    try {
      await this.ports.storage.abortUpload('evidence', { key: upload.objectKey, uploadId: upload.uploadId });
    } catch (error) {
      this.ports.warn('could not abort a multipart upload left behind', { objectKey: upload.objectKey, uploadId: upload.uploadId, err: error });
      return false;
    }
    await this.ports.sql.query(SETTLED, [upload.uploadId], 'evidence-upload.settled');
    return true;
  }

  private async quietly(what: string, uploadId: string, statement: string): Promise<void> {
    try {
      await this.ports.sql.query(statement, [uploadId]);
    } catch (error) {
      this.ports.warn(`could not record an evidence upload as ${what}`, { uploadId, err: error });
    }
  }
}
