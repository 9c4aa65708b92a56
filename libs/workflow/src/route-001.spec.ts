import { checkInvariants, decide, reject, resubmit, returnForRevision, submit, type RouteInstance } from '@kasian/workflow';
import { MEMO_ROUTE, PEOPLE, POS, SIG, accepted, at, doc, draft, refusedWith } from './__fixtures__/pa-tueng';

function submitted(template = MEMO_ROUTE): RouteInstance {
  return accepted(submit(draft(template), { actor: PEOPLE.drafter, at: at(2) })).state;
}

function upToPalad(state = submitted()): RouteInstance {
  const s1 = accepted(decide(state, { actor: PEOPLE.kanokporn, at: at(3), word: 'เสนอ', signature: SIG.kanokporn })).state;
  return accepted(decide(s1, { actor: PEOPLE.napatthiya, at: at(4), word: 'เห็นชอบ', signature: SIG.napatthiya })).state;
}

describe('the 001 upward memo route', () => {
  it('climbs from the drafter to the นายก, skipping the vacant รองปลัด, and records every block', () => {
    const created = draft();
    expect(created).toMatchObject({ status: 'DRAFT', version: 1, round: 0, currentStep: null });

    const sent = accepted(submit(created, { actor: PEOPLE.drafter, at: at(2), signature: SIG.any }));
    expect(sent.event).toMatchObject({ type: 'SUBMITTED', version: 2, actorPersonId: PEOPLE.drafter.personId, actingPositionId: POS.strategy, currentStepKey: 'head-admin' });
    expect(sent.event.signature).toEqual(SIG.any);
    expect(accepted(submit(created, { actor: PEOPLE.drafter, at: at(2) })).event.signature).toBeNull();

    const atPalad = upToPalad(sent.state);
    expect(atPalad.steps.map((s) => s.status)).toEqual(['DONE', 'DONE', 'SKIPPED', 'OPEN', 'PENDING']);

    const opinion = accepted(decide(atPalad, { actor: PEOPLE.kittichai, at: at(5), word: 'ความเห็น', comment: '  ', signature: SIG.kittichai }));
    expect(opinion.event).toMatchObject({ type: 'DECIDED', stepKey: 'palad', word: 'ความเห็น', outcome: 'neutral', comment: null, currentStepKey: 'nayok' });

    const approved = accepted(decide(opinion.state, { actor: PEOPLE.nattakorn, at: at(6), word: 'อนุมัติ / ให้ดำเนินการ', signature: SIG.nattakorn }));
    expect(approved.state).toMatchObject({ status: 'COMPLETED', currentStep: null, version: 6, recallable: null });
    expect(approved.event).toEqual({
      type: 'DECIDED',
      instanceId: approved.state.id,
      officeId: 'office-pa-tueng',
      documentId: approved.state.documentId,
      version: 6,
      round: 1,
      at: at(6),
      stepIndex: 4,
      stepKey: 'nayok',
      actorPersonId: PEOPLE.nattakorn.personId,
      actingPositionId: POS.nayok,
      onBehalfOfPositionId: POS.nayok,
      capacity: 'HOLDER',
      orderRef: null,
      grantId: `asg-${POS.nayok}`,
      word: 'อนุมัติ / ให้ดำเนินการ',
      outcome: 'positive',
      comment: null,
      reason: null,
      returnedTo: null,
      signature: SIG.nattakorn,
      documentVersionId: 'v1',
      documentHash: 'sha256:v1',
      status: 'COMPLETED',
      currentStepKey: null,
      skippedStepKeys: [],
    });
    expect(approved.state.steps[3].decisions[0].signature).toEqual(SIG.kittichai);
    expect(checkInvariants(approved.state)).toEqual([]);
  });

  it('reports the optional step it skipped in the event that passed over it', () => {
    const s1 = accepted(decide(submitted(), { actor: PEOPLE.kanokporn, at: at(3), word: 'เสนอ', signature: SIG.kanokporn })).state;
    const r = accepted(decide(s1, { actor: PEOPLE.napatthiya, at: at(4), word: 'เห็นชอบ', signature: SIG.napatthiya }));
    expect(r.event.skippedStepKeys).toEqual(['deputy-palad']);
  });

  it('visits the รองปลัด when the post is filled', () => {
    const filled = accepted(submit(draft(MEMO_ROUTE, doc('v1', { deputyPaladVacant: false })), { actor: PEOPLE.drafter, at: at(2) })).state;
    expect(upToPalad(filled).currentStep).toBe(2);
  });

  it('refuses words the step does not offer and negative words in decide', () => {
    const state = submitted();
    refusedWith(decide(state, { actor: PEOPLE.kanokporn, at: at(3), word: 'อนุมัติ', signature: SIG.kanokporn }), 'WORD_NOT_ALLOWED');
    const nayok = accepted(decide(upToPalad(), { actor: PEOPLE.kittichai, at: at(5), word: 'เห็นควรอนุมัติ', signature: SIG.kittichai })).state;
    const refusal = decide(nayok, { actor: PEOPLE.nattakorn, at: at(6), word: 'ไม่อนุมัติ', signature: SIG.nattakorn });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'WORD_NOT_ALLOWED', details: { step: 'nayok', allowed: ['อนุมัติ / ให้ดำเนินการ', 'อนุมัติ'] } } });
    const wrongRejection = reject(nayok, { actor: PEOPLE.nattakorn, at: at(6), word: 'อนุมัติ', reason: 'x', signature: SIG.nattakorn });
    expect(wrongRejection).toMatchObject({ ok: false, error: { code: 'WORD_NOT_ALLOWED', details: { allowed: ['ไม่อนุมัติ'] } } });
  });

  it('refuses out of turn, without the position, and on a finished route', () => {
    const state = submitted();
    refusedWith(decide(state, { actor: PEOPLE.nattakorn, at: at(3), word: 'เสนอ', signature: SIG.nattakorn }), 'NOT_YOUR_TURN');
    refusedWith(decide(state, { actor: PEOPLE.outsider, at: at(3), word: 'เสนอ', signature: SIG.any }), 'NOT_AUTHORISED_FOR_POSITION');
    refusedWith(decide(state, { actor: PEOPLE.kanokporn, at: at(3), word: 'เสนอ', signature: SIG.any, positionId: POS.nayok }), 'NOT_YOUR_TURN');
    refusedWith(decide(draft(), { actor: PEOPLE.kanokporn, at: at(3), word: 'เสนอ', signature: SIG.any }), 'NOT_IN_ROUTE');
    const nayok = accepted(decide(upToPalad(), { actor: PEOPLE.kittichai, at: at(5), word: 'ความเห็น', signature: SIG.kittichai })).state;
    const done = accepted(reject(nayok, { actor: PEOPLE.nattakorn, at: at(6), word: 'ไม่อนุมัติ', reason: 'งบประมาณไม่เพียงพอ', signature: SIG.nattakorn })).state;
    refusedWith(decide(done, { actor: PEOPLE.nattakorn, at: at(7), word: 'อนุมัติ', signature: SIG.nattakorn }), 'ROUTE_FINISHED');
  });

  it('enforces the comment policy of the step', () => {
    const required = { ...MEMO_ROUTE, steps: MEMO_ROUTE.steps.map((s, i) => (i === 0 ? { ...s, comment: 'REQUIRED' as const } : i === 1 ? { ...s, comment: 'NONE' as const } : s)) };
    const state = submitted(required);
    refusedWith(decide(state, { actor: PEOPLE.kanokporn, at: at(3), word: 'เสนอ', signature: SIG.kanokporn }), 'COMMENT_REQUIRED');
    const next = accepted(decide(state, { actor: PEOPLE.kanokporn, at: at(3), word: 'เสนอ', comment: ' ตามเสนอ ', signature: SIG.kanokporn }));
    expect(next.event.comment).toBe('ตามเสนอ');
    refusedWith(decide(next.state, { actor: PEOPLE.napatthiya, at: at(4), word: 'เห็นชอบ', comment: 'x', signature: SIG.napatthiya }), 'COMMENT_NOT_ALLOWED');
  });
});

describe('ส่งคืนแก้ไข and resubmission', () => {
  const returnedByPalad = () =>
    returnForRevision(upToPalad(), { actor: PEOPLE.kittichai, at: at(5), to: 'DRAFTER', reason: 'แก้ไขข้อ ๔.๓ ให้ระบุกอง', signature: SIG.kittichai });

  it('returns from the ปลัด to the drafter with a reason and resumes at the ปลัด on the new version', () => {
    const back = accepted(returnedByPalad());
    expect(back.event).toMatchObject({ type: 'RETURNED', stepKey: 'palad', returnedTo: 'DRAFTER', reason: 'แก้ไขข้อ ๔.๓ ให้ระบุกอง', onBehalfOfPositionId: POS.palad, status: 'RETURNED' });
    expect(back.state.returned).toEqual({ kind: 'RETURNED', fromStepIndex: 3, personId: PEOPLE.kittichai.personId, reason: 'แก้ไขข้อ ๔.๓ ให้ระบุกอง' });

    refusedWith(resubmit(back.state, { actor: PEOPLE.drafter, at: at(6), document: doc('v1') }), 'SAME_DOCUMENT_VERSION');
    refusedWith(resubmit(back.state, { actor: PEOPLE.kanokporn, at: at(6), document: doc('v2') }), 'NOT_DRAFTER');
    const again = accepted(resubmit(back.state, { actor: PEOPLE.drafter, at: at(6), document: doc('v2') }));
    expect(again.state).toMatchObject({ status: 'IN_ROUTE', currentStep: 3, round: 2, returned: null });
    expect(again.event).toMatchObject({ type: 'RESUBMITTED', documentVersionId: 'v2', currentStepKey: 'palad', round: 2 });
    expect(again.state.steps[0].decisions[0].documentVersionId).toBe('v1');

    const palad = accepted(decide(again.state, { actor: PEOPLE.kittichai, at: at(7), word: 'เห็นควรอนุมัติ', signature: SIG.kittichai })).state;
    const done = accepted(decide(palad, { actor: PEOPLE.nattakorn, at: at(8), word: 'อนุมัติ', signature: SIG.nattakorn }));
    expect(done.state.status).toBe('COMPLETED');
    expect(done.event.documentVersionId).toBe('v2');
  });

  it('restarts from the first step when the template says so', () => {
    const restart = { ...MEMO_ROUTE, onResubmit: 'RESTART' as const };
    const back = accepted(returnForRevision(upToPalad(submitted(restart)), { actor: PEOPLE.kittichai, at: at(5), to: 'DRAFTER', reason: 'แก้ไข' })).state;
    const again = accepted(resubmit(back, { actor: PEOPLE.drafter, at: at(6), document: doc('v2') })).state;
    expect(again.currentStep).toBe(0);
    expect(again.steps.map((s) => s.status)).toEqual(['OPEN', 'PENDING', 'PENDING', 'PENDING', 'PENDING']);
  });

  it('completes at once when a resubmitted version makes every remaining step inapplicable', () => {
    const tpl = { ...MEMO_ROUTE, steps: MEMO_ROUTE.steps.map((s, i) => (i === 0 ? { ...s, when: { op: 'eq' as const, field: 'reviewed', value: false } } : s)) };
    const s0 = accepted(submit(draft({ ...tpl, steps: tpl.steps.slice(0, 1) }, doc('v1', { reviewed: false })), { actor: PEOPLE.drafter, at: at(2) })).state;
    const back = accepted(returnForRevision(s0, { actor: PEOPLE.kanokporn, at: at(3), to: 'DRAFTER', reason: 'ทบทวน' })).state;
    const done = accepted(resubmit(back, { actor: PEOPLE.drafter, at: at(4), document: doc('v2', { reviewed: true }) }));
    expect(done.state.status).toBe('COMPLETED');
    expect(done.event.skippedStepKeys).toEqual(['head-admin']);
  });

  it('returns to a chosen earlier step, which decides again on the same version', () => {
    const back = accepted(returnForRevision(upToPalad(), { actor: PEOPLE.kittichai, at: at(5), to: { stepKey: 'head-admin' }, reason: 'ขอให้ฝ่ายตรวจทานตัวเลข' }));
    expect(back.event).toMatchObject({ returnedTo: 'head-admin', currentStepKey: 'head-admin', status: 'IN_ROUTE' });
    expect(back.state.steps.map((s) => s.status)).toEqual(['OPEN', 'PENDING', 'PENDING', 'PENDING', 'PENDING']);
    const redo = accepted(decide(back.state, { actor: PEOPLE.kanokporn, at: at(6), word: 'เสนอ', signature: SIG.kanokporn }));
    expect(redo.state.currentStep).toBe(1);
  });

  it('refuses invalid return targets, a missing reason, and returns on a route not in progress', () => {
    const state = upToPalad();
    const ret = (to: Parameters<typeof returnForRevision>[1]['to'], reason = 'เหตุผล') => returnForRevision(state, { actor: PEOPLE.kittichai, at: at(5), to, reason });
    refusedWith(ret({ stepKey: 'deputy-palad' }), 'INVALID_RETURN_TARGET'); // skipped, not decided
    refusedWith(ret({ stepKey: 'nayok' }), 'INVALID_RETURN_TARGET'); // later
    refusedWith(ret({ stepKey: 'palad' }), 'INVALID_RETURN_TARGET'); // itself
    refusedWith(ret({ stepKey: 'nowhere' }), 'INVALID_RETURN_TARGET');
    refusedWith(ret('DRAFTER', ' '), 'REASON_REQUIRED');
    refusedWith(returnForRevision(state, { actor: PEOPLE.outsider, at: at(5), to: 'DRAFTER', reason: 'x' }), 'NOT_AUTHORISED_FOR_POSITION');
    refusedWith(returnForRevision(draft(), { actor: PEOPLE.kittichai, at: at(5), to: 'DRAFTER', reason: 'x' }), 'NOT_IN_ROUTE');
    refusedWith(resubmit(state, { actor: PEOPLE.drafter, at: at(5), document: doc('v2') }), 'NOT_RETURNED');
  });
});

describe('ไม่อนุมัติ', () => {
  it('ends the route with the word, the reason and the signature', () => {
    const nayok = accepted(decide(upToPalad(), { actor: PEOPLE.kittichai, at: at(5), word: 'ความเห็น', signature: SIG.kittichai })).state;
    refusedWith(reject(nayok, { actor: PEOPLE.nattakorn, at: at(6), word: 'ไม่อนุมัติ', reason: '', signature: SIG.nattakorn }), 'REASON_REQUIRED');
    refusedWith(reject(nayok, { actor: PEOPLE.nattakorn, at: at(6), word: 'อนุมัติ', reason: 'x', signature: SIG.nattakorn }), 'WORD_NOT_ALLOWED');
    refusedWith(reject(nayok, { actor: PEOPLE.kittichai, at: at(6), word: 'ไม่อนุมัติ', reason: 'x', signature: SIG.kittichai }), 'NOT_YOUR_TURN');
    const r = accepted(reject(nayok, { actor: PEOPLE.nattakorn, at: at(6), word: 'ไม่อนุมัติ', reason: 'งบประมาณไม่เพียงพอ', signature: SIG.nattakorn }));
    expect(r.state).toMatchObject({ status: 'REJECTED', currentStep: null });
    expect(r.state.steps[4].status).toBe('REJECTED');
    expect(r.event).toMatchObject({ type: 'REJECTED', word: 'ไม่อนุมัติ', outcome: 'negative', reason: 'งบประมาณไม่เพียงพอ', signature: SIG.nattakorn });
    expect(checkInvariants(r.state)).toEqual([]);
    refusedWith(reject(r.state, { actor: PEOPLE.nattakorn, at: at(7), word: 'ไม่อนุมัติ', reason: 'x', signature: SIG.nattakorn }), 'ROUTE_FINISHED');
  });

  it('is not offered at a step without a negative word', () => {
    refusedWith(reject(submitted(), { actor: PEOPLE.kanokporn, at: at(3), word: 'ไม่เห็นชอบ', reason: 'x', signature: SIG.kanokporn }), 'WORD_NOT_ALLOWED');
  });
});
