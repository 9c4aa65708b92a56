// องค์การบริหารส่วนตำบลป่าตึง (seed 001): positions, people and the upward-memo route of memo 1.
import type { Actor, Assignment, Delegation } from '../authority';
import type { ActionResult } from '../result';
import type { DocumentVersion, RouteInstance, SignatureSnapshot } from '../instance';
import type { RouteTemplate, StepTemplate } from '../template';
import { createRoute } from '../actions/create';

export const OFFICE = 'office-pa-tueng';

export const POS = {
  strategy: 'pos-strategy-budget-officer', // เจ้าหน้าที่งานยุทธศาสตร์และงบประมาณ (drafter)
  headAdmin: 'pos-head-admin', // หัวหน้าฝ่ายอำนวยการ
  headPaladOffice: 'pos-head-palad-office', // หัวหน้าสำนักปลัด
  deputyPalad: 'pos-deputy-palad', // รองปลัด (vacant in ป่าตึง)
  palad: 'pos-palad', // ปลัด อบต.
  nayok: 'pos-nayok', // นายก อบต.
  deputyNayok: 'pos-deputy-nayok', // รองนายก
  finance: 'pos-dir-finance', // ผู้อำนวยการกองคลัง
  works: 'pos-dir-works', // ผู้อำนวยการกองช่าง
  education: 'pos-dir-education', // ผู้อำนวยการกองการศึกษาฯ
  health: 'pos-dir-health', // ผู้อำนวยการกองสาธารณสุขฯ
} as const;

export const T0 = '2025-10-01T00:00:00+07:00';
export const at = (day: number, hour = 9) => `2025-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+07:00`;

export function holds(positionId: string, id = `asg-${positionId}`, startsAt = T0, endsAt: string | null = null): Assignment {
  return { id, positionId, capacity: 'SUBSTANTIVE', startsAt, endsAt, orderRef: null };
}

export function actsIn(positionId: string, startsAt: string, endsAt: string | null, orderRef: string, id = `acting-${positionId}-${startsAt}`): Assignment {
  return { id, positionId, capacity: 'ACTING', startsAt, endsAt, orderRef };
}

export function delegation(principal: string, delegate: string, orderRef: string, extra: Partial<Delegation> = {}): Delegation {
  return { id: `del-${principal}-${delegate}`, principalPositionId: principal, delegatePositionId: delegate, scope: {}, startsAt: T0, endsAt: null, orderRef, ...extra };
}

export function actor(personId: string, assignments: readonly Assignment[], delegations: readonly Delegation[] = []): Actor {
  return { personId, assignments, delegations };
}

export const PEOPLE = {
  drafter: actor('person-siriporn', [holds(POS.strategy)]),
  kanokporn: actor('person-kanokporn', [holds(POS.headAdmin)]),
  napatthiya: actor('person-napatthiya', [holds(POS.headPaladOffice)]),
  kittichai: actor('person-kittichai', [holds(POS.palad)]),
  nattakorn: actor('person-nattakorn', [holds(POS.nayok)]),
  finance: actor('person-supattra', [holds(POS.finance)]),
  works: actor('person-sontaya', [holds(POS.works)]),
  education: actor('person-meechai', [holds(POS.education)]),
  health: actor('person-wachiraphon', [holds(POS.health)]),
  outsider: actor('person-outsider', []),
};

export function sig(nameAsPrinted: string, positionTitleAsPrinted: string, rankLine: string | null = null): SignatureSnapshot {
  return { nameAsPrinted, rankLine, positionTitleAsPrinted, unitName: 'สำนักปลัด', dateTextBE: '๒๑ ตุลาคม ๒๕๖๘' };
}

export const SIG = {
  kanokporn: sig('(นางสาวกนกพร โภชนพันธ์)', 'หัวหน้าฝ่ายอำนวยการ'),
  napatthiya: sig('(นางสาวนภัทธิญา วิชระอภิเดชากุล)', 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล'),
  kittichai: sig('(กิตติชัย เจริญยิ่ง)', 'ปลัดองค์การบริหารส่วนตำบลป่าตึง', 'ร้อยโท'),
  nattakorn: sig('(นายณัฐกรณ์ ใจรังสี)', 'นายกองค์การบริหารส่วนตำบลป่าตึง'),
  any: sig('(ผู้ลงนาม)', 'ตำแหน่ง'),
};

export function doc(versionId: string, fields: DocumentVersion['fields'] = { deputyPaladVacant: true }): DocumentVersion {
  return { versionId, hash: `sha256:${versionId}`, fields };
}

export function sequential(key: string, positionId: string, extra: Partial<StepTemplate> = {}): StepTemplate {
  return {
    key,
    title: key,
    kind: 'SEQUENTIAL',
    addressees: [positionId],
    completion: { rule: 'ANY' },
    words: [
      { word: 'เห็นชอบ', outcome: 'positive' },
      { word: 'ไม่เห็นชอบ', outcome: 'negative' },
    ],
    comment: 'OPTIONAL',
    ...extra,
  };
}

/** Memo 1 of 001: งานยุทธศาสตร์ฯ drafts → หัวหน้าฝ่ายอำนวยการ → หัวหน้าสำนักปลัด → (รองปลัด when not vacant) → ปลัด → นายก. */
export const MEMO_ROUTE: RouteTemplate = {
  id: 'tpl-memo-upward',
  version: 3,
  officeId: OFFICE,
  documentKind: 'MEMO',
  name: 'บันทึกข้อความเสนอนายก',
  onResubmit: 'RESUME',
  steps: [
    sequential('head-admin', POS.headAdmin, { title: 'จึงเรียนมาเพื่อโปรดพิจารณา', words: [{ word: 'เสนอ', outcome: 'positive' }] }),
    sequential('head-palad-office', POS.headPaladOffice, { title: 'หัวหน้าสำนักปลัด', words: [{ word: 'เห็นชอบ', outcome: 'positive' }] }),
    sequential('deputy-palad', POS.deputyPalad, { title: 'ความเห็นของรองปลัด', when: { op: 'ne', field: 'deputyPaladVacant', value: true } }),
    sequential('palad', POS.palad, {
      title: 'ความเห็นของปลัดองค์การบริหารส่วนตำบลป่าตึง',
      words: [
        { word: 'ความเห็น', outcome: 'neutral' },
        { word: 'เห็นควรอนุมัติ', outcome: 'positive' },
      ],
    }),
    sequential('nayok', POS.nayok, {
      title: 'ความเห็นของนายกองค์การบริหารส่วนตำบลป่าตึง',
      words: [
        { word: 'อนุมัติ / ให้ดำเนินการ', outcome: 'positive' },
        { word: 'อนุมัติ', outcome: 'positive' },
        { word: 'ไม่อนุมัติ', outcome: 'negative' },
      ],
    }),
  ],
};

let counter = 0;

/** A fresh instance of `template` in DRAFT, drafted by the งานยุทธศาสตร์ officer. */
export function draft(template: RouteTemplate = MEMO_ROUTE, document = doc('v1'), drafter = PEOPLE.drafter): RouteInstance {
  counter += 1;
  const result = createRoute({
    instanceId: `route-${counter}`,
    documentId: `doc-${counter}`,
    template,
    drafter: { personId: drafter.personId, positionId: drafter.assignments[0].positionId },
    document,
    at: at(1),
  });
  return accepted(result).state;
}

/** Narrows an accepted result; fails the test with the refusal otherwise. */
export function accepted(result: ActionResult): Extract<ActionResult, { ok: true }> {
  expect(result).toMatchObject({ ok: true });
  return result as Extract<ActionResult, { ok: true }>;
}

export function refusedWith(result: ActionResult, code: string): void {
  expect(result).toMatchObject({ ok: false, error: { code } });
}
