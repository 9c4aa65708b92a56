import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { type ApiConfig, APP_CONFIG } from '@kasian/config';
import { type SqlExecutor, SqlTransactions } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import type { BundlePart } from '@kasian/bundle';
import { attachmentDisposition } from '@kasian/evidence';
import { StorageService } from '@kasian/storage';
import { CallerOffices } from '../identity/caller-offices';
import type { DownloadUrlDto, EvidenceAttachmentDto, EvidenceDto } from './dto/evidence.dto';
import { EvidenceNotFoundError, EvidenceObjectMissingError, EvidenceRemovedError } from './evidence.errors';
import { type EvidenceRow, EvidenceRepository } from './evidence.repository';
import { evidenceView } from './evidence-views';

export interface EvidenceContent {
  stream: Readable;
  size: number;
  contentType: string;
  contentDisposition: string;
  sha256: string;
}

/** What another room shows of an evidence file. */
export interface EvidenceSummary {
  id: string;
  name: string;
  sha256: string;
  documentId: string | null;
}

/** Read side of the evidence room: one file, a document's files, the bytes (streamed or through a presigned URL). */
@Injectable()
export class EvidenceQueries {
  constructor(
    private readonly sql: SqlTransactions,
    private readonly evidence: EvidenceRepository,
    private readonly storage: StorageService,
    private readonly offices: CallerOffices,
    @Inject(APP_CONFIG) private readonly config: Pick<ApiConfig, 'EVIDENCE_DOWNLOAD_URL_SECONDS'>,
  ) {}

  async get(principal: Principal, evidenceId: string): Promise<EvidenceDto> {
    return this.view(this.sql, await this.officeOf(principal), evidenceId);
  }

  /** The document's active evidence, oldest first. */
  async ofDocument(principal: Principal, documentId: string): Promise<EvidenceDto[]> {
    const officeId = await this.officeOf(principal);
    const [document] = await this.sql.query(`SELECT 1 FROM documents WHERE id = $1::uuid AND office_id = $2::uuid`, [documentId, officeId], 'evidence.document-exists');
    if (!document) throw new NotFoundError('Document', 'เอกสาร', documentId);
    const ids = await this.activeIdsOf(this.sql, officeId, documentId);
    return Promise.all(ids.map((id) => this.view(this.sql, officeId, id)));
  }

  /** Ids of the document's active evidence in attachment order, for the bundle and the list. */
  async activeIdsOf(sql: SqlExecutor, officeId: string, documentId: string): Promise<string[]> {
    const rows = await sql.query<{ id: string }>(
      `SELECT f.id FROM evidence_attachments a JOIN evidence_files f ON f.id = a.evidence_id AND f.office_id = a.office_id
        WHERE a.document_id = $1::uuid AND a.office_id = $2::uuid AND f.status = 'ACTIVE' ORDER BY a.attached_at, f.id`,
      [documentId, officeId],
      'evidence.of-document',
    );
    return rows.map((r) => r.id);
  }

  /** Name, hash and first attached document of each active file among `evidenceIds` (other rooms' links, e.g. ITA). */
  async describe(officeId: string, evidenceIds: readonly string[]): Promise<EvidenceSummary[]> {
    if (!evidenceIds.length) return [];
    return this.sql.query<EvidenceSummary>(
      `SELECT f.id, f.original_name AS name, f.sha256,
              (SELECT a.document_id FROM evidence_attachments a WHERE a.evidence_id = f.id AND a.office_id = f.office_id ORDER BY a.attached_at LIMIT 1) AS "documentId"
         FROM evidence_files f
        WHERE f.office_id = $1::uuid AND f.id = ANY($2::uuid[]) AND f.status = 'ACTIVE'`,
      [officeId, evidenceIds],
      'evidence.describe',
    );
  }

  async view(sql: SqlExecutor, officeId: string, evidenceId: string): Promise<EvidenceDto> {
    const row = await this.evidence.find(sql, officeId, evidenceId);
    if (!row) throw new EvidenceNotFoundError(evidenceId);
    const attachments = await sql.query<EvidenceAttachmentDto & { attachedAt: Date }>(
      `SELECT document_id AS "documentId", version_no AS "versionNo", attached_at AS "attachedAt"
         FROM evidence_attachments WHERE evidence_id = $1::uuid AND office_id = $2::uuid ORDER BY attached_at`,
      [evidenceId, officeId],
      'evidence.attachments',
    );
    return evidenceView(row, attachments.map((a) => ({ ...a, attachedAt: new Date(a.attachedAt).toISOString() })));
  }

  /** The bytes of the recorded version, with RFC 6266 / 8187 headers, after the office check. */
  async content(principal: Principal, evidenceId: string): Promise<EvidenceContent> {
    const row = await this.activeRow(await this.officeOf(principal), evidenceId);
    return {
      stream: await this.storage.get('evidence', row.objectKey, row.objectVersionId ?? undefined),
      size: Number(row.size),
      contentType: row.contentType,
      contentDisposition: attachmentDisposition(row.fileName),
      sha256: row.sha256,
    };
  }

  /** The document's active evidence as bundle parts under `folder`, each vouched for by the SHA-256 recorded at upload. */
  async bundleParts(officeId: string, documentId: string, folder: string): Promise<BundlePart[]> {
    return this.bundlePartsOf(officeId, await this.activeIdsOf(this.sql, officeId, documentId), folder);
  }

  /** The active ones among `evidenceIds` as bundle parts under `folder`, in the order given (other rooms' links, e.g. ITA measures). */
  async bundlePartsOf(officeId: string, evidenceIds: readonly string[], folder: string): Promise<BundlePart[]> {
    const rows = await this.evidence.findActive(this.sql, officeId, evidenceIds);
    return rows.map((row) => ({
      name: `${folder}evidence/${row.id}/${row.fileName}`,
      open: () => this.storage.get('evidence', row.objectKey, row.objectVersionId ?? undefined),
      recordedSha256: row.sha256,
      compress: false,
      describe: { evidenceId: row.id, fileName: row.fileName, originalName: row.originalName, contentType: row.contentType, uploadedAt: new Date(row.uploadedAt).toISOString(), lockedAt: row.lockedAt ? new Date(row.lockedAt).toISOString() : null },
    }));
  }

  /** A short-lived presigned URL of the recorded version, issued only after the office check. */
  async downloadUrl(principal: Principal, evidenceId: string): Promise<DownloadUrlDto> {
    const row = await this.activeRow(await this.officeOf(principal), evidenceId);
    const seconds = this.config.EVIDENCE_DOWNLOAD_URL_SECONDS;
    const url = await this.storage.presignedGet('evidence', row.objectKey, row.objectVersionId, seconds, {
      'response-content-disposition': attachmentDisposition(row.fileName),
      'response-content-type': row.contentType,
    });
    return { url, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
  }

  async activeRow(officeId: string, evidenceId: string): Promise<EvidenceRow> {
    const row = await this.evidence.find(this.sql, officeId, evidenceId);
    if (!row) throw new EvidenceNotFoundError(evidenceId);
    if (row.status === 'DELETED') throw new EvidenceRemovedError(evidenceId, row.deletedAt!);
    if (row.objectMissingAt) throw new EvidenceObjectMissingError(evidenceId, row.objectMissingAt);
    return row;
  }

  async officeOf(principal: Principal): Promise<string> {
    return (await this.offices.of(principal)).officeId;
  }
}
