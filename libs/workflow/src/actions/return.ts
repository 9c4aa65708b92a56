import type { RouteInstance, SignatureSnapshot } from '../instance';
import { accept, resetSteps } from '../progress';
import type { ActionResult } from '../result';
import { type ActionContext, actAtStep, authorityFields, currentStepOf, isError, refuse, refuseWith, text } from './common';

export type ReturnTarget = 'DRAFTER' | { readonly stepKey: string };

export interface ReturnForRevision extends ActionContext {
  readonly reason: string;
  /** The drafter, or an earlier step that has already decided. */
  readonly to: ReturnTarget;
  readonly positionId?: string;
  readonly signature?: SignatureSnapshot | null;
}

/**
 * ส่งคืนแก้ไข. To the drafter: the route waits for a resubmission. To an earlier step: that step
 * decides again on the same document version, and every step after it too.
 */
export function returnForRevision(state: RouteInstance, cmd: ReturnForRevision): ActionResult {
  const index = currentStepOf(state);
  if (isError(index)) return refuseWith(index);
  const template = state.template.steps[index];
  if (template.kind === 'DISTRIBUTION') return refuse('RETURN_NOT_ALLOWED', { step: template.key });
  const act = actAtStep(state, index, cmd, undefined, cmd.positionId);
  if (isError(act)) return refuseWith(act);
  const reason = text(cmd.reason);
  if (reason === null) return refuse('REASON_REQUIRED');
  const target = cmd.to === 'DRAFTER' ? 'DRAFTER' : earlierDoneStep(state, index, cmd.to.stepKey);
  if (target === undefined) return refuse('INVALID_RETURN_TARGET', { to: cmd.to, step: template.key });
  const details = {
    type: 'RETURNED' as const,
    at: cmd.at,
    actorPersonId: cmd.actor.personId,
    ...authorityFields(act.authority),
    stepIndex: index,
    stepKey: template.key,
    reason,
    signature: cmd.signature ?? null,
  };
  const common = { ...state, recallable: null, everDecided: true };
  if (target === 'DRAFTER') {
    return accept(
      state,
      {
        ...common,
        status: 'RETURNED',
        currentStep: null,
        steps: resetSteps(state.steps, index, index),
        returned: { kind: 'RETURNED', fromStepIndex: index, personId: cmd.actor.personId, reason },
      },
      { ...details, returnedTo: 'DRAFTER' },
    );
  }
  const steps = resetSteps(state.steps, target, index).map((s, i) => (i === target ? { ...s, status: 'OPEN' as const, openedAt: cmd.at } : s));
  return accept(
    state,
    { ...common, steps, currentStep: target, actionsSinceSubmit: state.actionsSinceSubmit + 1 },
    { ...details, returnedTo: state.steps[target].key },
  );
}

function earlierDoneStep(state: RouteInstance, current: number, key: string): number | undefined {
  const index = state.steps.findIndex((s) => s.key === key);
  return index >= 0 && index < current && state.steps[index].status === 'DONE' ? index : undefined;
}
