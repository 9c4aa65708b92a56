import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@kasian/database';
import { NotFoundError } from '@kasian/errors';
import { DocumentVersions } from '../documents/document-versions.service';
import type { CallerContext } from '../idempotency/caller.decorator';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ActorDirectory } from './actor-directory';
import type { ReviseDto } from './dto/route-action.dto';
import { RouteRepository } from './route.repository';
import { RouteActionsService } from './route-actions.service';
import { DocumentLockedError, NotTheDrafterError } from './routing.errors';

export interface RevisedDto {
  documentId: string;
  versionNo: number;
  contentHash: string;
}

/** ReviseDraft: the drafter saves a new version while the document is a draft or returned; the route moves on only at (re)submission. */
@Injectable()
export class ReviseDraft {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly directory: ActorDirectory,
    private readonly routes: RouteRepository,
    private readonly actions: RouteActionsService,
    private readonly documents: DocumentVersions,
  ) {}

  async execute(caller: CallerContext, documentId: string, body: ReviseDto) {
    const officeId = await this.actions.officeOf(caller.principal);
    const scope = { officeId, subject: caller.principal.subject, key: caller.idempotencyKey, operation: 'revise', request: { documentId, body } };
    return this.idempotency.runSql<RevisedDto>(scope, async (sql) => ({ status: 200, body: await this.inTransaction(sql, officeId, caller, documentId, body) }));
  }

  /** The same inside a caller's transaction (regenerating an ITA report, ADR 0013). */
  async inTransaction(sql: SqlExecutor, officeId: string, caller: CallerContext, documentId: string, body: ReviseDto): Promise<RevisedDto> {
    const known = await this.directory.load(sql, caller.principal, new Date());
    const route = await this.routes.lockByDocument(sql, officeId, documentId);
    if (!route) throw new NotFoundError('Document', 'เอกสาร', documentId);
    if (route.state.drafter.personId !== known.person.id) throw new NotTheDrafterError();
    if (route.state.status !== 'DRAFT' && route.state.status !== 'RETURNED') throw new DocumentLockedError(route.state.status);
    const version = await this.documents.add(sql, documentId, body.content, known.person.id, caller.principal, caller.requestId);
    return { documentId, versionNo: version.versionNo, contentHash: version.contentHash };
  }
}
