export type FieldValue = string | number | boolean | null;
export type DocumentFields = Readonly<Record<string, FieldValue>>;

/**
 * The whole rule language for optional steps: data only, evaluated purely against the
 * document version's fields. A missing field reads as null.
 */
export type Condition =
  | { readonly op: 'eq' | 'ne'; readonly field: string; readonly value: FieldValue }
  | { readonly op: 'in'; readonly field: string; readonly values: readonly FieldValue[] }
  | { readonly op: 'lt' | 'lte' | 'gt' | 'gte'; readonly field: string; readonly value: number }
  | { readonly op: 'present'; readonly field: string }
  | { readonly op: 'all' | 'any'; readonly of: readonly Condition[] }
  | { readonly op: 'not'; readonly of: Condition };

export function evaluate(condition: Condition, fields: DocumentFields): boolean {
  switch (condition.op) {
    case 'all':
      return condition.of.every((c) => evaluate(c, fields));
    case 'any':
      return condition.of.some((c) => evaluate(c, fields));
    case 'not':
      return !evaluate(condition.of, fields);
    case 'present':
      return read(fields, condition.field) !== null;
    case 'eq':
      return read(fields, condition.field) === condition.value;
    case 'ne':
      return read(fields, condition.field) !== condition.value;
    case 'in':
      return condition.values.includes(read(fields, condition.field));
    default:
      return compare(condition.op, read(fields, condition.field), condition.value);
  }
}

function read(fields: DocumentFields, field: string): FieldValue {
  return Object.hasOwn(fields, field) ? fields[field] : null;
}

function compare(op: 'lt' | 'lte' | 'gt' | 'gte', actual: FieldValue, expected: number): boolean {
  if (typeof actual !== 'number') return false;
  const order = { lt: actual < expected, lte: actual <= expected, gt: actual > expected, gte: actual >= expected };
  return order[op];
}
