import { DRAFT_IMPRINT, DRAFTED_MEMO_001, IMPRINT_001 } from '../__fixtures__/imprint-001';
import { MEMO_001 } from '../__fixtures__/memo-001';
import { ANNOUNCEMENT_001 } from '../__fixtures__/announcement-001';
import { ORDER_002 } from '../__fixtures__/order-002';
import { ITA_REPORT_001 } from '../__fixtures__/ita-report-001';
import { ROUTE_001 } from '../__fixtures__/route-001';
import { imprintHash, type MemoImprint, type OrderImprint } from './imprint';
import { assemblePrintable, UnprintableContentError } from './printable';

const storedMemo = { ...DRAFTED_MEMO_001, fields: { deputyPaladVacant: true } };
const memoImprint = IMPRINT_001;
const { documentNumber, blocks } = MEMO_001;

function refusal(run: () => unknown): UnprintableContentError {
  try {
    run();
  } catch (error) {
    if (error instanceof UnprintableContentError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('assemblePrintable', () => {
  it('prints the drafted memo with the number, the date, the blocks and the appendix the route adds', () => {
    expect(assemblePrintable('MEMO', storedMemo, memoImprint)).toEqual({ kind: 'MEMO', memo: MEMO_001, timeline: ROUTE_001 });
  });

  it('a draft not numbered yet prints an empty ที่ line and no appendix; a date the drafter wrote wins over the numbering date', () => {
    const draft = assemblePrintable('MEMO', storedMemo, DRAFT_IMPRINT);
    expect(draft).toMatchObject({ memo: { documentNumber: null, date: null, blocks: [] }, timeline: null });
    const dated = assemblePrintable('MEMO', { ...storedMemo, date: { year: 2025, month: 10, day: 20 } }, memoImprint);
    expect(dated.kind === 'MEMO' && dated.memo.date).toEqual({ year: 2025, month: 10, day: 20 });
  });

  it('names every field that is off, in the content and in the imprint', () => {
    const error = refusal(() =>
      assemblePrintable('MEMO', { ...storedMemo, subject: '  ', date: { year: 2025, month: 9, day: 31 } }, { ...memoImprint, blocks: [{ kind: 'stamp' }] } as never),
    );
    expect(error.message).toMatch(/^content is not a printable MEMO/);
    expect(error.issues.map((i) => i.path)).toEqual(['content.date', 'content.subject']);
    const imprintError = refusal(() => assemblePrintable('MEMO', storedMemo, { ...memoImprint, blocks: [{ kind: 'stamp' }] } as never));
    expect(imprintError.issues.map((i) => i.path)).toEqual(['imprint.blocks.0.kind']);
  });

  it('refuses free-form content, an imprint of another kind and kinds that are not printed', () => {
    expect(() => assemblePrintable('MEMO', { title: 'x', body: 'y' }, memoImprint)).toThrow(UnprintableContentError);
    expect(() => assemblePrintable('ORDER', ORDER_002, memoImprint)).toThrow(/a MEMO imprint cannot print a ORDER/);
    expect(() => assemblePrintable('PLAN', {}, { ...memoImprint, kind: 'PLAN' } as never)).toThrow(/kind PLAN are not printed/);
  });

  it('prints a drafted order with the number, year, date and signer of the register and the route', () => {
    const { number, yearBE, date: ordered, signer, ...draftedOrder } = ORDER_002;
    const imprint: OrderImprint = { kind: 'ORDER', number, yearBE, date: ordered, signer };
    expect(assemblePrintable('ORDER', JSON.parse(JSON.stringify(draftedOrder)), imprint)).toEqual({ kind: 'ORDER', order: ORDER_002 });
    const draft = assemblePrintable('ORDER', draftedOrder, { kind: 'ORDER', number: null, yearBE: null, date: null, signer: null });
    expect(draft).toMatchObject({ order: { number: null, signer: null, effective: ORDER_002.effective } });
  });
});

describe('assemblePrintable of the ITA report', () => {
  const approval = { kind: 'decision', opinionOf: 'นายกองค์การบริหารส่วนตำบลป่าตึง', decision: 'เห็นชอบ', signature: MEMO_001.blocks[0].signature } as const;

  it('prints the generated report, closed by the executive’s decision once signed off', () => {
    const stored = JSON.parse(JSON.stringify({ ...ITA_REPORT_001, fields: {} }));
    expect(assemblePrintable('REPORT', stored, { kind: 'REPORT', approval })).toEqual({ kind: 'REPORT', report: { ...ITA_REPORT_001, approval } });
    expect(assemblePrintable('REPORT', stored, { kind: 'REPORT', approval: null })).toEqual({ kind: 'REPORT', report: { ...ITA_REPORT_001, approval: null } });
  });

  it('refuses a report that is not the ITA measures report, naming the field', () => {
    const error = refusal(() => assemblePrintable('REPORT', { title: 'รายงานอื่น', columns: [] }, { kind: 'REPORT', approval: null }));
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['content.form', 'content.columns']));
  });
});

describe('assemblePrintable of a ประกาศ', () => {
  const { numbered: _n, number, yearBE, date, signer, ...drafted } = ANNOUNCEMENT_001;
  const stored = JSON.parse(JSON.stringify(drafted));

  it('prints the drafted announcement with the number, date and signer of the register and the route', () => {
    expect(assemblePrintable('ANNOUNCEMENT', stored, { kind: 'ANNOUNCEMENT', numbered: true, number, yearBE, date, signer })).toEqual({ kind: 'ANNOUNCEMENT', announcement: ANNOUNCEMENT_001 });
  });

  it('an unsigned draft prints the signer it names, and the route’s signer replaces it', () => {
    const named = { nameAsPrinted: '(นายณัฐกรณ์ ใจรังสี)', positionTitleAsPrinted: 'นายกองค์การบริหารส่วนตำบลป่าตึง' };
    const unsigned = { kind: 'ANNOUNCEMENT', numbered: false, number: null, yearBE: null, date: null, signer: null } as const;
    expect(assemblePrintable('ANNOUNCEMENT', { ...stored, signer: named }, unsigned)).toMatchObject({ announcement: { numbered: false, signer: { ...named, rankLine: null, dateTextBE: null } } });
    const acting = { ...signer!, nameAsPrinted: '(นายสมชาย ทดลองใช้)' };
    expect(assemblePrintable('ANNOUNCEMENT', { ...stored, signer: named }, { ...unsigned, signer: acting })).toMatchObject({ announcement: { signer: acting } });
  });

  it('names every field that is off', () => {
    const error = refusal(() => assemblePrintable('ANNOUNCEMENT', { ...stored, issuer: 'MAYOR', paragraphs: 'x' }, { kind: 'ANNOUNCEMENT', numbered: 'yes' } as never));
    expect(error.issues.map((i) => i.path)).toEqual(['content.issuer', 'content.paragraphs']);
  });
});

describe('imprintHash', () => {
  it('does not depend on key order, and changes with anything printed', () => {
    const reordered = { timeline: memoImprint.timeline, blocks: memoImprint.blocks, date: memoImprint.date, documentNumber, kind: 'MEMO' } as MemoImprint;
    expect(imprintHash(reordered)).toBe(imprintHash(memoImprint));
    expect(imprintHash({ ...memoImprint, blocks: blocks.slice(0, 3) })).not.toBe(imprintHash(memoImprint));
    expect(imprintHash({ ...memoImprint, documentNumber: null })).not.toBe(imprintHash(memoImprint));
  });
});
