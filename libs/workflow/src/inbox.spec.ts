import { type RouteTemplate, actionableFor, decide, submit, waitingOn } from '@kasian/workflow';
import { OFFICE, PEOPLE, POS, SIG, accepted, actor, at, delegation, draft, holds } from './__fixtures__/pa-tueng';

const notice: RouteTemplate = {
  id: 'tpl-notice',
  version: 1,
  officeId: OFFICE,
  documentKind: 'NOTICE',
  name: 'แจ้งเวียน',
  onResubmit: 'RESUME',
  steps: [{ key: 'all-units', title: 'ทุกกอง', kind: 'DISTRIBUTION', addressees: [POS.finance, POS.works], completion: { rule: 'ALL' }, words: [{ word: 'ทราบ', outcome: 'neutral' }], comment: 'NONE' }],
};

describe('inbox queries', () => {
  it('list nothing for a route that is not waiting on anyone', () => {
    const state = draft(notice);
    expect(waitingOn(state)).toEqual([]);
    expect(actionableFor(state, PEOPLE.finance, at(2))).toEqual([]);
  });

  it('list each waiting addressee once, and drop a person once they have acted', () => {
    const state = accepted(submit(draft(notice), { actor: PEOPLE.drafter, at: at(2) })).state;
    expect(waitingOn(state)).toEqual([POS.finance, POS.works]);
    const head = actor('person-both', [holds(POS.finance), holds(POS.works)]);
    expect(actionableFor(state, head, at(3)).map((i) => [i.authority.onBehalfOfPositionId, i.mayReturn])).toEqual([
      [POS.finance, false],
      [POS.works, false],
    ]);
    const after = accepted(decide(state, { actor: head, at: at(3), word: 'ทราบ', positionId: POS.works, signature: SIG.any })).state;
    expect(waitingOn(after)).toEqual([POS.finance]);
    expect(actionableFor(after, head, at(3))).toEqual([]);
    expect(actionableFor(after, PEOPLE.finance, at(3))).toHaveLength(1);
    expect(actionableFor(after, PEOPLE.outsider, at(3))).toEqual([]);
  });

  it('leave out an item the delegation gives no word for and that cannot be returned', () => {
    const state = accepted(submit(draft(notice), { actor: PEOPLE.drafter, at: at(2) })).state;
    const approvalsOnly = actor('person-deputy', [holds(POS.deputyPalad)], [delegation(POS.finance, POS.deputyPalad, 'คำสั่ง ๘', { scope: { outcomes: ['positive'] } })]);
    expect(actionableFor(state, approvalsOnly, at(3))).toEqual([]);
  });
});
