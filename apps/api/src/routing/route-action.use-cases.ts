import { Injectable } from '@nestjs/common';
import { cancel, decide, recall, reject, resubmit, returnForRevision, submit } from '@kasian/workflow';
import type { CallerContext } from '../idempotency/caller.decorator';
import { DocumentVersions, type StoredVersion } from '../documents/document-versions.service';
import { routingFields } from './document-content';
import type { DecideDto, RejectDto, ResubmitDto, ReturnDto, RouteActionDto } from './dto/route-action.dto';
import { ActorDirectory } from './actor-directory';
import { RouteActionsService } from './route-actions.service';

/** SubmitDocument, DecideStep, ReturnDocument, RejectDocument, RecallDocument, ResubmitDocument, CancelDocument. */
@Injectable()
export class RouteActionUseCases {
  constructor(
    private readonly actions: RouteActionsService,
    private readonly documents: DocumentVersions,
    private readonly directory: ActorDirectory,
  ) {}

  submit(caller: CallerContext, documentId: string, body: RouteActionDto) {
    return this.actions.perform(this.request(caller, documentId, 'submit', body), async ({ sql, state, known, at }) =>
      submit(state, {
        actor: known.actor,
        at,
        document: routeVersion(await this.documents.current(sql, documentId)),
        signature: await this.directory.signature(sql, known, state.drafter.positionId, null, at),
      }),
    );
  }

  decide(caller: CallerContext, documentId: string, body: DecideDto) {
    return this.actions.perform(this.request(caller, documentId, 'decide', body), async ({ state, known, at, signature }) =>
      decide(state, { actor: known.actor, at, word: body.word, comment: body.comment, positionId: body.positionId, signature: await signature(body.positionId) }),
    );
  }

  returnForRevision(caller: CallerContext, documentId: string, body: ReturnDto) {
    const to = body.to === 'DRAFTER' ? ('DRAFTER' as const) : { stepKey: body.to };
    return this.actions.perform(this.request(caller, documentId, 'return', body), async ({ state, known, at, signature }) =>
      returnForRevision(state, { actor: known.actor, at, to, reason: body.reason, positionId: body.positionId, signature: await signature(body.positionId) }),
    );
  }

  reject(caller: CallerContext, documentId: string, body: RejectDto) {
    return this.actions.perform(this.request(caller, documentId, 'reject', body), async ({ state, known, at, signature }) =>
      reject(state, { actor: known.actor, at, word: body.word, reason: body.reason, positionId: body.positionId, signature: await signature(body.positionId) }),
    );
  }

  recall(caller: CallerContext, documentId: string, body: RouteActionDto) {
    return this.actions.perform(this.request(caller, documentId, 'recall', body), ({ state, known, at }) =>
      recall(state, { actor: known.actor, at }),
    );
  }

  cancel(caller: CallerContext, documentId: string, body: RouteActionDto) {
    return this.actions.perform(this.request(caller, documentId, 'cancel', body), ({ state, known, at }) =>
      cancel(state, { actor: known.actor, at }),
    );
  }

  /**
   * After a return or recall: the revised content becomes a new immutable version (or the draft's
   * latest revision is taken); the route resumes or restarts as its template says.
   */
  resubmit(caller: CallerContext, documentId: string, body: ResubmitDto) {
    return this.actions.perform(this.request(caller, documentId, 'resubmit', body), async ({ sql, state, known, at }) => {
      const version = body.content
        ? await this.documents.add(sql, documentId, body.content, known.person.id, caller.principal, caller.requestId)
        : await this.documents.current(sql, documentId);
      return resubmit(state, { actor: known.actor, at, document: routeVersion(version) });
    });
  }

  private request(caller: CallerContext, documentId: string, operation: string, body: RouteActionDto) {
    return { ...caller, documentId, operation, body: { ...body } };
  }
}

function routeVersion(version: StoredVersion) {
  return { versionId: version.id, hash: version.contentHash, fields: routingFields(version.content) };
}
