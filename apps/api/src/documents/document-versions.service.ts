import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DocumentKind, Prisma } from '@prisma/client';
import canonicalize from 'canonicalize';
import { AuditPort } from '@kasian/audit';
import type { Principal } from '@kasian/auth';
import { validateContent } from './content.schema';
import { searchTextOf } from './document-text';

type Db = Prisma.TransactionClient;

export interface NewDocument {
  id: string;
  officeId: string;
  kind: DocumentKind;
  title: string;
  content: Record<string, unknown>;
  drafter: { personId: string; positionId: string };
}

export interface StoredVersion {
  id: string;
  versionNo: number;
  contentHash: string;
  content: Record<string, unknown>;
}

/** SHA-256 of the RFC 8785 canonical form: the same content always has the same hash. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalize(content) ?? '').digest('hex');
}

/**
 * The only writer of documents and their versions. Every version is immutable, validated for its
 * kind, hashed, made searchable, and audited in the caller's transaction.
 */
@Injectable()
export class DocumentVersions {
  constructor(private readonly audit: AuditPort) {}

  async create(db: Db, document: NewDocument, principal: Principal, requestId?: string): Promise<StoredVersion> {
    const content = validateContent(document.kind, document.content);
    await db.document.create({
      data: {
        id: document.id,
        officeId: document.officeId,
        kind: document.kind,
        title: document.title,
        drafterPersonId: document.drafter.personId,
        drafterPositionId: document.drafter.positionId,
        currentVersionNo: 1,
        searchText: searchTextOf(document.title, content),
      },
    });
    return this.store(db, { officeId: document.officeId, documentId: document.id, versionNo: 1, content, personId: document.drafter.personId }, 'document.created', principal, requestId);
  }

  async add(db: Db, documentId: string, rawContent: Record<string, unknown>, personId: string, principal: Principal, requestId?: string): Promise<StoredVersion> {
    const current = await db.document.findUniqueOrThrow({ where: { id: documentId } });
    const content = validateContent(current.kind, rawContent);
    const document = await db.document.update({
      where: { id: documentId },
      data: { currentVersionNo: { increment: 1 }, searchText: searchTextOf(current.title, content) },
    });
    return this.store(db, { officeId: document.officeId, documentId, versionNo: document.currentVersionNo, content, personId }, 'document.versioned', principal, requestId);
  }

  private async store(
    db: Db,
    version: { officeId: string; documentId: string; versionNo: number; content: Record<string, unknown>; personId: string },
    action: string,
    principal: Principal,
    requestId?: string,
  ): Promise<StoredVersion> {
    const hash = contentHash(version.content);
    const row = await db.documentVersion.create({
      data: { officeId: version.officeId, documentId: version.documentId, versionNo: version.versionNo, content: version.content as Prisma.InputJsonObject, contentHash: hash, createdByPersonId: version.personId },
    });
    await this.audit.append(db, {
      officeId: version.officeId,
      action,
      actor: { subject: principal.subject, personId: version.personId, positionId: null, onBehalfOfPositionId: null, orderRef: null },
      target: { type: 'document', id: version.documentId },
      versionHash: hash,
      requestId: requestId ?? null,
      occurredAt: row.createdAt,
      payload: { versionNo: row.versionNo, versionId: row.id },
    });
    return { id: row.id, versionNo: row.versionNo, contentHash: hash, content: version.content };
  }
}
