import { type Actor, type Authority, resolveAuthority } from '../authority';
import { type WorkflowError, type WorkflowErrorCode, workflowError } from '../errors';
import { type RouteInstance, isFinished } from '../instance';
import type { ActionResult } from '../result';
import type { Outcome, StepTemplate } from '../template';
import type { Instant } from '../time';

/** Who acts and when; every action takes these. */
export interface ActionContext {
  readonly actor: Actor;
  readonly at: Instant;
}

export function refuse(code: WorkflowErrorCode, details?: Record<string, unknown>): ActionResult {
  return { ok: false, error: workflowError(code, details) };
}

export function refuseWith(error: WorkflowError): ActionResult {
  return { ok: false, error };
}

/** The text of a comment or reason, or null when blank. */
export function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function isDrafter(state: RouteInstance, actor: Actor): boolean {
  return state.drafter.personId === actor.personId;
}

/** Checks that the route is waiting on a step and returns that step's index. */
export function currentStepOf(state: RouteInstance): number | WorkflowError {
  if (isFinished(state)) return workflowError('ROUTE_FINISHED', { status: state.status });
  if (state.currentStep === null) return workflowError('NOT_IN_ROUTE', { status: state.status });
  return state.currentStep;
}

export interface StepAct {
  readonly index: number;
  readonly step: StepTemplate;
  readonly authority: Authority;
}

/**
 * Decides for whom the actor acts at the current step: one addressee not yet decided, for which
 * they hold, act in, or have a delegation covering `outcome`. Each addressee is resolved on its
 * own, so crossed delegations can never swap principals.
 */
export function actAtStep(state: RouteInstance, index: number, ctx: ActionContext, outcome: Outcome | undefined, positionId?: string): StepAct | WorkflowError {
  const step = state.template.steps[index];
  const decisions = state.steps[index].decisions;
  const decisionClass = { documentKind: state.template.documentKind, outcome };
  if (positionId !== undefined && !step.addressees.includes(positionId)) return workflowError('NOT_YOUR_TURN', { positionId, step: step.key });
  const candidates = positionId === undefined ? step.addressees : [positionId];
  const authorities = candidates.flatMap((p) => resolveAuthority(ctx.actor, p, ctx.at, decisionClass) ?? []);
  if (authorities.length === 0) {
    const elsewhere = state.template.steps.some((s, i) => i !== index && s.addressees.some((p) => resolveAuthority(ctx.actor, p, ctx.at, decisionClass)));
    return workflowError(elsewhere ? 'NOT_YOUR_TURN' : 'NOT_AUTHORISED_FOR_POSITION', { step: step.key });
  }
  if (isDrafter(state, ctx.actor) && !step.drafterMayDecide) return workflowError('DRAFTER_CANNOT_DECIDE', { step: step.key });
  if (decisions.some((d) => d.personId === ctx.actor.personId)) return workflowError('ALREADY_DECIDED', { step: step.key, personId: ctx.actor.personId });
  const open = authorities.filter((a) => !decisions.some((d) => d.authority.onBehalfOfPositionId === a.onBehalfOfPositionId));
  if (open.length === 0) return workflowError('ALREADY_DECIDED', { step: step.key });
  if (open.length > 1) return workflowError('AMBIGUOUS_POSITION', { step: step.key, positionIds: open.map((a) => a.onBehalfOfPositionId) });
  return { index, step, authority: open[0] };
}

export function authorityFields(a: Authority) {
  return {
    actingPositionId: a.actingPositionId,
    onBehalfOfPositionId: a.onBehalfOfPositionId,
    capacity: a.capacity,
    orderRef: a.orderRef,
    grantId: a.grantId,
  };
}

export function isError(value: unknown): value is WorkflowError {
  return typeof value === 'object' && value !== null && 'code' in value && 'messageTh' in value;
}
