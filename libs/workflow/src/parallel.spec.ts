import { type RouteTemplate, type StepTemplate, checkInvariants, decide, reject, returnForRevision, submit, waitingOn } from '@kasian/workflow';
import { OFFICE, PEOPLE, POS, SIG, accepted, actor, at, delegation, draft, holds, refusedWith, sequential } from './__fixtures__/pa-tueng';

const UNITS = [POS.headPaladOffice, POS.finance, POS.works, POS.education, POS.health];
const UNIT_HEADS = [PEOPLE.napatthiya, PEOPLE.finance, PEOPLE.works, PEOPLE.education, PEOPLE.health];

function fanOut(completion: StepTemplate['completion'], kind: StepTemplate['kind'] = 'PARALLEL', words: StepTemplate['words'] = [{ word: 'เห็นชอบ', outcome: 'positive' }, { word: 'ไม่เห็นชอบ', outcome: 'negative' }]): RouteTemplate {
  return {
    id: `tpl-${kind}-${completion.rule}`,
    version: 1,
    officeId: OFFICE,
    documentKind: 'ITA_MEASURES_PLAN',
    name: 'มาตรการส่งเสริมคุณธรรมฯ ส่งทุกสำนัก/กอง',
    onResubmit: 'RESUME',
    steps: [{ key: 'units', title: 'ทุกสำนัก/กอง', kind, addressees: UNITS, completion, words, comment: 'OPTIONAL' }, sequential('palad', POS.palad)],
  };
}

const started = (template: RouteTemplate) => accepted(submit(draft(template), { actor: PEOPLE.drafter, at: at(2) })).state;

describe('parallel fan-out', () => {
  it('all-of: five units, the route advances only after the fifth', () => {
    let state = started(fanOut({ rule: 'ALL' }));
    UNIT_HEADS.forEach((head, i) => {
      const r = accepted(decide(state, { actor: head, at: at(3, 9 + i), word: 'เห็นชอบ', signature: SIG.any }));
      state = r.state;
      expect(r.event.onBehalfOfPositionId).toBe(UNITS[i]);
      expect(r.event.currentStepKey).toBe(i < 4 ? 'units' : 'palad');
      expect(waitingOn(state)).toEqual(i < 4 ? UNITS.slice(i + 1) : [POS.palad]);
      expect(checkInvariants(state)).toEqual([]);
    });
    expect(state.steps[0]).toMatchObject({ status: 'DONE' });
    expect(state.steps[0].decisions).toHaveLength(5);
  });

  it('k-of-n: three of five close the step; the other two can no longer act there', () => {
    let state = started(fanOut({ rule: 'K_OF_N', k: 3 }));
    for (const head of UNIT_HEADS.slice(0, 3)) state = accepted(decide(state, { actor: head, at: at(3), word: 'เห็นชอบ', signature: SIG.any })).state;
    expect(state.currentStep).toBe(1);
    refusedWith(decide(state, { actor: PEOPLE.health, at: at(3), word: 'เห็นชอบ', signature: SIG.any }), 'NOT_YOUR_TURN');
  });

  it('any-of: the first decision closes the step', () => {
    const state = accepted(decide(started(fanOut({ rule: 'ANY' })), { actor: PEOPLE.works, at: at(3), word: 'เห็นชอบ', signature: SIG.any })).state;
    expect(state.currentStep).toBe(1);
  });

  it('one addressee decides once, and one person once, however many positions they can act for', () => {
    const state = started(fanOut({ rule: 'ALL' }));
    const once = accepted(decide(state, { actor: PEOPLE.finance, at: at(3), word: 'เห็นชอบ', signature: SIG.any })).state;
    refusedWith(decide(once, { actor: PEOPLE.finance, at: at(3), word: 'เห็นชอบ', signature: SIG.any }), 'ALREADY_DECIDED');

    const twoHats = actor('person-two-hats', [holds(POS.works), { ...holds(POS.health), capacity: 'ACTING', orderRef: 'คำสั่ง ๑/๒๕๖๘' }]);
    refusedWith(decide(state, { actor: twoHats, at: at(3), word: 'เห็นชอบ', signature: SIG.any }), 'AMBIGUOUS_POSITION');
    const first = accepted(decide(state, { actor: twoHats, at: at(3), word: 'เห็นชอบ', signature: SIG.any, positionId: POS.health }));
    expect(first.event).toMatchObject({ onBehalfOfPositionId: POS.health, capacity: 'ACTING', orderRef: 'คำสั่ง ๑/๒๕๖๘' });
    refusedWith(decide(first.state, { actor: twoHats, at: at(3), word: 'เห็นชอบ', signature: SIG.any, positionId: POS.works }), 'ALREADY_DECIDED');

    const deputy = actor('person-deputy', [holds(POS.deputyPalad)], [delegation(POS.finance, POS.deputyPalad, 'คำสั่ง ๒/๒๕๖๘')]);
    refusedWith(decide(once, { actor: deputy, at: at(3), word: 'เห็นชอบ', signature: SIG.any }), 'ALREADY_DECIDED');
  });

  it('one addressee can reject for the whole route, keeping the decisions already made', () => {
    const one = accepted(decide(started(fanOut({ rule: 'ALL' })), { actor: PEOPLE.finance, at: at(3), word: 'เห็นชอบ', signature: SIG.any })).state;
    const r = accepted(reject(one, { actor: PEOPLE.works, at: at(4), word: 'ไม่เห็นชอบ', reason: 'งบไม่พอ', signature: SIG.any }));
    expect(r.state.steps[0].decisions.map((d) => d.outcome)).toEqual(['positive', 'negative']);
    expect(checkInvariants(r.state)).toEqual([]);
  });

  it('a return clears the decisions of the step it comes from', () => {
    const one = accepted(decide(started(fanOut({ rule: 'ALL' })), { actor: PEOPLE.finance, at: at(3), word: 'เห็นชอบ', signature: SIG.any })).state;
    const r = accepted(returnForRevision(one, { actor: PEOPLE.works, at: at(4), to: 'DRAFTER', reason: 'ขอข้อมูลเพิ่ม' }));
    expect(r.state.steps[0]).toMatchObject({ status: 'PENDING', decisions: [] });
  });
});

describe('top-down distribution (นายก → all กอง, each acknowledges ทราบ)', () => {
  const notice: RouteTemplate = {
    ...fanOut({ rule: 'ALL' }, 'DISTRIBUTION', [{ word: 'ทราบ', outcome: 'neutral' }]),
    steps: [sequential('nayok', POS.nayok, { words: [{ word: 'ลงนาม', outcome: 'positive' }] }), { ...fanOut({ rule: 'ALL' }, 'DISTRIBUTION', [{ word: 'ทราบ', outcome: 'neutral' }]).steps[0] }],
  };

  it('completes when every unit has acknowledged, and cannot be returned or rejected', () => {
    let state = accepted(decide(started(notice), { actor: PEOPLE.nattakorn, at: at(3), word: 'ลงนาม', signature: SIG.nattakorn })).state;
    refusedWith(returnForRevision(state, { actor: PEOPLE.finance, at: at(4), to: 'DRAFTER', reason: 'x' }), 'RETURN_NOT_ALLOWED');
    refusedWith(reject(state, { actor: PEOPLE.finance, at: at(4), word: 'ไม่ทราบ', reason: 'x', signature: SIG.any }), 'WORD_NOT_ALLOWED');
    for (const head of UNIT_HEADS) state = accepted(decide(state, { actor: head, at: at(4), word: 'ทราบ', signature: SIG.any })).state;
    expect(state.status).toBe('COMPLETED');
    expect(waitingOn(state)).toEqual([]);
  });
});
