import { type RouteTemplate, type StepTemplate, createRoute, requiredDecisions, validateTemplate } from '@kasian/workflow';
import { MEMO_ROUTE, POS, at, doc, sequential } from './__fixtures__/pa-tueng';

const parallel = (extra: Partial<StepTemplate> = {}): StepTemplate => ({
  ...sequential('units', POS.finance),
  kind: 'PARALLEL',
  addressees: [POS.finance, POS.works, POS.health],
  ...extra,
});
const withSteps = (...steps: StepTemplate[]): RouteTemplate => ({ ...MEMO_ROUTE, steps });

describe('validateTemplate', () => {
  it('accepts the 001 route', () => {
    expect(validateTemplate(MEMO_ROUTE)).toEqual([]);
  });

  it.each<[string, RouteTemplate, string]>([
    ['version', { ...MEMO_ROUTE, version: 0 }, 'version must be a positive integer'],
    ['fractional version', { ...MEMO_ROUTE, version: 1.5 }, 'version must be a positive integer'],
    ['no steps', withSteps(), 'a route needs at least one step'],
    ['duplicate keys', withSteps(MEMO_ROUTE.steps[0], MEMO_ROUTE.steps[0]), 'step keys must be unique'],
    ['no addressee', withSteps(parallel({ addressees: [] })), 'units: no addressee'],
    ['duplicate addressee', withSteps(parallel({ addressees: [POS.finance, POS.finance] })), 'units: an addressee appears twice'],
    ['sequential with two', withSteps({ ...parallel(), kind: 'SEQUENTIAL' }), 'units: a sequential step has exactly one addressee'],
    ['k too large', withSteps(parallel({ completion: { rule: 'K_OF_N', k: 4 } })), 'units: k must be between 1 and the number of addressees'],
    ['k zero', withSteps(parallel({ completion: { rule: 'K_OF_N', k: 0 } })), 'units: k must be between 1 and the number of addressees'],
    ['k fractional', withSteps(parallel({ completion: { rule: 'K_OF_N', k: 1.5 } })), 'units: k must be between 1 and the number of addressees'],
    ['duplicate word', withSteps(parallel({ words: [{ word: 'ทราบ', outcome: 'neutral' }, { word: 'ทราบ', outcome: 'positive' }] })), 'units: a decision word appears twice'],
    ['only negative words', withSteps(parallel({ words: [{ word: 'ไม่อนุมัติ', outcome: 'negative' }] })), 'units: no word lets the step go forward'],
    ['distribution any-of', withSteps(parallel({ kind: 'DISTRIBUTION', completion: { rule: 'ANY' }, words: [{ word: 'ทราบ', outcome: 'neutral' }] })), 'units: a distribution is acknowledged by all and cannot be rejected'],
    ['distribution with a veto', withSteps(parallel({ kind: 'DISTRIBUTION', completion: { rule: 'ALL' } })), 'units: a distribution is acknowledged by all and cannot be rejected'],
  ])('refuses %s', (_, template, problem) => {
    expect(validateTemplate(template)).toContain(problem);
  });

  it('refuses to start a route on an invalid template', () => {
    const r = createRoute({ instanceId: 'i', documentId: 'd', template: withSteps(), drafter: { personId: 'p', positionId: 'x' }, document: doc('v1'), at: at(1) });
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_TEMPLATE', category: 'invalid', details: { problems: ['a route needs at least one step'] } }) });
  });
});

describe('requiredDecisions', () => {
  it('is n for all-of, 1 for any-of, k for k-of-n', () => {
    expect(requiredDecisions(parallel({ completion: { rule: 'ALL' } }))).toBe(3);
    expect(requiredDecisions(parallel({ completion: { rule: 'ANY' } }))).toBe(1);
    expect(requiredDecisions(parallel({ completion: { rule: 'K_OF_N', k: 2 } }))).toBe(2);
  });
});
