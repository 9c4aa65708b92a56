import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DocumentKind } from '@prisma/client';
import { AuditPort } from '@kasian/audit';
import { canonicalSha256 } from '@kasian/canonical';
import type { Principal } from '@kasian/auth';
import type { SqlExecutor } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import { validateContent } from './content.schema';
import { documentTitle } from './document-title';
import { searchTextOf } from './document-text';

export interface NewDocument {
  id: string;
  officeId: string;
  kind: DocumentKind;
  title: string;
  content: Record<string, unknown>;
  drafter: { personId: string; positionId: string };
  /** The register that numbers it (ADR 0011), or null. */
  registerId: string | null;
}

export interface StoredVersion {
  id: string;
  versionNo: number;
  contentHash: string;
  content: Record<string, unknown>;
}

/**
 * The only writer of documents and their versions. Every version is immutable, validated for its
 * kind (the title trimmed and required), hashed, made searchable, and audited in the caller's transaction.
 */
@Injectable()
export class DocumentVersions {
  constructor(private readonly audit: AuditPort) {}

  async create(sql: SqlExecutor, document: NewDocument, principal: Principal, requestId?: string): Promise<StoredVersion> {
    const title = documentTitle(document.title);
    const content = validateContent(document.kind, document.content);
    await sql.query(
      `INSERT INTO documents (id, office_id, kind, title, drafter_person_id, drafter_position_id, current_version_no, search_text, register_id, updated_at)
       VALUES ($1::uuid, $2::uuid, $3::document_kind, $4, $5::uuid, $6::uuid, 1, $7, $8::uuid, now())`,
      [document.id, document.officeId, document.kind, title, document.drafter.personId, document.drafter.positionId, searchTextOf(title, content), document.registerId],
      'document.insert',
    );
    return this.store(sql, { officeId: document.officeId, documentId: document.id, versionNo: 1, content, personId: document.drafter.personId }, 'document.created', principal, requestId);
  }

  async add(sql: SqlExecutor, documentId: string, rawContent: Record<string, unknown>, personId: string, principal: Principal, requestId?: string): Promise<StoredVersion> {
    const [current] = await sql.query<{ kind: DocumentKind; title: string }>(`SELECT kind, title FROM documents WHERE id = $1::uuid`, [documentId], 'document.kind-title');
    if (!current) throw new NotFoundError('Document', 'เอกสาร', documentId);
    const content = validateContent(current.kind, rawContent);
    const [document] = await sql.query<{ officeId: string; versionNo: number }>(
      `UPDATE documents SET current_version_no = current_version_no + 1, search_text = $2, updated_at = now()
        WHERE id = $1::uuid RETURNING office_id AS "officeId", current_version_no AS "versionNo"`,
      [documentId, searchTextOf(current.title, content)],
      'document.next-version',
    );
    return this.store(sql, { officeId: document.officeId, documentId, versionNo: document.versionNo, content, personId }, 'document.versioned', principal, requestId);
  }

  /** The version the document is at now. */
  async current(sql: SqlExecutor, documentId: string): Promise<StoredVersion> {
    const [row] = await sql.query<StoredVersion>(
      `SELECT v.id, v.version_no AS "versionNo", v.content_hash AS "contentHash", v.content
         FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version_no = d.current_version_no
        WHERE d.id = $1::uuid`,
      [documentId],
      'document.current-version',
    );
    if (!row) throw new NotFoundError('Document', 'เอกสาร', documentId);
    return row;
  }

  private async store(
    sql: SqlExecutor,
    version: { officeId: string; documentId: string; versionNo: number; content: Record<string, unknown>; personId: string },
    action: string,
    principal: Principal,
    requestId?: string,
  ): Promise<StoredVersion> {
    const hash = canonicalSha256(version.content);
    const [row] = await sql.query<{ id: string; createdAt: Date }>(
      `INSERT INTO document_versions (id, office_id, document_id, version_no, content, content_hash, created_by_person_id)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int, $5::jsonb, $6, $7::uuid) RETURNING id, created_at AS "createdAt"`,
      [randomUUID(), version.officeId, version.documentId, version.versionNo, JSON.stringify(version.content), hash, version.personId],
      'document.version-insert',
    );
    await this.audit.append(sql, {
      officeId: version.officeId,
      action,
      actor: { subject: principal.subject, personId: version.personId, positionId: null, onBehalfOfPositionId: null, orderRef: null },
      target: { type: 'document', id: version.documentId },
      versionHash: hash,
      requestId: requestId ?? null,
      occurredAt: new Date(row.createdAt),
      payload: { versionNo: version.versionNo, versionId: row.id },
    });
    return { id: row.id, versionNo: version.versionNo, contentHash: hash, content: version.content };
  }
}
