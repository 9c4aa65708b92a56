import { type Condition, evaluate } from '@kasian/workflow';

const fields = { vacant: true, amount: 50_000, unit: 'กองคลัง', note: null };

describe('evaluate: the condition language of optional steps', () => {
  it.each<[Condition, boolean]>([
    [{ op: 'eq', field: 'vacant', value: true }, true],
    [{ op: 'eq', field: 'missing', value: null }, true],
    [{ op: 'ne', field: 'vacant', value: true }, false],
    [{ op: 'in', field: 'unit', values: ['กองช่าง', 'กองคลัง'] }, true],
    [{ op: 'in', field: 'unit', values: ['กองช่าง'] }, false],
    [{ op: 'present', field: 'unit' }, true],
    [{ op: 'present', field: 'note' }, false],
    [{ op: 'present', field: 'missing' }, false],
    [{ op: 'gt', field: 'amount', value: 50_000 }, false],
    [{ op: 'gte', field: 'amount', value: 50_000 }, true],
    [{ op: 'lt', field: 'amount', value: 50_001 }, true],
    [{ op: 'lte', field: 'amount', value: 49_999 }, false],
    [{ op: 'gt', field: 'unit', value: 0 }, false],
    [{ op: 'all', of: [{ op: 'eq', field: 'vacant', value: true }, { op: 'gte', field: 'amount', value: 1 }] }, true],
    [{ op: 'all', of: [{ op: 'eq', field: 'vacant', value: true }, { op: 'gte', field: 'amount', value: 1e9 }] }, false],
    [{ op: 'any', of: [{ op: 'eq', field: 'vacant', value: false }, { op: 'eq', field: 'unit', value: 'กองคลัง' }] }, true],
    [{ op: 'any', of: [] }, false],
    [{ op: 'not', of: { op: 'eq', field: 'vacant', value: true } }, false],
  ])('%j → %s', (condition, expected) => {
    expect(evaluate(condition, fields)).toBe(expected);
  });

  it('reads only own fields, not inherited ones', () => {
    expect(evaluate({ op: 'present', field: 'toString' }, {})).toBe(false);
  });
});
