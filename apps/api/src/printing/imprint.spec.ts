import type { Decision, RouteInstance, SignatureSnapshot } from '@kasian/workflow';
import type { TimelineEntryDto } from '../routing/dto/route-queries.dto';
import { type ImprintSources, imprintOf } from './imprint';

const HASH = { v1: '1'.repeat(64), v2: '2'.repeat(64) };
const at = (hour: number) => `2025-10-21T0${hour}:00:00.000Z`;

function sig(nameAsPrinted: string, positionTitleAsPrinted: string, rankLine: string | null = null): SignatureSnapshot {
  return { nameAsPrinted, rankLine, positionTitleAsPrinted, unitName: 'สำนักปลัด', dateTextBE: '๒๑ ตุลาคม ๒๕๖๘' };
}

const SIG = {
  drafter: sig('(นางสาวพิมพ์ชนก ทดลองใช้)', 'นักวิเคราะห์นโยบายและแผน'),
  kanokporn: sig('(นางสาวกนกพร โภชนพันธ์)', 'หัวหน้าฝ่ายอำนวยการ'),
  kittichai: sig('(กิตติชัย เจริญยิ่ง)', 'ปลัดองค์การบริหารส่วนตำบลป่าตึง', 'ร้อยโท'),
  acting: sig('(นายสมชาย ทดลองใช้)', 'รองปลัดองค์การบริหารส่วนตำบลป่าตึง\nรักษาราชการแทนนายกองค์การบริหารส่วนตำบลป่าตึง'),
};

function decision(signature: SignatureSnapshot, word: string, versionId: string, comment: string | null = null): Decision {
  return { signature, word, comment, documentVersionId: versionId, documentHash: versionId === 'v1' ? HASH.v1 : HASH.v2, at: '2025-10-23T18:30:00.000Z' } as Decision;
}

const STEPS = [
  { key: 'head', title: 'หัวหน้าฝ่ายอำนวยการ' },
  { key: 'palad', title: 'ความเห็นของปลัดองค์การบริหารส่วนตำบลป่าตึง' },
  { key: 'nayok', title: 'ความเห็นของนายกองค์การบริหารส่วนตำบลป่าตึง' },
];

function route(status: RouteInstance['status'], decisions: Decision[][]): RouteInstance {
  return {
    status,
    document: { versionId: 'v2', hash: HASH.v2, fields: {} },
    template: { steps: STEPS },
    steps: STEPS.map((s, i) => ({ key: s.key, status: 'DONE', decisions: decisions[i] ?? [], openedAt: null })),
  } as unknown as RouteInstance;
}

function entry(type: string, versionId: string, extra: Partial<TimelineEntryDto> = {}): TimelineEntryDto {
  return {
    version: 0,
    type,
    at: at(1),
    round: 1,
    stepKey: null,
    stepTitle: null,
    actorNameTh: 'นางสาวพิมพ์ชนก ทดลองใช้',
    actingPosition: { id: 'p-drafter', titleTh: 'นักวิเคราะห์นโยบายและแผน' },
    onBehalfOf: null,
    onBehalfOfHolderNameTh: null,
    capacity: null,
    orderRef: null,
    word: null,
    comment: null,
    reason: null,
    returnedTo: null,
    documentVersionId: versionId,
    documentVersionNo: versionId === 'v1' ? 1 : 2,
    documentHash: versionId === 'v1' ? HASH.v1 : HASH.v2,
    signature: null,
    ...extra,
  };
}

const TIMELINE: TimelineEntryDto[] = [
  entry('CREATED', 'v1'),
  entry('SUBMITTED', 'v1', { signature: SIG.drafter }),
  entry('DECIDED', 'v1', { stepTitle: STEPS[0].title, word: 'เสนอ', signature: SIG.kanokporn, capacity: 'HOLDER' }),
  entry('RETURNED', 'v1', { stepTitle: STEPS[1].title, reason: 'ขอให้ระบุเดือน', signature: SIG.kittichai, capacity: 'HOLDER' }),
  entry('RESUBMITTED', 'v2'),
  entry('DECIDED', 'v2', { stepTitle: STEPS[1].title, word: 'เห็นควรอนุมัติ', comment: 'ตามเสนอ', signature: SIG.kittichai, capacity: 'HOLDER' }),
  entry('DECIDED', 'v2', {
    stepTitle: STEPS[2].title,
    word: 'อนุมัติ',
    signature: SIG.acting,
    capacity: 'ACTING',
    onBehalfOf: { id: 'p-nayok', titleTh: 'นายกองค์การบริหารส่วนตำบลป่าตึง' },
    orderRef: 'คำสั่ง ที่ ๑๒/๒๕๖๘',
  }),
];

const DECISIONS = [[decision(SIG.kanokporn, 'เสนอ', 'v1')], [decision(SIG.kittichai, 'เห็นควรอนุมัติ', 'v2', 'ตามเสนอ')], [decision(SIG.acting, 'อนุมัติ', 'v2')]];

function sources(extra: Partial<ImprintSources> = {}): ImprintSources {
  return {
    kind: 'MEMO',
    version: { id: 'v2', versionNo: 2 },
    versionNos: new Map([
      ['v1', 1],
      ['v2', 2],
    ]),
    route: route('COMPLETED', DECISIONS),
    timeline: TIMELINE,
    registered: true,
    number: { numberText: 'ชร ๗๓๕๐๑/๑๒', number: 12, year: 2568, issuedAt: new Date('2025-10-21T18:00:00Z') },
    drafter: SIG.drafter,
    ...extra,
  };
}

describe('imprintOf a memo', () => {
  it('prints the number and the day it was issued in Bangkok, under the drafter the standing decisions as §2.5 blocks', () => {
    const imprint = imprintOf(sources());
    expect(imprint).toMatchObject({ kind: 'MEMO', documentNumber: 'ชร ๗๓๕๐๑/๑๒', date: { year: 2025, month: 10, day: 22 } });
    if (imprint.kind !== 'MEMO') throw new Error('not a memo');
    expect(imprint.blocks).toEqual([
      { kind: 'signer', signature: { nameAsPrinted: '(นางสาวพิมพ์ชนก ทดลองใช้)', rankLine: null, positionTitleAsPrinted: 'นักวิเคราะห์นโยบายและแผน', dateTextBE: '๒๑ ตุลาคม ๒๕๖๘' } },
      { kind: 'signer', signature: expect.objectContaining({ nameAsPrinted: '(นางสาวกนกพร โภชนพันธ์)' }) },
      { kind: 'opinion', opinionOf: 'ปลัดองค์การบริหารส่วนตำบลป่าตึง', opinion: 'เห็นควรอนุมัติ\nตามเสนอ', signature: expect.objectContaining({ rankLine: 'ร้อยโท' }) },
      {
        kind: 'decision',
        opinionOf: 'นายกองค์การบริหารส่วนตำบลป่าตึง',
        decision: 'อนุมัติ',
        signature: expect.objectContaining({ positionTitleAsPrinted: 'รองปลัดองค์การบริหารส่วนตำบลป่าตึง\nรักษาราชการแทนนายกองค์การบริหารส่วนตำบลป่าตึง' }),
      },
    ]);
    expect(imprint.blocks.every((b) => !('unitName' in b.signature))).toBe(true);
  });

  it('lists every action after the draft in the appendix: who, position, for whom, words, version number and hash', () => {
    const imprint = imprintOf(sources());
    if (imprint.kind !== 'MEMO') throw new Error('not a memo');
    expect(imprint.timeline?.rows.map((r) => [r.step, r.who, r.position, r.onBehalfOf, r.words, r.versionNo, r.versionHash])).toEqual([
      ['เสนอ', 'นางสาวพิมพ์ชนก ทดลองใช้', 'นักวิเคราะห์นโยบายและแผน', null, 'เสนอ', 1, HASH.v1],
      ['หัวหน้าฝ่ายอำนวยการ', 'นางสาวกนกพร โภชนพันธ์', 'หัวหน้าฝ่ายอำนวยการ', null, 'เสนอ', 1, HASH.v1],
      [STEPS[1].title, 'ร้อยโท กิตติชัย เจริญยิ่ง', 'ปลัดองค์การบริหารส่วนตำบลป่าตึง', null, 'ส่งคืนแก้ไข: ขอให้ระบุเดือน', 1, HASH.v1],
      ['เสนอใหม่', 'นางสาวพิมพ์ชนก ทดลองใช้', 'นักวิเคราะห์นโยบายและแผน', null, 'เสนอใหม่', 2, HASH.v2],
      [STEPS[1].title, 'ร้อยโท กิตติชัย เจริญยิ่ง', 'ปลัดองค์การบริหารส่วนตำบลป่าตึง', null, 'เห็นควรอนุมัติ: ตามเสนอ', 2, HASH.v2],
      [STEPS[2].title, 'นายสมชาย ทดลองใช้', 'รองปลัดองค์การบริหารส่วนตำบลป่าตึง', 'รักษาราชการแทนนายกองค์การบริหารส่วนตำบลป่าตึง', 'อนุมัติ', 2, HASH.v2],
    ]);
    expect(imprint.timeline?.rows.at(-1)).toMatchObject({ orderRef: 'คำสั่ง ที่ ๑๒/๒๕๖๘', at: at(1) });
  });

  it('prints an earlier version as the draft it was: no number, only what was decided on it or before', () => {
    const imprint = imprintOf(sources({ version: { id: 'v1', versionNo: 1 } }));
    if (imprint.kind !== 'MEMO') throw new Error('not a memo');
    expect(imprint).toMatchObject({ documentNumber: null, date: null });
    expect(imprint.blocks.map((b) => b.kind)).toEqual(['signer', 'signer']);
    expect(imprint.timeline?.rows.map((r) => r.versionNo)).toEqual([1, 1, 1]);
  });

  it('a draft never submitted prints its drafter alone, no appendix', () => {
    const imprint = imprintOf(sources({ route: route('DRAFT', []), timeline: [entry('CREATED', 'v2')], number: null }));
    expect(imprint).toEqual({ kind: 'MEMO', documentNumber: null, date: null, blocks: [expect.objectContaining({ kind: 'signer' })], timeline: null });
  });
});

describe('imprintOf an order', () => {
  it('takes number and year from the register and the signer from the final decision, once complete', () => {
    expect(imprintOf(sources({ kind: 'ORDER' }))).toEqual({
      kind: 'ORDER',
      number: 12,
      yearBE: 2568,
      date: { year: 2025, month: 10, day: 22 },
      signer: expect.objectContaining({ nameAsPrinted: '(นายสมชาย ทดลองใช้)' }),
    });
    expect(imprintOf(sources({ kind: 'ORDER', route: route('IN_ROUTE', DECISIONS.slice(0, 2)), number: null }))).toEqual({
      kind: 'ORDER',
      number: null,
      yearBE: null,
      date: null,
      signer: null,
    });
  });

  it('prints an earlier version of a signed order unsigned, undated and unnumbered', () => {
    expect(imprintOf(sources({ kind: 'ORDER', version: { id: 'v1', versionNo: 1 } }))).toEqual({ kind: 'ORDER', number: null, yearBE: null, date: null, signer: null });
  });
});

describe('imprintOf a report', () => {
  it('closes the version the route signed off with the last decider’s block, headed by the step’s ความเห็นของ…', () => {
    expect(imprintOf(sources({ kind: 'REPORT' }))).toEqual({
      kind: 'REPORT',
      approval: { kind: 'decision', opinionOf: 'นายกองค์การบริหารส่วนตำบลป่าตึง', decision: expect.any(String), signature: expect.objectContaining({ nameAsPrinted: '(นายสมชาย ทดลองใช้)' }) },
    });
  });

  it('prints without it while in route, and on an earlier version', () => {
    expect(imprintOf(sources({ kind: 'REPORT', route: route('IN_ROUTE', DECISIONS.slice(0, 2)) }))).toEqual({ kind: 'REPORT', approval: null });
    expect(imprintOf(sources({ kind: 'REPORT', version: { id: 'v1', versionNo: 1 } }))).toEqual({ kind: 'REPORT', approval: null });
  });
});

describe('imprintOf an announcement', () => {
  it('prints the ที่ line only when a register numbers it, with the register’s number and day and the final decider as signer', () => {
    expect(imprintOf(sources({ kind: 'ANNOUNCEMENT' }))).toEqual({
      kind: 'ANNOUNCEMENT',
      numbered: true,
      number: 12,
      yearBE: 2568,
      date: { year: 2025, month: 10, day: 22 },
      signer: expect.objectContaining({ nameAsPrinted: '(นายสมชาย ทดลองใช้)' }),
    });
    // No register: ประกาศ ณ วันที่ is the day the นายก signed, in Bangkok.
    expect(imprintOf(sources({ kind: 'ANNOUNCEMENT', registered: false, number: null }))).toMatchObject({ numbered: false, number: null, date: { year: 2025, month: 10, day: 24 }, signer: expect.any(Object) });
    expect(imprintOf(sources({ kind: 'ANNOUNCEMENT', route: route('IN_ROUTE', DECISIONS.slice(0, 2)), number: null }))).toMatchObject({ numbered: true, number: null, signer: null });
  });
});
