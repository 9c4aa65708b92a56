import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditPort } from '@kasian/audit';
import { type SqlExecutor, SqlTransactions } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import type { CallerContext } from '../idempotency/caller.decorator';
import { type Idempotent, IdempotencyService } from '../idempotency/idempotency.service';
import { CallerOffices } from '../identity/caller-offices';
import { auditActor, type RegistryCaller as OfficeCaller, registryCaller as officeCaller } from '../registry/registry-caller';
import type { EvidenceDto } from './dto/evidence.dto';
import { AlreadyAttachedError, AttachmentsClosedError, EvidenceLockedError, EvidenceNotFoundError, EvidenceRemovedError } from './evidence.errors';
import { EvidenceQueries } from './evidence.queries';
import { type EvidenceRow, EvidenceRepository, FINISHED_ROUTES } from './evidence.repository';
import { type IncomingFile, EvidenceUploads, type StoredFile } from './evidence-uploads';
import { evidenceKey } from './evidence-views';

interface Change {
  action: string;
  evidenceId: string;
  at: Date;
  payload: Record<string, unknown>;
}

/**
 * The evidence room's mutations. An upload is stored in MinIO first; its row, attachment and
 * audit event are then written in one transaction (with the Idempotency-Key, whose fingerprint
 * includes the file's SHA-256). Removal is a soft delete; removal and replacement are refused
 * once a document the file is attached to is approved (ADR 0012), or the ITA report of a year
 * whose measures or OIT items it is linked to is published (ADR 0017).
 */
@Injectable()
export class EvidenceUseCases {
  constructor(
    private readonly sql: SqlTransactions,
    private readonly idempotency: IdempotencyService,
    private readonly uploads: EvidenceUploads,
    private readonly evidence: EvidenceRepository,
    private readonly queries: EvidenceQueries,
    private readonly audit: AuditPort,
    private readonly offices: CallerOffices,
  ) {}

  /** Stores a file in the evidence room, attached to the document's current version when `documentId` is given. */
  async add(context: CallerContext, file: IncomingFile, documentId?: string): Promise<Idempotent<EvidenceDto>> {
    this.uploads.precheck(file);
    const caller = await officeCaller(this.offices, context.principal);
    if (documentId) await this.attachableVersion(this.sql, caller, documentId);
    const id = randomUUID();
    return this.uploads.store(file, { officeId: caller.officeId, key: evidenceKey(caller.officeId, id) }, (stored) => {
      const request = { documentId: documentId ?? null, originalName: stored.originalName, size: stored.size, sha256: stored.sha256 };
      return this.idempotency.runSql<EvidenceDto>(this.scope(caller, context, documentId ? 'POST /documents/:id/evidence' : 'POST /evidence', request), async (sql) => {
        const at = new Date();
        const versionNo = documentId ? await this.attachableVersion(sql, caller, documentId) : null;
        const row = { id, officeId: caller.officeId, ...recordOf(stored), uploadedByPersonId: caller.personId, uploadedAt: at };
        await this.evidence.insert(sql, row);
        if (documentId) await this.evidence.attach(sql, caller.officeId, documentId, id, versionNo!, caller.personId, at);
        const attachment = documentId ? { documentId, versionNo } : null;
        await this.record(sql, caller, context, { action: 'evidence.added', evidenceId: id, at, payload: { ...describe(stored), attachment } });
        return { status: 201, body: await this.queries.view(sql, caller.officeId, id) };
      });
    });
  }

  /** Attaches a file already in the room to a document (its current version). */
  async attach(context: CallerContext, documentId: string, evidenceId: string): Promise<Idempotent<EvidenceDto>> {
    const caller = await officeCaller(this.offices, context.principal);
    return this.idempotency.runSql<EvidenceDto>(this.scope(caller, context, 'POST /documents/:id/attachments', { documentId, evidenceId }), async (sql) => {
      const at = new Date();
      const versionNo = await this.attachableVersion(sql, caller, documentId);
      const row = await this.activeRow(sql, caller, evidenceId);
      if (!(await this.evidence.attach(sql, caller.officeId, documentId, evidenceId, versionNo, caller.personId, at))) throw new AlreadyAttachedError(documentId, evidenceId);
      await this.record(sql, caller, context, { action: 'evidence.attached', evidenceId, at, payload: { documentId, versionNo, sha256: row.sha256 } });
      return { status: 201, body: await this.queries.view(sql, caller.officeId, evidenceId) };
    });
  }

  /** New content for a file not yet approved: a new object version; the old one stays in the versioned bucket. */
  async replace(context: CallerContext, evidenceId: string, file: IncomingFile): Promise<Idempotent<EvidenceDto>> {
    this.uploads.precheck(file);
    const caller = await officeCaller(this.offices, context.principal);
    const current = await this.sql.run((sql) => this.changeableRow(sql, caller, evidenceId));
    return this.uploads.store(file, { officeId: caller.officeId, key: current.objectKey }, (stored) => {
      const request = { evidenceId, originalName: stored.originalName, size: stored.size, sha256: stored.sha256 };
      return this.idempotency.runSql<EvidenceDto>(this.scope(caller, context, 'PUT /evidence/:id/content', request), async (sql) => {
        const before = await this.changeableRow(sql, caller, evidenceId);
        const at = new Date();
        await this.evidence.replaceContent(sql, { id: evidenceId, officeId: caller.officeId, ...recordOf(stored), uploadedByPersonId: caller.personId, uploadedAt: at });
        const previous = { objectVersionId: before.objectVersionId, sha256: before.sha256, size: Number(before.size), fileName: before.fileName };
        await this.record(sql, caller, context, { action: 'evidence.replaced', evidenceId, at, payload: { ...describe(stored), previous } });
        return { status: 200, body: await this.queries.view(sql, caller.officeId, evidenceId) };
      });
    });
  }

  /** Soft delete: the row is marked and the object kept (it may be needed to explain the trail). */
  async remove(context: CallerContext, evidenceId: string, reason: string): Promise<Idempotent<EvidenceDto>> {
    const caller = await officeCaller(this.offices, context.principal);
    return this.idempotency.runSql<EvidenceDto>(this.scope(caller, context, 'DELETE /evidence/:id', { evidenceId, reason }), async (sql) => {
      const row = await this.changeableRow(sql, caller, evidenceId);
      const at = new Date();
      await this.evidence.markRemoved(sql, row, caller.personId, reason.trim(), at);
      await this.record(sql, caller, context, { action: 'evidence.removed', evidenceId, at, payload: { reason: reason.trim(), fileName: row.fileName, sha256: row.sha256, objectKey: row.objectKey, objectVersionId: row.objectVersionId } });
      return { status: 200, body: await this.queries.view(sql, caller.officeId, evidenceId) };
    });
  }

  /** The document's current version, its route share-locked; refused once the route is finished. */
  private async attachableVersion(sql: SqlExecutor, caller: OfficeCaller, documentId: string): Promise<number> {
    const document = await this.evidence.attachableDocument(sql, caller.officeId, documentId);
    if (!document) throw new NotFoundError('Document', 'เอกสาร', documentId);
    if (FINISHED_ROUTES.includes(document.routeStatus)) throw new AttachmentsClosedError(documentId, document.routeStatus);
    return document.versionNo;
  }

  private async activeRow(sql: SqlExecutor, caller: OfficeCaller, evidenceId: string): Promise<EvidenceRow> {
    const row = await this.evidence.find(sql, caller.officeId, evidenceId);
    if (!row) throw new EvidenceNotFoundError(evidenceId);
    if (row.status === 'DELETED') throw new EvidenceRemovedError(evidenceId, row.deletedAt!);
    return row;
  }

  /** The row locked for update, if it may still change: active, not held, not attached to an approved document nor linked to a published ITA year. */
  private async changeableRow(sql: SqlExecutor, caller: OfficeCaller, evidenceId: string): Promise<EvidenceRow> {
    const found = await this.evidence.lockForChange(sql, caller.officeId, evidenceId);
    if (!found) throw new EvidenceNotFoundError(evidenceId);
    const { row, approvedDocumentIds, publishedFiscalYears } = found;
    if (row.status === 'DELETED') throw new EvidenceRemovedError(evidenceId, row.deletedAt!);
    if (row.lockedAt || approvedDocumentIds.length || publishedFiscalYears.length) throw new EvidenceLockedError(evidenceId, approvedDocumentIds, publishedFiscalYears);
    return row;
  }

  private scope(caller: OfficeCaller, context: CallerContext, operation: string, request: unknown) {
    return { officeId: caller.officeId, subject: caller.subject, key: context.idempotencyKey, operation, request };
  }

  private async record(sql: SqlExecutor, caller: OfficeCaller, context: CallerContext, change: Change): Promise<void> {
    await this.audit.append(sql, {
      officeId: caller.officeId,
      action: change.action,
      actor: auditActor(caller),
      target: { type: 'evidence', id: change.evidenceId },
      requestId: context.requestId ?? null,
      occurredAt: change.at,
      payload: change.payload,
    });
  }
}

function recordOf(stored: StoredFile) {
  const { bucket, key, versionId, originalName, fileName, contentType, size, sha256 } = stored;
  return { bucket, objectKey: key, objectVersionId: versionId, originalName, fileName, contentType, size, sha256 };
}

function describe(stored: StoredFile): Record<string, unknown> {
  const { key, versionId, originalName, fileName, contentType, size, sha256 } = stored;
  return { objectKey: key, objectVersionId: versionId, originalName, fileName, contentType, size, sha256 };
}
