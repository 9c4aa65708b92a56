import { MEMO_001 } from '../../../../libs/documents/src/__fixtures__/memo-001';
import { ORDER_002 } from '../../../../libs/documents/src/__fixtures__/order-002';
import { parsePrintable } from './printable-document';
import { UnprintableError } from './unprintable.error';

const stored = (content: unknown): unknown => JSON.parse(JSON.stringify(content));

describe('parsePrintable', () => {
  it('takes a stored memo and a stored order as the documents model', () => {
    expect(parsePrintable('MEMO', stored(MEMO_001))).toEqual({ kind: 'MEMO', memo: MEMO_001 });
    expect(parsePrintable('ORDER', stored(ORDER_002))).toEqual({ kind: 'ORDER', order: ORDER_002 });
  });

  it('keeps fields it does not print out of the way (route fields stay in the content)', () => {
    const parsed = parsePrintable('MEMO', { ...stored(MEMO_001) as object, fields: { vacant: true } });
    expect(parsed).toEqual({ kind: 'MEMO', memo: MEMO_001 });
  });

  it('names every field that is off', () => {
    const content = { ...MEMO_001, subject: '  ', date: { year: 2025, month: 9, day: 31 }, blocks: [{ kind: 'stamp' }] };
    const error = (() => {
      try {
        parsePrintable('MEMO', content);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(UnprintableError);
    expect(error?.message).toMatch(/^content is not a printable MEMO/);
    for (const path of ['subject', 'date', 'blocks[0].kind']) expect(error?.message).toContain(`at ${path}`);
  });

  it('refuses free-form content and an order given as a memo', () => {
    expect(() => parsePrintable('MEMO', { title: 'x', body: 'y' })).toThrow(UnprintableError);
    expect(() => parsePrintable('MEMO', stored(ORDER_002))).toThrow(UnprintableError);
    expect(() => parsePrintable('ORDER', null)).toThrow(UnprintableError);
  });
});
