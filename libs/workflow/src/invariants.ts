import type { RouteInstance, StepState, StepStatus } from './instance';
import { type StepTemplate, findWord, requiredDecisions } from './template';

/**
 * Everything that must hold of any state the actions produce. Returns the violations (empty when
 * sound); the property tests assert it after every action and persistence may assert it before commit.
 */
export function checkInvariants(state: RouteInstance): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const { template, steps } = state;
  check(Number.isInteger(state.version) && state.version >= 1, 'version is a positive integer');
  check(steps.length === template.steps.length && steps.every((s, i) => s.key === template.steps[i].key), 'steps match the template');
  if (problems.length > 0) return problems;

  check((state.currentStep !== null) === (state.status === 'IN_ROUTE'), 'a current step exists exactly while in route');
  check((state.returned !== null) === (state.status === 'RETURNED'), 'return details exist exactly while returned');
  check(state.status === 'DRAFT' ? state.round === 0 : state.status === 'CANCELLED' || state.round >= 1, 'round 0 exactly before submission');
  check(state.actionsSinceSubmit >= 0, 'actions since submission is not negative');
  check(state.everDecided || steps.every((s) => s.decisions.length === 0), 'decisions imply everDecided');

  const [pivot, pivotStatus] = pivotOf(state);
  steps.forEach((s, i) => {
    const expected: readonly StepStatus[] = i < pivot ? ['DONE', 'SKIPPED'] : i === pivot ? [pivotStatus] : ['PENDING'];
    check(expected.includes(s.status), `step ${s.key} is ${s.status}, expected ${expected.join('|')}`);
    problems.push(...stepProblems(state, template.steps[i], s));
  });

  const r = state.recallable;
  if (r !== null) {
    check(state.status === 'IN_ROUTE' && r.stepIndex <= state.currentStep!, 'a recallable decision is at or before the current step');
    check(steps[r.stepIndex].decisions.some((d) => d.personId === r.personId && d.authority.onBehalfOfPositionId === r.positionId), 'the recallable decision exists');
    check(state.actionsSinceSubmit >= 1, 'a recallable decision counts as an action since submission');
  }
  return problems;
}

/** The one step whose status marks where the route stands; steps before it are settled, after it untouched. */
function pivotOf(state: RouteInstance): [number, StepStatus] {
  switch (state.status) {
    case 'IN_ROUTE':
      return [state.currentStep!, 'OPEN'];
    case 'RETURNED':
      return [state.returned!.fromStepIndex, 'PENDING'];
    case 'REJECTED':
      return [state.steps.findIndex((s) => s.status === 'REJECTED'), 'REJECTED'];
    case 'COMPLETED':
      return [state.steps.length, 'DONE'];
    default:
      return [0, 'PENDING'];
  }
}

function stepProblems(state: RouteInstance, template: StepTemplate, step: StepState): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(`step ${step.key}: ${problem}`);
  };
  const decisions = step.decisions;
  const persons = decisions.map((d) => d.personId);
  const positions = decisions.map((d) => d.authority.onBehalfOfPositionId);
  const negatives = decisions.filter((d) => d.outcome === 'negative').length;
  const forward = decisions.length - negatives;
  check(new Set(persons).size === persons.length, 'one person decided twice');
  check(new Set(positions).size === positions.length, 'one position decided twice');
  check(positions.every((p) => template.addressees.includes(p)), 'a decision is for a position not addressed');
  check(decisions.every((d) => findWord(template, d.word)?.outcome === d.outcome), 'a decision uses a word outside the step vocabulary');
  check(template.drafterMayDecide === true || !persons.includes(state.drafter.personId), 'the drafter decided');
  check(step.status !== 'SKIPPED' || template.when !== undefined, 'an unconditional step was skipped');
  check(step.status === 'REJECTED' ? negatives === 1 && decisions.at(-1)!.outcome === 'negative' : negatives === 0, 'negative decisions only end a rejected step');
  const required = requiredDecisions(template);
  const expectedForward = { PENDING: [0, 0], SKIPPED: [0, 0], OPEN: [0, required - 1], REJECTED: [0, required - 1], DONE: [required, required] }[step.status];
  check(forward >= expectedForward[0] && forward <= expectedForward[1], `${forward} decisions do not fit a ${step.status} step needing ${required}`);
  return problems;
}
