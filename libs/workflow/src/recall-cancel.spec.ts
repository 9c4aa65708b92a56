import { type RouteInstance, cancel, checkInvariants, decide, recall, reject, resubmit, returnForRevision, submit } from '@kasian/workflow';
import { MEMO_ROUTE, PEOPLE, SIG, accepted, at, doc, draft, refusedWith } from './__fixtures__/pa-tueng';

const submitted = (): RouteInstance => accepted(submit(draft(), { actor: PEOPLE.drafter, at: at(2) })).state;
const byHeadAdmin = (s = submitted()) => accepted(decide(s, { actor: PEOPLE.kanokporn, at: at(3), word: 'เสนอ', signature: SIG.kanokporn })).state;

describe('ดึงคืน by the drafter', () => {
  it('takes the document back while nobody has acted, and resumes at the same step on a new version', () => {
    const r = accepted(recall(submitted(), { actor: PEOPLE.drafter, at: at(3), reason: 'ลืมแนบเอกสาร' }));
    expect(r.state).toMatchObject({ status: 'RETURNED', currentStep: null, returned: { kind: 'RECALLED', fromStepIndex: 0, reason: 'ลืมแนบเอกสาร' } });
    expect(r.event).toMatchObject({ type: 'RECALLED', stepKey: 'head-admin', returnedTo: 'DRAFTER', actorPersonId: PEOPLE.drafter.personId });
    refusedWith(decide(r.state, { actor: PEOPLE.kanokporn, at: at(3), word: 'เสนอ', signature: SIG.kanokporn }), 'NOT_IN_ROUTE');
    refusedWith(recall(r.state, { actor: PEOPLE.drafter, at: at(3) }), 'NOTHING_TO_RECALL');
    const again = accepted(resubmit(r.state, { actor: PEOPLE.drafter, at: at(4), document: doc('v2') })).state;
    expect(again.currentStep).toBe(0);
  });

  it('is refused once the step has acted, and for anyone but the drafter', () => {
    refusedWith(recall(submitted(), { actor: PEOPLE.kittichai, at: at(3) }), 'NOTHING_TO_RECALL');
    refusedWith(recall(byHeadAdmin(), { actor: PEOPLE.drafter, at: at(4) }), 'NOTHING_TO_RECALL');
    refusedWith(recall(draft(), { actor: PEOPLE.drafter, at: at(4) }), 'NOTHING_TO_RECALL');
  });
});

describe('ดึงคืน by the last decider', () => {
  it('withdraws the decision and reopens the step while the next step has not acted', () => {
    const state = byHeadAdmin();
    const r = accepted(recall(state, { actor: PEOPLE.kanokporn, at: at(4), reason: 'ขอแก้ความเห็น' }));
    expect(r.state).toMatchObject({ currentStep: 0, recallable: null, actionsSinceSubmit: 0 });
    expect(r.state.steps.map((s) => s.status)).toEqual(['OPEN', 'PENDING', 'PENDING', 'PENDING', 'PENDING']);
    expect(r.state.steps[0].decisions).toEqual([]);
    expect(r.event).toMatchObject({ type: 'RECALLED', stepKey: 'head-admin', word: 'เสนอ', onBehalfOfPositionId: 'pos-head-admin', reason: 'ขอแก้ความเห็น' });
    expect(checkInvariants(r.state)).toEqual([]);
    // now nobody has acted since submission, so the drafter may recall too
    expect(accepted(recall(r.state, { actor: PEOPLE.drafter, at: at(5) })).state.status).toBe('RETURNED');
  });

  it('also reopens steps passed over as optional', () => {
    const atPalad = accepted(decide(byHeadAdmin(), { actor: PEOPLE.napatthiya, at: at(4), word: 'เห็นชอบ', signature: SIG.napatthiya })).state;
    const r = accepted(recall(atPalad, { actor: PEOPLE.napatthiya, at: at(5) }));
    expect(r.state.steps.map((s) => s.status)).toEqual(['DONE', 'OPEN', 'PENDING', 'PENDING', 'PENDING']);
  });

  it('withdraws just that decision in an open parallel step', () => {
    const template = {
      ...MEMO_ROUTE,
      steps: [{ ...MEMO_ROUTE.steps[0], kind: 'PARALLEL' as const, addressees: ['pos-head-admin', 'pos-head-palad-office'], completion: { rule: 'ALL' as const } }],
    };
    const s = accepted(submit(draft(template), { actor: PEOPLE.drafter, at: at(2) })).state;
    const one = accepted(decide(s, { actor: PEOPLE.napatthiya, at: at(3), word: 'เสนอ', signature: SIG.any })).state;
    const r = accepted(recall(one, { actor: PEOPLE.napatthiya, at: at(4) }));
    expect(r.state.steps[0]).toMatchObject({ status: 'OPEN', decisions: [] });
  });

  it('is refused once the next step has acted, after a return, and on a finished route', () => {
    const second = accepted(decide(byHeadAdmin(), { actor: PEOPLE.napatthiya, at: at(4), word: 'เห็นชอบ', signature: SIG.napatthiya })).state;
    refusedWith(recall(second, { actor: PEOPLE.kanokporn, at: at(5) }), 'NOTHING_TO_RECALL');
    const returned = accepted(returnForRevision(second, { actor: PEOPLE.kittichai, at: at(5), to: { stepKey: 'head-palad-office' }, reason: 'ทบทวน' })).state;
    refusedWith(recall(returned, { actor: PEOPLE.napatthiya, at: at(6) }), 'NOTHING_TO_RECALL');
    refusedWith(recall(returned, { actor: PEOPLE.drafter, at: at(6) }), 'NOTHING_TO_RECALL');
    const palad = accepted(decide(accepted(decide(returned, { actor: PEOPLE.napatthiya, at: at(6), word: 'เห็นชอบ', signature: SIG.napatthiya })).state, { actor: PEOPLE.kittichai, at: at(7), word: 'ความเห็น', signature: SIG.kittichai })).state;
    const approved = accepted(decide(palad, { actor: PEOPLE.nattakorn, at: at(8), word: 'อนุมัติ', signature: SIG.nattakorn })).state;
    refusedWith(recall(approved, { actor: PEOPLE.nattakorn, at: at(9) }), 'ROUTE_FINISHED');
  });
});

describe('cancel', () => {
  it('is allowed to the drafter before the first decision, in draft or in route', () => {
    const fromDraft = accepted(cancel(draft(), { actor: PEOPLE.drafter, at: at(2), reason: 'ซ้ำ' }));
    expect(fromDraft.event).toMatchObject({ type: 'CANCELLED', reason: 'ซ้ำ', status: 'CANCELLED', version: 2 });
    const inRoute = accepted(cancel(submitted(), { actor: PEOPLE.drafter, at: at(3) }));
    expect(inRoute.state.steps.every((s) => s.status === 'PENDING')).toBe(true);
    expect(checkInvariants(inRoute.state)).toEqual([]);
    refusedWith(submit(fromDraft.state, { actor: PEOPLE.drafter, at: at(3) }), 'ROUTE_FINISHED');
    refusedWith(cancel(fromDraft.state, { actor: PEOPLE.drafter, at: at(3) }), 'ROUTE_FINISHED');
    refusedWith(resubmit(fromDraft.state, { actor: PEOPLE.drafter, at: at(3), document: doc('v2') }), 'ROUTE_FINISHED');
  });

  it('is refused to others and after any decision, even a withdrawn one', () => {
    refusedWith(cancel(submitted(), { actor: PEOPLE.kanokporn, at: at(3) }), 'NOT_DRAFTER');
    refusedWith(cancel(byHeadAdmin(), { actor: PEOPLE.drafter, at: at(4) }), 'CANNOT_CANCEL');
    const withdrawn = accepted(recall(byHeadAdmin(), { actor: PEOPLE.kanokporn, at: at(4) })).state;
    refusedWith(cancel(withdrawn, { actor: PEOPLE.drafter, at: at(5) }), 'CANNOT_CANCEL');
    const nayok = accepted(reject(accepted(decide(accepted(decide(byHeadAdmin(), { actor: PEOPLE.napatthiya, at: at(4), word: 'เห็นชอบ', signature: SIG.any })).state, { actor: PEOPLE.kittichai, at: at(5), word: 'ความเห็น', signature: SIG.any })).state, { actor: PEOPLE.nattakorn, at: at(6), word: 'ไม่อนุมัติ', reason: 'x', signature: SIG.any })).state;
    refusedWith(cancel(nayok, { actor: PEOPLE.drafter, at: at(7) }), 'ROUTE_FINISHED');
  });
});

describe('submit', () => {
  it('is the drafter’s, once, and may carry a newer version than the draft', () => {
    refusedWith(submit(draft(), { actor: PEOPLE.kanokporn, at: at(2) }), 'NOT_DRAFTER');
    refusedWith(submit(submitted(), { actor: PEOPLE.drafter, at: at(3) }), 'ALREADY_SUBMITTED');
    const r = accepted(submit(draft(), { actor: PEOPLE.drafter, at: at(2), document: doc('v1b') }));
    expect(r.event.documentVersionId).toBe('v1b');
  });

  it('completes at once when no step applies to the document', () => {
    const onlyOptional = { ...MEMO_ROUTE, steps: [MEMO_ROUTE.steps[2]] };
    const r = accepted(submit(draft(onlyOptional), { actor: PEOPLE.drafter, at: at(2) }));
    expect(r.event).toMatchObject({ status: 'COMPLETED', skippedStepKeys: ['deputy-palad'] });
  });
});
