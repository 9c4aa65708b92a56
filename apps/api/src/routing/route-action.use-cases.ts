import { Injectable } from '@nestjs/common';
import { cancel, decide, recall, reject, resubmit, returnForRevision, submit } from '@kasian/workflow';
import type { CallerContext } from '../idempotency/caller.decorator';
import { contentHash, routingFields } from './document-content';
import type { DecideDto, RejectDto, ResubmitDto, ReturnDto, RouteActionDto } from './dto/route-action.dto';
import { RouteActionsService } from './route-actions.service';

/** SubmitDocument, DecideStep, ReturnDocument, RejectDocument, RecallDocument, ResubmitDocument, CancelDocument. */
@Injectable()
export class RouteActionUseCases {
  constructor(private readonly actions: RouteActionsService) {}

  submit(caller: CallerContext, documentId: string, body: RouteActionDto) {
    return this.actions.perform(this.request(caller, documentId, 'submit', body), ({ state, known, at }) =>
      submit(state, { actor: known.actor, at }),
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

  /** A resubmission is a new immutable document version; the route resumes or restarts as its template says. */
  resubmit(caller: CallerContext, documentId: string, body: ResubmitDto) {
    return this.actions.perform(this.request(caller, documentId, 'resubmit', body), async ({ db, state, known, at }) => {
      const document = await db.document.update({ where: { id: documentId }, data: { currentVersionNo: { increment: 1 } } });
      const hash = contentHash(body.content);
      const version = await db.documentVersion.create({
        data: { officeId: document.officeId, documentId, versionNo: document.currentVersionNo, content: body.content as object, contentHash: hash, createdByPersonId: known.person.id },
      });
      return resubmit(state, { actor: known.actor, at, document: { versionId: version.id, hash, fields: routingFields(body.content) } });
    });
  }

  private request(caller: CallerContext, documentId: string, operation: string, body: RouteActionDto) {
    return { ...caller, documentId, operation, body: { ...body } };
  }
}
