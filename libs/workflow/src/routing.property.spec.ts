import fc from 'fast-check';
import {
  type ActionResult,
  type Actor,
  type RouteInstance,
  type RouteTemplate,
  type StepTemplate,
  WORKFLOW_ERROR_CODES,
  actionableFor,
  cancel,
  checkInvariants,
  createRoute,
  decide,
  evaluate,
  recall,
  reject,
  requiredDecisions,
  resubmit,
  returnForRevision,
  submit,
} from '@kasian/workflow';
import { SIG, T0, actor, actsIn, at, delegation, doc, holds } from './__fixtures__/pa-tueng';

const P = ['P1', 'P2', 'P3', 'P4', 'P5'];
const ACTORS: Actor[] = [
  actor('drafter', [holds('D'), holds('P5', 'asg-drafter-P5')]),
  actor('a1', [holds('P1')]),
  actor('a2', [holds('P2')]),
  actor('a3', [holds('P3')]),
  actor('a4', [holds('P4', 'asg-P4', T0, at(6))]),
  actor('a5', [holds('P5')]),
  actor('x', [actsIn('P2', at(3), at(8), 'คำสั่ง ๑'), actsIn('P4', at(4), null, 'คำสั่ง ๒')]),
  actor('m', [holds('P1', 'asg-m-P1'), holds('P2', 'asg-m-P2')]),
  actor('c', [holds('Q')], [delegation('P1', 'Q', 'คำสั่ง ๓', { scope: { outcomes: ['positive', 'neutral'] } }), delegation('P3', 'Q', 'คำสั่ง ๔')]),
  actor('outsider', []),
];
const WORDS = ['เห็นชอบ', 'ทราบ', 'ไม่เห็นชอบ', 'อนุมัติ', 'ไม่ทราบ'];

const stepArb = (key: string): fc.Arbitrary<StepTemplate> =>
  fc
    .record({
      kind: fc.constantFrom('SEQUENTIAL', 'PARALLEL', 'DISTRIBUTION'),
      addressees: fc.shuffledSubarray(P, { minLength: 1, maxLength: 5 }),
      rule: fc.constantFrom('ALL', 'ANY', 'K_OF_N'),
      k: fc.nat(),
      comment: fc.constantFrom('NONE', 'OPTIONAL', 'REQUIRED'),
      conditional: fc.boolean(),
      drafterMayDecide: fc.boolean(),
    })
    .map(({ kind, addressees, rule, k, comment, conditional, drafterMayDecide }): StepTemplate => {
      const n = kind === 'SEQUENTIAL' ? 1 : addressees.length;
      const completion = kind === 'DISTRIBUTION' ? { rule: 'ALL' as const } : rule === 'K_OF_N' ? { rule, k: 1 + (k % n) } : { rule: rule as 'ALL' | 'ANY' };
      const words: StepTemplate['words'] =
        kind === 'DISTRIBUTION'
          ? [{ word: 'ทราบ', outcome: 'neutral' }]
          : [
              { word: 'เห็นชอบ', outcome: 'positive' },
              { word: 'ไม่เห็นชอบ', outcome: 'negative' },
            ];
      return {
        key,
        title: key,
        kind: kind as StepTemplate['kind'],
        addressees: addressees.slice(0, n),
        completion,
        words,
        comment: comment as StepTemplate['comment'],
        drafterMayDecide,
        ...(conditional ? { when: { op: 'eq' as const, field: 'flag', value: true } } : {}),
      };
    });

const templateArb: fc.Arbitrary<RouteTemplate> = fc
  .record({ count: fc.integer({ min: 1, max: 4 }), onResubmit: fc.constantFrom('RESUME', 'RESTART') })
  .chain(({ count, onResubmit }) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => stepArb(`s${i}`))).map((steps) => ({
      id: 'tpl',
      version: 1,
      officeId: 'office',
      documentKind: 'MEMO',
      name: 'random',
      onResubmit: onResubmit as RouteTemplate['onResubmit'],
      steps,
    })),
  );

type Command = { readonly kind: string; readonly run: (s: RouteInstance) => ActionResult };

/**
 * Random choices, read against the state when the command runs: "random" ignores the state,
 * "inbox" picks among what actionableFor offers (so routes make progress), "again" replays the
 * person who last decided at the open step (so double decisions get attempted).
 */
interface Pick {
  readonly mode: 'random' | 'inbox' | 'again';
  readonly who: number;
  readonly word: number;
  readonly comment: number;
  readonly position: number;
  readonly day: number;
}
const pickArb: fc.Arbitrary<Pick> = fc.record({
  mode: fc.oneof({ weight: 5, arbitrary: fc.constant('inbox' as const) }, { weight: 2, arbitrary: fc.constant('random' as const) }, { weight: 2, arbitrary: fc.constant('again' as const) }),
  who: fc.nat(),
  word: fc.nat(),
  comment: fc.nat(),
  position: fc.nat(),
  day: fc.integer({ min: 1, max: 9 }),
});
const COMMENTS = [undefined, '', 'ความเห็นประกอบ'];
const POSITIONS = [undefined, ...P];

interface Chosen {
  readonly actor: Actor;
  readonly at: string;
  readonly word: string;
  readonly comment: string | undefined;
  readonly positionId: string | undefined;
}

function choose(s: RouteInstance, pick: Pick, negative: boolean): Chosen {
  const time = at(pick.day);
  const step = s.currentStep === null ? undefined : s.template.steps[s.currentStep];
  const fitting = (words: readonly { word: string; outcome: string }[]) => words.filter((w) => (w.outcome === 'negative') === negative).map((w) => w.word);
  const comment = step?.comment === 'REQUIRED' ? 'ความเห็น' : step?.comment === 'NONE' ? undefined : COMMENTS[pick.comment % 3];
  const items = ACTORS.flatMap((a) => actionableFor(s, a, time).map((item) => ({ a, item, words: fitting(item.words) }))).filter((c) => c.words.length > 0);
  const last = step && s.steps[s.currentStep!].decisions.at(-1);
  if (pick.mode === 'inbox' && items.length > 0) {
    const { a, item, words } = items[pick.who % items.length];
    return { actor: a, at: time, word: words[pick.word % words.length], comment, positionId: pick.position % 2 ? item.authority.onBehalfOfPositionId : undefined };
  }
  if (pick.mode === 'again' && last) {
    const words = fitting(step!.words);
    return { actor: ACTORS.find((a) => a.personId === last.personId)!, at: time, word: words[pick.word % words.length] ?? 'ไม่มี', comment, positionId: POSITIONS[pick.position % POSITIONS.length] };
  }
  return { actor: ACTORS[pick.who % ACTORS.length], at: time, word: WORDS[pick.word % WORDS.length], comment: COMMENTS[pick.comment % 3], positionId: POSITIONS[pick.position % POSITIONS.length] };
}

const drafterMostly = fc.oneof({ weight: 3, arbitrary: fc.constant(ACTORS[0]) }, { weight: 1, arbitrary: fc.nat({ max: ACTORS.length - 1 }).map((i) => ACTORS[i]) });
const when = fc.integer({ min: 1, max: 9 }).map((d) => at(d));
const version = fc.record({ id: fc.constantFrom('v1', 'v2', 'v3', 'v4'), flag: fc.boolean() }).map(({ id, flag }) => doc(id, { flag }));
const target = fc.constantFrom<'DRAFTER' | { stepKey: string }>('DRAFTER', { stepKey: 's0' }, { stepKey: 's1' }, { stepKey: 's2' }, { stepKey: 'zz' });

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 8, arbitrary: pickArb.map((p) => ({ kind: 'DECIDED', run: (s: RouteInstance) => decide(s, { ...choose(s, p, false), signature: SIG.any }) })) },
  pickArb.map((p) => ({ kind: 'REJECTED', run: (s: RouteInstance) => reject(s, { ...choose(s, p, true), reason: p.comment % 4 ? 'เหตุผล' : '', signature: SIG.any }) })),
  fc.tuple(pickArb, target).map(([p, to]) => ({ kind: 'RETURNED', run: (s: RouteInstance) => returnForRevision(s, { ...choose(s, p, false), to, reason: p.comment % 4 ? 'แก้ไข' : '' }) })),
  fc.tuple(pickArb, fc.boolean()).map(([p, drafter]) => ({ kind: 'RECALLED', run: (s: RouteInstance) => recall(s, drafter ? { actor: ACTORS[0], at: at(p.day) } : choose(s, { ...p, mode: 'again' }, false)) })),
  fc.record({ actor: drafterMostly, at: when }).map((c) => ({ kind: 'SUBMITTED', run: (s: RouteInstance) => submit(s, c) })),
  fc.record({ actor: drafterMostly, at: when, document: version }).map((c) => ({ kind: 'RESUBMITTED', run: (s: RouteInstance) => resubmit(s, c) })),
  fc.record({ actor: drafterMostly, at: when }).map((c) => ({ kind: 'CANCELLED', run: (s: RouteInstance) => cancel(s, c) })),
);

function start(template: RouteTemplate, flag: boolean): RouteInstance {
  const r = createRoute({ instanceId: 'i', documentId: 'd', template, drafter: { personId: 'drafter', positionId: 'D' }, document: doc('v0', { flag }), at: T0 });
  if (!r.ok) throw new Error(r.error.code);
  return r.state;
}

/** What must hold between the state before and after one accepted action. */
function transitionProblems(before: RouteInstance, after: RouteInstance, kind: string, result: Extract<ActionResult, { ok: true }>): string[] {
  const problems = checkInvariants(after);
  if (result.event.type !== kind) problems.push(`event ${result.event.type} for ${kind}`);
  if (after.version !== before.version + 1 || result.event.version !== after.version) problems.push('version not bumped by exactly one');
  after.steps.forEach((s, i) => {
    const step = after.template.steps[i];
    if (s.status === 'SKIPPED' && before.steps[i].status !== 'SKIPPED' && evaluate(step.when!, after.document.fields)) problems.push(`skipped applicable step ${s.key}`);
    if (s.status === 'DONE' && before.steps[i].status !== 'DONE' && s.decisions.length !== requiredDecisions(step)) problems.push(`closed ${s.key} early`);
  });
  if (kind === 'DECIDED' && before.currentStep !== null && after.currentStep !== null) {
    const passed = after.steps.slice(before.currentStep + 1, after.currentStep);
    if (after.currentStep < before.currentStep || passed.some((s) => s.status !== 'SKIPPED')) problems.push('a decision jumped over a step');
  }
  return problems;
}

describe('routing properties', () => {
  it('random actions by random actors keep the route sound, one event and one version per accepted action, nothing changed when refused', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(templateArb, fc.boolean(), fc.array(commandArb, { minLength: 20, maxLength: 80 }), (template, flag, commands) => {
        let state = start(template, flag);
        for (const command of commands) {
          const before = state;
          const snapshot = JSON.stringify(state);
          const result = command.run(state);
          if (JSON.stringify(state) !== snapshot) expect(state).toEqual(JSON.parse(snapshot)); // the input is never touched, accepted or not
          if (!result.ok) {
            expect(WORKFLOW_ERROR_CODES).toContain(result.error.code);
            expect(result.error.messageTh.length).toBeGreaterThan(0);
            expect(Object.keys(result)).toEqual(['ok', 'error']);
            continue;
          }
          expect(transitionProblems(before, result.state, command.kind, result)).toEqual([]);
          state = result.state;
          seen.add(command.kind).add(state.status).add(result.event.capacity ?? 'none');
        }
      }),
      { numRuns: 300 },
    );
    // The generator must actually reach every action, every outcome and every capacity.
    expect([...seen].sort()).toEqual(
      ['ACTING', 'CANCELLED', 'COMPLETED', 'DECIDED', 'DELEGATED', 'HOLDER', 'IN_ROUTE', 'RECALLED', 'REJECTED', 'RESUBMITTED', 'RETURNED', 'SUBMITTED', 'none'].sort(),
    );
  });

  it('whatever the template, acting on what the inbox offers completes the route without a refusal', () => {
    fc.assert(
      fc.property(templateArb, fc.boolean(), (template, flag) => {
        let state = start(template, flag);
        const sent = submit(state, { actor: ACTORS[0], at: at(2) });
        if (!sent.ok) throw new Error(sent.error.code);
        state = sent.state;
        for (let guard = 0; state.status === 'IN_ROUTE'; guard++) {
          expect(guard).toBeLessThan(30);
          const [item, who] = ACTORS.flatMap((a) => actionableFor(state, a, at(5)).map((i) => [i, a] as const))[0];
          const word = item.words.find((w) => w.outcome !== 'negative')!.word;
          const r = decide(state, { actor: who, at: at(5), word, comment: template.steps[item.stepIndex].comment === 'NONE' ? null : 'ความเห็น', positionId: item.authority.onBehalfOfPositionId, signature: SIG.any });
          expect(r).toMatchObject({ ok: true, event: { onBehalfOfPositionId: item.authority.onBehalfOfPositionId } });
          if (r.ok) state = r.state;
        }
        expect(state.status).toBe('COMPLETED');
      }),
      { numRuns: 200 },
    );
  });
});
