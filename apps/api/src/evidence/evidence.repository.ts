import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@kasian/database';
import { ITA_REPORTS_OF_LINKS } from '@kasian/evidence';

export interface EvidenceRow {
  id: string;
  officeId: string;
  bucket: string;
  objectKey: string;
  objectVersionId: string | null;
  originalName: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedByPersonId: string;
  uploadedAt: Date;
  status: 'ACTIVE' | 'DELETED';
  deletedAt: Date | null;
  deletedByPersonId: string | null;
  deletedReason: string | null;
  lockedAt: Date | null;
  objectMissingAt: Date | null;
}

export type NewEvidence = Omit<EvidenceRow, 'status' | 'deletedAt' | 'deletedByPersonId' | 'deletedReason' | 'lockedAt' | 'objectMissingAt'>;

export interface AttachableDocument {
  versionNo: number;
  routeStatus: string;
}

const COLUMNS = `id, office_id AS "officeId", bucket, object_key AS "objectKey", object_version_id AS "objectVersionId",
  original_name AS "originalName", file_name AS "fileName", content_type AS "contentType", size::float8 AS size, sha256,
  uploaded_by_person_id AS "uploadedByPersonId", uploaded_at AS "uploadedAt", status, deleted_at AS "deletedAt",
  deleted_by_person_id AS "deletedByPersonId", deleted_reason AS "deletedReason", locked_at AS "lockedAt",
  object_missing_at AS "objectMissingAt"`;

/** Route statuses after which a document takes no more attachments. */
export const FINISHED_ROUTES = ['COMPLETED', 'REJECTED', 'CANCELLED'];

/**
 * The evidence room's writes on plain `pg`, inside the caller's transaction. Reading a document's
 * route takes a share lock on the route row: an approval (which locks it for update) and a change
 * of attachments therefore never interleave, so nothing slips in or out after approval.
 */
@Injectable()
export class EvidenceRepository {
  async attachableDocument(sql: SqlExecutor, officeId: string, documentId: string): Promise<AttachableDocument | null> {
    const [row] = await sql.query<AttachableDocument>(
      `SELECT d.current_version_no AS "versionNo", r.status AS "routeStatus"
         FROM documents d JOIN route_instances r ON r.document_id = d.id AND r.office_id = d.office_id
        WHERE d.id = $1::uuid AND d.office_id = $2::uuid
          FOR SHARE OF r`,
      [documentId, officeId],
      'evidence.attachable-document',
    );
    return row ?? null;
  }

  async insert(sql: SqlExecutor, row: NewEvidence): Promise<void> {
    await sql.query(
      `INSERT INTO evidence_files (id, office_id, bucket, object_key, object_version_id, original_name, file_name, content_type, size, sha256,
                                   uploaded_by_person_id, uploaded_at)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9::bigint, $10, $11::uuid, $12::timestamptz)`,
      [row.id, row.officeId, row.bucket, row.objectKey, row.objectVersionId, row.originalName, row.fileName, row.contentType, row.size, row.sha256,
        row.uploadedByPersonId, row.uploadedAt],
      'evidence.insert',
    );
  }

  /** False when the evidence is attached to the document already. */
  async attach(sql: SqlExecutor, officeId: string, documentId: string, evidenceId: string, versionNo: number, personId: string, at: Date): Promise<boolean> {
    const rows = await sql.query(
      `INSERT INTO evidence_attachments (office_id, document_id, evidence_id, version_no, attached_by_person_id, attached_at)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int, $5::uuid, $6::timestamptz)
       ON CONFLICT (document_id, evidence_id) DO NOTHING RETURNING 1 AS attached`,
      [officeId, documentId, evidenceId, versionNo, personId, at],
      'evidence.attach',
    );
    return rows.length === 1;
  }

  /**
   * The row, locked for update, with what makes it final: the documents it is attached to whose
   * route completed, and the fiscal years whose published ITA report covers a measure or an OIT
   * item it is linked to. Route rows and the years' report rows are share-locked (all of them, the
   * filter is applied here), so neither an approval nor a publication can interleave with a change.
   */
  async lockForChange(sql: SqlExecutor, officeId: string, evidenceId: string): Promise<{ row: EvidenceRow; approvedDocumentIds: string[]; publishedFiscalYears: number[] } | null> {
    const [row] = await sql.query<EvidenceRow>(`SELECT ${COLUMNS} FROM evidence_files WHERE id = $1::uuid AND office_id = $2::uuid FOR UPDATE`, [evidenceId, officeId], 'evidence.lock');
    if (!row) return null;
    const routes = await sql.query<{ documentId: string; status: string }>(
      `SELECT r.document_id AS "documentId", r.status
         FROM evidence_attachments a JOIN route_instances r ON r.document_id = a.document_id AND r.office_id = a.office_id
        WHERE a.evidence_id = $1::uuid AND a.office_id = $2::uuid
          FOR SHARE OF r`,
      [evidenceId, officeId],
      'evidence.attached-routes',
    );
    const reports = await sql.query<{ fiscalYear: number; published: boolean }>(
      `SELECT rep.fiscal_year AS "fiscalYear", rep.published_at IS NOT NULL AS published
         FROM ita_evidence_links l ${ITA_REPORTS_OF_LINKS}
        WHERE l.evidence_id = $1::uuid AND l.office_id = $2::uuid
          FOR SHARE OF rep`,
      [evidenceId, officeId],
      'evidence.linked-ita-reports',
    );
    return {
      row,
      approvedDocumentIds: routes.filter((r) => r.status === 'COMPLETED').map((r) => r.documentId),
      publishedFiscalYears: [...new Set(reports.filter((r) => r.published).map((r) => r.fiscalYear))].sort((a, b) => a - b),
    };
  }

  async find(sql: SqlExecutor, officeId: string, evidenceId: string): Promise<EvidenceRow | null> {
    const [row] = await sql.query<EvidenceRow>(`SELECT ${COLUMNS} FROM evidence_files WHERE id = $1::uuid AND office_id = $2::uuid`, [evidenceId, officeId], 'evidence.find');
    return row ?? null;
  }

  /** The active rows among `evidenceIds`, in the order given (one statement, however many). */
  async findActive(sql: SqlExecutor, officeId: string, evidenceIds: readonly string[]): Promise<EvidenceRow[]> {
    return sql.query<EvidenceRow>(
      `SELECT ${COLUMNS} FROM evidence_files f JOIN unnest($2::uuid[]) WITH ORDINALITY AS wanted(id, n) USING (id)
        WHERE f.office_id = $1::uuid AND f.status = 'ACTIVE' ORDER BY wanted.n`,
      [officeId, evidenceIds],
      'evidence.find-active',
    );
  }

  async markRemoved(sql: SqlExecutor, row: EvidenceRow, personId: string, reason: string, at: Date): Promise<void> {
    await sql.query(
      `UPDATE evidence_files SET status = 'DELETED', deleted_at = $3::timestamptz, deleted_by_person_id = $4::uuid, deleted_reason = $5
        WHERE id = $1::uuid AND office_id = $2::uuid`,
      [row.id, row.officeId, at, personId, reason],
      'evidence.mark-removed',
    );
  }

  /** Points the row at a new object version (a replacement before approval); the old version stays in the versioned bucket. */
  async replaceContent(sql: SqlExecutor, row: Pick<EvidenceRow, 'id' | 'officeId' | 'objectVersionId' | 'originalName' | 'fileName' | 'contentType' | 'size' | 'sha256' | 'uploadedByPersonId' | 'uploadedAt'>): Promise<void> {
    await sql.query(
      `UPDATE evidence_files SET object_version_id = $3, original_name = $4, file_name = $5, content_type = $6, size = $7::bigint, sha256 = $8,
                                 uploaded_by_person_id = $9::uuid, uploaded_at = $10::timestamptz
        WHERE id = $1::uuid AND office_id = $2::uuid`,
      [row.id, row.officeId, row.objectVersionId, row.originalName, row.fileName, row.contentType, row.size, row.sha256, row.uploadedByPersonId, row.uploadedAt],
      'evidence.replace',
    );
  }
}
