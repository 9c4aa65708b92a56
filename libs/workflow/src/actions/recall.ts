import { type RouteInstance, isFinished } from '../instance';
import { accept, resetSteps } from '../progress';
import type { ActionResult } from '../result';
import { type ActionContext, authorityFields, isDrafter, refuse, text } from './common';

export interface Recall extends ActionContext {
  readonly reason?: string | null;
}

/**
 * ดึงคืน. The last decider withdraws their decision while nobody has acted after it (the step
 * reopens if it had closed); or the drafter takes the document back while nobody has acted since
 * the (re)submission, and may then resubmit a new version.
 */
export function recall(state: RouteInstance, cmd: Recall): ActionResult {
  if (isFinished(state)) return refuse('ROUTE_FINISHED', { status: state.status });
  if (state.recallable?.personId === cmd.actor.personId) return recallDecision(state, cmd);
  if (isDrafter(state, cmd.actor) && state.status === 'IN_ROUTE' && state.actionsSinceSubmit === 0) return recallSubmission(state, cmd);
  return refuse('NOTHING_TO_RECALL', { status: state.status });
}

function recallDecision(state: RouteInstance, cmd: Recall): ActionResult {
  const { stepIndex } = state.recallable!;
  const current = state.currentStep!;
  const withdrawn = state.steps[stepIndex].decisions.find((d) => d.personId === cmd.actor.personId)!;
  const steps = resetSteps(state.steps, stepIndex + 1, current).map((s, i) =>
    i === stepIndex ? { ...s, status: 'OPEN' as const, decisions: s.decisions.filter((d) => d !== withdrawn) } : s,
  );
  return accept(
    state,
    { ...state, steps, currentStep: stepIndex, recallable: null, actionsSinceSubmit: state.actionsSinceSubmit - 1 },
    {
      type: 'RECALLED',
      at: cmd.at,
      actorPersonId: cmd.actor.personId,
      ...authorityFields(withdrawn.authority),
      stepIndex,
      stepKey: state.steps[stepIndex].key,
      word: withdrawn.word,
      outcome: withdrawn.outcome,
      reason: text(cmd.reason),
    },
  );
}

function recallSubmission(state: RouteInstance, cmd: Recall): ActionResult {
  const current = state.currentStep!;
  return accept(
    state,
    {
      ...state,
      status: 'RETURNED',
      currentStep: null,
      steps: resetSteps(state.steps, current, current),
      returned: { kind: 'RECALLED', fromStepIndex: current, personId: cmd.actor.personId, reason: text(cmd.reason) },
      recallable: null,
    },
    {
      type: 'RECALLED',
      at: cmd.at,
      actorPersonId: cmd.actor.personId,
      actingPositionId: state.drafter.positionId,
      stepIndex: current,
      stepKey: state.steps[current].key,
      reason: text(cmd.reason),
      returnedTo: 'DRAFTER',
    },
  );
}
