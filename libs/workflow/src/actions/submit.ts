import { type DocumentVersion, type RouteInstance, type SignatureSnapshot, isFinished } from '../instance';
import { accept, openFrom } from '../progress';
import type { ActionResult } from '../result';
import { type ActionContext, isDrafter, refuse } from './common';

export interface Submit extends ActionContext {
  /** A newer version to route than the one the draft was created with. */
  readonly document?: DocumentVersion;
  /** The drafter's signature block as printed under the closing line, kept in the event. */
  readonly signature?: SignatureSnapshot;
}

/** The drafter sends the document up the route (เสนอ). */
export function submit(state: RouteInstance, cmd: Submit): ActionResult {
  if (isFinished(state)) return refuse('ROUTE_FINISHED', { status: state.status });
  if (state.status !== 'DRAFT') return refuse('ALREADY_SUBMITTED', { status: state.status });
  if (!isDrafter(state, cmd.actor)) return refuse('NOT_DRAFTER');
  const routed = { ...state, document: cmd.document ?? state.document, round: 1 };
  const opened = openFrom(routed, routed.steps, 0, cmd.at);
  return accept(
    state,
    { ...routed, steps: opened.steps, currentStep: opened.currentStep, status: opened.currentStep === null ? 'COMPLETED' : 'IN_ROUTE' },
    {
      type: 'SUBMITTED',
      at: cmd.at,
      actorPersonId: cmd.actor.personId,
      actingPositionId: state.drafter.positionId,
      signature: cmd.signature ?? null,
      skippedStepKeys: opened.skippedStepKeys,
    },
  );
}
