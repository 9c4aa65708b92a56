import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { shortMemo } from '../support/memo-content';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';

const json = { 'content-type': 'application/json' };
const ORDER = 'คำสั่งองค์การบริหารส่วนตำบลป่าตึง ที่ ๒๑๙/๒๕๖๘';

describe('รักษาราชการแทน: หัวหน้าสำนักปลัด on leave, หัวหน้าฝ่ายอำนวยการ acts under an order', () => {
  let api: RunningApi;
  const prisma = e2ePrisma();
  const tokens: Record<string, string> = {};
  let grantId: string;

  beforeAll(async () => {
    api = await startApi();
    for (const user of ['drafter', 'kanokporn', 'officeadmin']) tokens[user] = await tokenFor(user);
  });
  afterAll(async () => {
    await api.close();
    await prisma.$disconnect();
  });

  const post = (user: string, path: string, body: unknown = {}) => api.call(path, { method: 'POST', token: tokens[user], headers: json, body: JSON.stringify(body) });
  const positionId = async (code: string) => (await prisma.position.findFirstOrThrow({ where: { code, office: { code: 'patueng' } } })).id;
  const draftAndSubmit = async () => {
    const { body } = await post('drafter', '/documents', { kind: 'MEMO', title: 'ขออนุมัติจัดอบรมประมวลจริยธรรม', content: shortMemo('ขออนุมัติจัดอบรมประมวลจริยธรรม') });
    await post('drafter', `/documents/${body.documentId}/route/submit`);
    await post('kanokporn', `/documents/${body.documentId}/route/decisions`, { word: 'เสนอ' });
    return body.documentId as string;
  };

  it('the office admin records the acting grant under its order', async () => {
    const kanokporn = await prisma.person.findFirstOrThrow({ where: { username: 'kanokporn' } });
    const granted = await post('officeadmin', '/grants/acting', {
      personId: kanokporn.id,
      positionId: await positionId('head-samnak-palad'),
      orderRef: ORDER,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(granted.status).toBe(201);
    grantId = granted.body.id;
    const refused = await post('kanokporn', '/grants/acting', { personId: kanokporn.id, positionId: await positionId('nayok'), orderRef: 'x', startsAt: new Date().toISOString() });
    expect(refused.status).toBe(403);
  });

  it('the acting person sees the item in their inbox and decides it; the timeline names both people and the order', async () => {
    const documentId = await draftAndSubmit();
    const inbox = (await api.call('/inbox', { token: tokens.kanokporn })).body.items as Record<string, any>[];
    const item = inbox.find((i) => i.documentId === documentId);
    expect(item).toMatchObject({ capacity: 'ACTING', orderRef: ORDER, onBehalfOf: { titleTh: 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล' } });

    const decided = await post('kanokporn', `/documents/${documentId}/route/decisions`, { word: 'เสนอ' });
    expect(decided.status).toBe(200);
    expect(decided.body.currentStep.key).toBe('palad');

    const entry = (await api.call(`/documents/${documentId}/route`, { token: tokens.kanokporn })).body.entries.at(-1);
    expect(entry).toMatchObject({
      type: 'DECIDED',
      actorNameTh: 'นางสาวกนกพร โภชนพันธ์',
      onBehalfOf: { titleTh: 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล' },
      onBehalfOfHolderNameTh: 'นางสาวนภัทธิญา วิชระอภิเดชากุล',
      capacity: 'ACTING',
      orderRef: ORDER,
    });
    expect(entry.signature.positionTitleAsPrinted).toBe('หัวหน้าฝ่ายอำนวยการ\nรักษาราชการแทนหัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล');
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: documentId, action: 'route.decided' }, orderBy: { seq: 'desc' } });
    expect(audit).toMatchObject({ orderRef: ORDER, onBehalfOfPositionId: await positionId('head-samnak-palad') });
  });

  it('after the grant ends they can no longer act, and the item leaves their inbox', async () => {
    const documentId = await draftAndSubmit();
    expect((await post('officeadmin', `/grants/${grantId}/end`)).status).toBe(201);
    const inbox = (await api.call('/inbox', { token: tokens.kanokporn })).body.items as { documentId: string }[];
    expect(inbox.map((i) => i.documentId)).not.toContain(documentId);
    const refused = await post('kanokporn', `/documents/${documentId}/route/decisions`, { word: 'เสนอ' });
    // She still holds หัวหน้าฝ่ายอำนวยการ, an earlier step of this route, so the core answers "not your turn".
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOT_YOUR_TURN');
    expect((await api.call(`/documents/${documentId}/route`, { token: tokens.drafter })).body.entries.at(-1).type).toBe('DECIDED');
  });
});

describe('crossed delegations (ปฏิบัติราชการแทน): A → C and B → D at the same time', () => {
  let api: RunningApi;
  let office: ScratchOffice;
  const prisma = e2ePrisma();

  beforeAll(async () => {
    api = await startApi();
    office = await scratchOfficeWithStaff(prisma, ['A', 'B', 'C', 'D', 'W'], [
      { username: 'a', givenName: 'เอ', position: 'A', roles: ['official'] },
      { username: 'b', givenName: 'บี', position: 'B', roles: ['official'] },
      { username: 'c', givenName: 'ซี', position: 'C', roles: ['official'] },
      { username: 'd', givenName: 'ดี', position: 'D', roles: ['official'] },
      { username: 'writer', givenName: 'ผู้เขียน', position: 'W', roles: ['staff'] },
      { username: 'admin', givenName: 'ผู้ดูแล', roles: ['admin'] },
    ]);
    const admin = await office.token('admin');
    const p = (code: string) => office.positions.get(code)!;
    const published = await api.call('/route-templates', {
      method: 'POST',
      token: admin,
      headers: json,
      body: JSON.stringify({
        documentKind: 'REPORT',
        name: 'รายงานเสนอ A และ B พร้อมกัน',
        onResubmit: 'RESUME',
        steps: [{ key: 'a-and-b', title: 'ความเห็นของ A และ B', kind: 'PARALLEL', addressees: [p('A'), p('B')], completion: { rule: 'ALL' }, words: [{ word: 'เห็นชอบ', outcome: 'positive' }], comment: 'OPTIONAL' }],
      }),
    });
    expect(published.status).toBe(201);
    const since = new Date(Date.now() - 60_000).toISOString();
    for (const [from, to, order] of [['A', 'C', 'คำสั่งที่ ๑/๒๕๖๘'], ['B', 'D', 'คำสั่งที่ ๒/๒๕๖๘']]) {
      const delegated = await api.call('/grants/delegations', {
        method: 'POST',
        token: admin,
        headers: json,
        body: JSON.stringify({ principalPositionId: p(from), delegatePositionId: p(to), orderRef: order, startsAt: since }),
      });
      expect(delegated.status).toBe(201);
    }
  });
  afterAll(async () => {
    await api.close();
    await office.dispose();
    await prisma.$disconnect();
  });

  const draft = async () => {
    const writer = await office.token('writer');
    const { body } = await api.call('/documents', { method: 'POST', token: writer, headers: json, body: JSON.stringify({ kind: 'REPORT', title: 'รายงานผล', content: {} }) });
    await api.call(`/documents/${body.documentId}/route/submit`, { method: 'POST', token: writer, headers: json, body: '{}' });
    return body.documentId as string;
  };
  const decideAs = async (user: string, documentId: string) =>
    api.call(`/documents/${documentId}/route/decisions`, { method: 'POST', token: await office.token(user), headers: json, body: JSON.stringify({ word: 'เห็นชอบ' }) });

  it.each([
    ['C first, then D', ['c', 'd']],
    ['D first, then C', ['d', 'c']],
  ])('%s: each decision is recorded for its own principal, never swapped', async (_order, actors) => {
    const documentId = await draft();
    for (const actor of actors) expect((await decideAs(actor, documentId)).status).toBe(200);
    const { body } = await api.call(`/documents/${documentId}/route`, { token: await office.token('writer') });
    expect(body.status).toBe('COMPLETED');
    const decided = (body.entries as Record<string, any>[]).filter((e) => e.type === 'DECIDED');
    const onBehalf = Object.fromEntries(decided.map((e) => [e.actingPosition.titleTh, [e.onBehalfOf.titleTh, e.capacity, e.orderRef]]));
    expect(onBehalf).toEqual({
      'ตำแหน่ง C': ['ตำแหน่ง A', 'DELEGATED', 'คำสั่งที่ ๑/๒๕๖๘'],
      'ตำแหน่ง D': ['ตำแหน่ง B', 'DELEGATED', 'คำสั่งที่ ๒/๒๕๖๘'],
    });
  });
});
