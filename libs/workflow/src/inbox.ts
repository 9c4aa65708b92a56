import { type Actor, type Authority, resolveAuthority } from './authority';
import type { RouteInstance } from './instance';
import type { DecisionWord } from './template';
import type { Instant } from './time';

/** One thing an actor can do now: act at the open step for one addressed position. */
export interface ActionableStep {
  readonly stepIndex: number;
  readonly stepKey: string;
  readonly authority: Authority;
  /** The words they may use, narrowed by a delegation's scope: non-negative ones decide, negative ones reject. */
  readonly words: readonly DecisionWord[];
  readonly mayReturn: boolean;
}

/** The addressed positions the open step still waits on (for the inbox index). */
export function waitingOn(state: RouteInstance): string[] {
  if (state.status !== 'IN_ROUTE') return [];
  const index = state.currentStep!;
  const decided = new Set(state.steps[index].decisions.map((d) => d.authority.onBehalfOfPositionId));
  return state.template.steps[index].addressees.filter((p) => !decided.has(p));
}

/**
 * What the actor may act on in this instance at `at`, and in which capacity. It applies the same
 * rules as the actions: no drafter unless allowed, one decision per person per step.
 */
export function actionableFor(state: RouteInstance, actor: Actor, at: Instant): ActionableStep[] {
  if (state.status !== 'IN_ROUTE') return [];
  const index = state.currentStep!;
  const step = state.template.steps[index];
  if (actor.personId === state.drafter.personId && !step.drafterMayDecide) return [];
  if (state.steps[index].decisions.some((d) => d.personId === actor.personId)) return [];
  const documentKind = state.template.documentKind;
  return waitingOn(state).flatMap((positionId) => {
    const authority = resolveAuthority(actor, positionId, at, { documentKind });
    if (authority === null) return [];
    const words = step.words.filter((w) => resolveAuthority(actor, positionId, at, { documentKind, outcome: w.outcome }) !== null);
    const mayReturn = step.kind !== 'DISTRIBUTION';
    return words.length === 0 && !mayReturn ? [] : [{ stepIndex: index, stepKey: step.key, authority, words, mayReturn }];
  });
}
