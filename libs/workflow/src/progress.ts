import { evaluate } from './conditions';
import type { EventDetails } from './events';
import { eventOf } from './events';
import { type RouteInstance, type StepState, pendingStep } from './instance';
import type { ActionResult } from './result';
import type { Instant } from './time';

export interface Opened {
  readonly steps: StepState[];
  readonly currentStep: number | null;
  readonly skippedStepKeys: string[];
}

/**
 * Opens the first step from `from` whose condition holds on the current document, marking the
 * ones passed over as SKIPPED. `currentStep` is null when no step is left: the route is complete.
 */
export function openFrom(state: RouteInstance, steps: readonly StepState[], from: number, at: Instant): Opened {
  const next = [...steps];
  const skippedStepKeys: string[] = [];
  for (let i = from; i < next.length; i++) {
    const condition = state.template.steps[i].when;
    if (condition === undefined || evaluate(condition, state.document.fields)) {
      next[i] = { key: next[i].key, status: 'OPEN', decisions: [], openedAt: at };
      return { steps: next, currentStep: i, skippedStepKeys };
    }
    next[i] = { ...pendingStep(next[i].key), status: 'SKIPPED' };
    skippedStepKeys.push(next[i].key);
  }
  return { steps: next, currentStep: null, skippedStepKeys };
}

/** Puts steps `from`..`to` (inclusive) back to PENDING with no decisions. */
export function resetSteps(steps: readonly StepState[], from: number, to: number): StepState[] {
  return steps.map((s, i) => (i >= from && i <= to ? pendingStep(s.key) : s));
}

export function accept(prev: RouteInstance, next: Omit<RouteInstance, 'version' | 'updatedAt'>, details: EventDetails): ActionResult {
  const state: RouteInstance = { ...next, version: prev.version + 1, updatedAt: details.at };
  return { ok: true, state, event: eventOf(state, details) };
}
