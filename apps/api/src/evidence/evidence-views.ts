import type { EvidenceAttachmentDto, EvidenceDto } from './dto/evidence.dto';
import type { EvidenceRow } from './evidence.repository';

/** Where a file's bytes live in the evidence bucket; uploaded PDFs of the worker live under `pdf/`. */
export const EVIDENCE_PREFIX = 'evidence/';

export function evidenceKey(officeId: string, evidenceId: string): string {
  return `${EVIDENCE_PREFIX}${officeId}/${evidenceId}`;
}

export function evidenceView(row: EvidenceRow, attachments: EvidenceAttachmentDto[]): EvidenceDto {
  return {
    id: row.id,
    fileName: row.fileName,
    originalName: row.originalName,
    contentType: row.contentType,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedByPersonId: row.uploadedByPersonId,
    uploadedAt: new Date(row.uploadedAt).toISOString(),
    status: row.status,
    removedAt: row.deletedAt ? new Date(row.deletedAt).toISOString() : null,
    removedReason: row.deletedReason,
    lockedAt: row.lockedAt ? new Date(row.lockedAt).toISOString() : null,
    attachments,
  };
}
