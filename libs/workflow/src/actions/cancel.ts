import { type RouteInstance, isFinished } from '../instance';
import { accept, resetSteps } from '../progress';
import type { ActionResult } from '../result';
import { type ActionContext, isDrafter, refuse, text } from './common';

export interface Cancel extends ActionContext {
  readonly reason?: string | null;
}

/** The drafter withdraws the document for good, allowed only before anyone has decided on it. */
export function cancel(state: RouteInstance, cmd: Cancel): ActionResult {
  if (isFinished(state)) return refuse('ROUTE_FINISHED', { status: state.status });
  if (!isDrafter(state, cmd.actor)) return refuse('NOT_DRAFTER');
  if (state.everDecided) return refuse('CANNOT_CANCEL');
  return accept(
    state,
    { ...state, status: 'CANCELLED', currentStep: null, steps: resetSteps(state.steps, 0, state.steps.length - 1), returned: null, recallable: null },
    { type: 'CANCELLED', at: cmd.at, actorPersonId: cmd.actor.personId, actingPositionId: state.drafter.positionId, reason: text(cmd.reason) },
  );
}
