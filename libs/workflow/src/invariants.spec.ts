import { type RouteInstance, type StepState, checkInvariants, decide, submit } from '@kasian/workflow';
import { PEOPLE, SIG, accepted, at, draft } from './__fixtures__/pa-tueng';

const inRoute = () => accepted(decide(accepted(submit(draft(), { actor: PEOPLE.drafter, at: at(2) })).state, { actor: PEOPLE.kanokporn, at: at(3), word: 'เสนอ', signature: SIG.kanokporn })).state;
const withStep = (s: RouteInstance, i: number, patch: Partial<StepState>): RouteInstance => ({ ...s, steps: s.steps.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

describe('checkInvariants', () => {
  it('finds nothing wrong with states the actions produce', () => {
    expect(checkInvariants(draft())).toEqual([]);
    expect(checkInvariants(inRoute())).toEqual([]);
  });

  it('stops at a state whose steps do not match its template', () => {
    expect(checkInvariants({ ...inRoute(), version: 0, steps: inRoute().steps.slice(1) })).toEqual(['version is a positive integer', 'steps match the template']);
    expect(checkInvariants({ ...inRoute(), steps: inRoute().steps.map((s, i) => (i === 0 ? { ...s, key: 'other' } : s)) })).toEqual(['steps match the template']);
  });

  const good = inRoute();
  const decision = good.steps[0].decisions[0];
  it.each<[string, RouteInstance, string]>([
    ['a current step outside the route', { ...good, status: 'COMPLETED' }, 'a current step exists exactly while in route'],
    ['return details while in route', { ...good, returned: { kind: 'RETURNED', fromStepIndex: 1, personId: 'p', reason: 'r' } }, 'return details exist exactly while returned'],
    ['a routed draft', { ...draft(), round: 1 }, 'round 0 exactly before submission'],
    ['an unsubmitted route', { ...good, round: 0 }, 'round 0 exactly before submission'],
    ['a negative count', { ...good, actionsSinceSubmit: -1 }, 'actions since submission is not negative'],
    ['forgotten decisions', { ...good, everDecided: false }, 'decisions imply everDecided'],
    ['a settled step after the current one', withStep(good, 4, { status: 'DONE' }), 'step nayok is DONE, expected PENDING'],
    ['an open step before the current one', withStep(good, 0, { status: 'OPEN' }), 'step head-admin is OPEN, expected DONE|SKIPPED'],
    ['a double decision by one person', withStep(good, 0, { decisions: [decision, { ...decision, authority: { ...decision.authority, onBehalfOfPositionId: 'pos-x' } }] }), 'step head-admin: one person decided twice'],
    ['a double decision for one position', withStep(good, 0, { decisions: [decision, { ...decision, personId: 'other' }] }), 'step head-admin: one position decided twice'],
    ['a decision for a position not addressed', withStep(good, 0, { decisions: [{ ...decision, authority: { ...decision.authority, onBehalfOfPositionId: 'pos-x' } }] }), 'step head-admin: a decision is for a position not addressed'],
    ['a word outside the vocabulary', withStep(good, 0, { decisions: [{ ...decision, word: 'อนุมัติ' }] }), 'step head-admin: a decision uses a word outside the step vocabulary'],
    ['a decision by the drafter', withStep(good, 0, { decisions: [{ ...decision, personId: PEOPLE.drafter.personId }] }), 'step head-admin: the drafter decided'],
    ['an unconditional step skipped', withStep(good, 0, { status: 'SKIPPED', decisions: [] }), 'step head-admin: an unconditional step was skipped'],
    ['a negative decision in a step that went on', withStep(good, 0, { decisions: [{ ...decision, outcome: 'negative' }] }), 'step head-admin: negative decisions only end a rejected step'],
    ['a closed step short of decisions', withStep(good, 0, { decisions: [] }), 'step head-admin: 0 decisions do not fit a DONE step needing 1'],
    ['a recallable decision that is not there', { ...good, recallable: { stepIndex: 0, personId: 'nobody', positionId: 'pos-head-admin' } }, 'the recallable decision exists'],
    ['a recallable decision ahead of the route', { ...good, recallable: { ...good.recallable!, stepIndex: 4 } }, 'a recallable decision is at or before the current step'],
    ['a recallable decision not counted', { ...good, actionsSinceSubmit: 0 }, 'a recallable decision counts as an action since submission'],
    ['a recallable decision outside the route', { ...good, status: 'RETURNED', currentStep: null, returned: { kind: 'RETURNED', fromStepIndex: 1, personId: 'p', reason: 'r' } }, 'a recallable decision is at or before the current step'],
  ])('reports %s', (_, state, problem) => {
    expect(checkInvariants(state)).toContain(problem);
  });

  it('checks a rejected step ends with exactly one negative decision', () => {
    const rejected: RouteInstance = { ...withStep(good, 1, { status: 'REJECTED', decisions: [{ ...decision, outcome: 'positive' }] }), status: 'REJECTED', currentStep: null, recallable: null };
    expect(checkInvariants(rejected)).toContain('step head-palad-office: negative decisions only end a rejected step');
  });
});
