import { type RouteTemplate, actionableFor, decide, resolveAuthority, submit } from '@kasian/workflow';
import { MEMO_ROUTE, OFFICE, PEOPLE, POS, SIG, T0, accepted, actor, actsIn, at, delegation, draft, holds, refusedWith, sequential } from './__fixtures__/pa-tueng';

const MEMO = { documentKind: 'MEMO' };

describe('resolveAuthority: the grant-resolution rule', () => {
  it('prefers holding the post, then acting in it, then a delegation', () => {
    const everything = actor('p', [actsIn(POS.palad, T0, null, 'คำสั่ง ๑'), holds(POS.palad), holds(POS.deputyPalad)], [delegation(POS.palad, POS.deputyPalad, 'คำสั่ง ๒')]);
    expect(resolveAuthority(everything, POS.palad, at(5), MEMO)).toMatchObject({ capacity: 'HOLDER' });
    const actingAndDelegate = actor('p', [actsIn(POS.palad, T0, null, 'คำสั่ง ๑'), holds(POS.deputyPalad)], everything.delegations);
    expect(resolveAuthority(actingAndDelegate, POS.palad, at(5), MEMO)).toMatchObject({ capacity: 'ACTING', orderRef: 'คำสั่ง ๑' });
    const delegateOnly = actor('p', [holds(POS.deputyPalad)], everything.delegations);
    expect(resolveAuthority(delegateOnly, POS.palad, at(5), MEMO)).toEqual({
      onBehalfOfPositionId: POS.palad,
      actingPositionId: POS.deputyPalad,
      capacity: 'DELEGATED',
      orderRef: 'คำสั่ง ๒',
      grantId: `del-${POS.palad}-${POS.deputyPalad}`,
    });
  });

  it('among grants of one kind, the most recently started wins, then the smallest id', () => {
    const older = actsIn(POS.palad, at(1), null, 'คำสั่ง เก่า', 'b');
    const newer = actsIn(POS.palad, at(3), null, 'คำสั่ง ใหม่', 'c');
    const twin = actsIn(POS.palad, at(3), null, 'คำสั่ง แฝด', 'a');
    expect(resolveAuthority(actor('p', [older, newer]), POS.palad, at(5), MEMO)?.orderRef).toBe('คำสั่ง ใหม่');
    expect(resolveAuthority(actor('p', [newer, older, twin]), POS.palad, at(5), MEMO)?.orderRef).toBe('คำสั่ง แฝด');
    expect(resolveAuthority(actor('p', [twin, newer, older]), POS.palad, at(5), MEMO)?.orderRef).toBe('คำสั่ง แฝด');
  });

  it('treats validity as half-open: from the start instant, up to but not including the end', () => {
    const acting = actor('p', [actsIn(POS.palad, at(5), at(8), 'คำสั่ง ๓')]);
    expect(resolveAuthority(acting, POS.palad, at(5), MEMO)).not.toBeNull();
    expect(resolveAuthority(acting, POS.palad, '2025-10-08T08:59:59.999+07:00', MEMO)).not.toBeNull();
    expect(resolveAuthority(acting, POS.palad, at(8), MEMO)).toBeNull();
    expect(resolveAuthority(acting, POS.palad, '2025-10-05T08:59:59+07:00', MEMO)).toBeNull();
  });

  it('applies a delegation only while it and the delegate post are both held, within its scope', () => {
    const scoped = delegation(POS.nayok, POS.deputyNayok, 'คำสั่ง ๔', { scope: { documentKinds: ['MEMO'], outcomes: ['positive'] }, endsAt: at(10) });
    const deputy = actor('p', [holds(POS.deputyNayok, 'asg', T0, at(9))], [scoped]);
    expect(resolveAuthority(deputy, POS.nayok, at(5), { documentKind: 'MEMO', outcome: 'positive' })).not.toBeNull();
    expect(resolveAuthority(deputy, POS.nayok, at(5), MEMO)).not.toBeNull();
    expect(resolveAuthority(deputy, POS.nayok, at(5), { documentKind: 'MEMO', outcome: 'negative' })).toBeNull();
    expect(resolveAuthority(deputy, POS.nayok, at(5), { documentKind: 'ORDER' })).toBeNull();
    expect(resolveAuthority(deputy, POS.nayok, at(9), MEMO)).toBeNull(); // no longer holds the delegate post
    expect(resolveAuthority({ ...deputy, assignments: [holds(POS.deputyNayok)] }, POS.nayok, at(10), MEMO)).toBeNull(); // delegation ended
    expect(resolveAuthority(deputy, POS.palad, at(5), MEMO)).toBeNull(); // another principal
  });
});

describe('รักษาราชการแทน: acting during leave', () => {
  // หัวหน้าสำนักปลัด on leave 3–6 October; หัวหน้าฝ่ายอำนวยการ acts in the post under an order.
  const actingHead = actor(PEOPLE.kanokporn.personId, [holds(POS.headAdmin), actsIn(POS.headPaladOffice, at(3), at(6), 'คำสั่ง อบต.ป่าตึง ที่ ๒๑๐/๒๕๖๘')]);
  const atHeadPaladOffice = () => {
    const s = accepted(submit(draft(), { actor: PEOPLE.drafter, at: at(2) })).state;
    return accepted(decide(s, { actor: PEOPLE.kanokporn, at: at(2, 10), word: 'เสนอ', signature: SIG.kanokporn })).state;
  };

  it('lets the acting person decide as that position, recording both positions and the order', () => {
    const state = atHeadPaladOffice();
    expect(actionableFor(state, actingHead, at(4))).toEqual([
      { stepIndex: 1, stepKey: 'head-palad-office', authority: expect.objectContaining({ capacity: 'ACTING' }), words: [{ word: 'เห็นชอบ', outcome: 'positive' }], mayReturn: true },
    ]);
    const r = accepted(decide(state, { actor: actingHead, at: at(4), word: 'เห็นชอบ', signature: { ...SIG.kanokporn, positionTitleAsPrinted: 'รักษาราชการแทนหัวหน้าสำนักปลัด' } }));
    expect(r.event).toMatchObject({
      actorPersonId: PEOPLE.kanokporn.personId,
      actingPositionId: POS.headPaladOffice,
      onBehalfOfPositionId: POS.headPaladOffice,
      capacity: 'ACTING',
      orderRef: 'คำสั่ง อบต.ป่าตึง ที่ ๒๑๐/๒๕๖๘',
    });
    expect(r.state.template.steps[1].addressees).toEqual([POS.headPaladOffice]);
  });

  it('stops at the end of the grant; the returning holder decides', () => {
    const state = atHeadPaladOffice();
    expect(actionableFor(state, actingHead, at(6))).toEqual([]);
    refusedWith(decide(state, { actor: actingHead, at: at(6), word: 'เห็นชอบ', signature: SIG.kanokporn }), 'NOT_YOUR_TURN');
    refusedWith(decide(state, { actor: { ...actingHead, assignments: actingHead.assignments.slice(1) }, at: at(6), word: 'เห็นชอบ', signature: SIG.kanokporn }), 'NOT_AUTHORISED_FOR_POSITION');
    expect(accepted(decide(state, { actor: PEOPLE.napatthiya, at: at(6), word: 'เห็นชอบ', signature: SIG.napatthiya })).event.capacity).toBe('HOLDER');
  });
});

describe('ปฏิบัติราชการแทน: crossed delegations never swap principals', () => {
  // A = ผอ.กองคลัง delegates to C = รองปลัด; B = ผอ.กองช่าง delegates to D = รองนายก, at the same time.
  const A = POS.finance;
  const B = POS.works;
  const delegations = [delegation(A, POS.deputyPalad, 'คำสั่ง ๕/๒๕๖๘'), delegation(B, POS.deputyNayok, 'คำสั่ง ๖/๒๕๖๘')];
  const C = actor('person-c', [holds(POS.deputyPalad)], delegations);
  const D = actor('person-d', [holds(POS.deputyNayok)], delegations);
  const both: RouteTemplate = {
    id: 'tpl-both',
    version: 1,
    officeId: OFFICE,
    documentKind: 'MEMO',
    name: 'สองกอง',
    onResubmit: 'RESUME',
    steps: [{ key: 'two', title: 'สองกอง', kind: 'PARALLEL', addressees: [A, B], completion: { rule: 'ALL' }, words: [{ word: 'เห็นชอบ', outcome: 'positive' }], comment: 'OPTIONAL' }],
  };
  const start = () => accepted(submit(draft(both), { actor: PEOPLE.drafter, at: at(2) })).state;

  it.each([
    ['C then D', [C, D]],
    ['D then C', [D, C]],
  ])('%s: C for A, D for B', (_, order) => {
    const first = accepted(decide(start(), { actor: order[0], at: at(3), word: 'เห็นชอบ', signature: SIG.any }));
    const second = accepted(decide(first.state, { actor: order[1], at: at(4), word: 'เห็นชอบ', signature: SIG.any }));
    const byPerson = Object.fromEntries([first.event, second.event].map((e) => [e.actorPersonId, [e.onBehalfOfPositionId, e.actingPositionId, e.orderRef]]));
    expect(byPerson).toEqual({ 'person-c': [A, POS.deputyPalad, 'คำสั่ง ๕/๒๕๖๘'], 'person-d': [B, POS.deputyNayok, 'คำสั่ง ๖/๒๕๖๘'] });
    expect(second.state.status).toBe('COMPLETED');
  });

  it('C cannot act for B, even when A has already been decided', () => {
    const afterA = accepted(decide(start(), { actor: PEOPLE.finance, at: at(3), word: 'เห็นชอบ', signature: SIG.any })).state;
    refusedWith(decide(afterA, { actor: C, at: at(4), word: 'เห็นชอบ', signature: SIG.any }), 'ALREADY_DECIDED');
    refusedWith(decide(afterA, { actor: C, at: at(4), word: 'เห็นชอบ', signature: SIG.any, positionId: B }), 'NOT_AUTHORISED_FOR_POSITION');
  });

  it('narrows the inbox words to the delegated class of decisions', () => {
    const approveOnly = actor('person-c', [holds(POS.deputyNayok)], [delegation(POS.nayok, POS.deputyNayok, 'คำสั่ง ๗', { scope: { outcomes: ['positive'] } })]);
    const nayokOnly: RouteTemplate = { ...both, steps: [sequential('nayok', POS.nayok, { words: [{ word: 'อนุมัติ', outcome: 'positive' }, { word: 'ไม่อนุมัติ', outcome: 'negative' }] })] };
    const state = accepted(submit(draft(nayokOnly), { actor: PEOPLE.drafter, at: at(2) })).state;
    expect(actionableFor(state, approveOnly, at(3))).toMatchObject([{ words: [{ word: 'อนุมัติ' }], authority: { capacity: 'DELEGATED' } }]);
  });
});

describe('the drafter and their own document', () => {
  const selfApproval: RouteTemplate = { ...MEMO_ROUTE, steps: [sequential('self', POS.strategy, { drafterMayDecide: true }), sequential('head', POS.strategy)] };

  it('may decide only where the template allows it', () => {
    const state = accepted(submit(draft(selfApproval), { actor: PEOPLE.drafter, at: at(2) })).state;
    expect(actionableFor(state, PEOPLE.drafter, at(3))).toHaveLength(1);
    const next = accepted(decide(state, { actor: PEOPLE.drafter, at: at(3), word: 'เห็นชอบ', signature: SIG.any })).state;
    expect(actionableFor(next, PEOPLE.drafter, at(3))).toEqual([]);
    refusedWith(decide(next, { actor: PEOPLE.drafter, at: at(3), word: 'เห็นชอบ', signature: SIG.any }), 'DRAFTER_CANNOT_DECIDE');
  });
});
