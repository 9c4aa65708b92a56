import { e2ePrisma } from '../support/prisma';
import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { memo001Content } from '../support/memo-content';

describe('the 001 chain on the real stack: drafter → ฝ่ายอำนวยการ → สำนักปลัด → ปลัด (returns, then opinion) → นายก อนุมัติ', () => {
  let api: RunningApi;
  const tokens: Record<string, string> = {};
  let documentId: string;
  const prisma = e2ePrisma();

  beforeAll(async () => {
    api = await startApi();
    for (const user of ['drafter', 'kanokporn', 'naphatthiya', 'kittichai', 'nattakorn']) tokens[user] = await tokenFor(user);
  });
  afterAll(async () => {
    await api.close();
    await prisma.$disconnect();
  });

  const post = (user: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    api.call(path, { method: 'POST', token: tokens[user], body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  const route = (user: string, action: string, body: unknown = {}, headers?: Record<string, string>) =>
    post(user, `/documents/${documentId}/route/${action}`, body, headers);
  const inboxOf = async (user: string) => (await api.call('/inbox', { token: tokens[user] })).body.items as { documentId: string; words: string[] }[];

  it('the drafter drafts the memo and submits it to หัวหน้าฝ่ายอำนวยการ', async () => {
    const created = await post('drafter', '/documents', { kind: 'MEMO', title: memo001Content().subject, content: memo001Content() });
    expect(created.status).toBe(201);
    documentId = created.body.documentId;

    const submitted = await route('drafter', 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'IN_ROUTE', currentStep: { key: 'head-amnuaykan' } });
    expect((await inboxOf('kanokporn')).map((i) => i.documentId)).toContain(documentId);
    expect((await inboxOf('nattakorn')).map((i) => i.documentId)).not.toContain(documentId);
  });

  it('refuses actions out of turn, with a wrong word, or by the drafter, and changes nothing', async () => {
    const before = (await api.call(`/documents/${documentId}/route`, { token: tokens.drafter })).body.entries.length;
    const early = await route('nattakorn', 'decisions', { word: 'เสนอ' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'NOT_YOUR_TURN', messageTh: 'ยังไม่ถึงขั้นตอนของท่าน' });
    const outsider = await route('drafter', 'decisions', { word: 'เสนอ' });
    expect(outsider.status).toBe(403);
    const badWord = await route('kanokporn', 'decisions', { word: 'อนุญาต' });
    expect(badWord.status).toBe(400);
    expect(badWord.body.code).toBe('WORD_NOT_ALLOWED');
    const after = (await api.call(`/documents/${documentId}/route`, { token: tokens.drafter })).body.entries.length;
    expect(after).toBe(before);
  });

  it('หัวหน้าฝ่ายอำนวยการ proposes it up (a retry with the same Idempotency-Key is replayed, not repeated)', async () => {
    const key = { 'idempotency-key': `e2e-${documentId}-kanokporn` };
    const first = await route('kanokporn', 'decisions', { word: 'เสนอ' }, key);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBe('false');
    const retry = await route('kanokporn', 'decisions', { word: 'เสนอ' }, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(first.body.currentStep.key).toBe('head-samnak-palad');
  });

  it('หัวหน้าสำนักปลัด endorses; ปลัด returns it to the drafter with a reason', async () => {
    expect((await route('naphatthiya', 'decisions', { word: 'เห็นชอบ' })).body.currentStep.key).toBe('palad');
    const returned = await route('kittichai', 'returns', { to: 'DRAFTER', reason: 'ขอให้ระบุกรอบเวลาในข้อ ๔.๒' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'RETURNED', currentStep: null });
    expect((await inboxOf('kittichai')).map((i) => i.documentId)).not.toContain(documentId);
  });

  it('the drafter resubmits a new version and the route resumes at ปลัด', async () => {
    const resubmitted = await route('drafter', 'resubmissions', { content: memo001Content(' ภายในเดือนมีนาคม ๒๕๖๙') });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'IN_ROUTE', round: 2, currentStep: { key: 'palad' } });
    const versions = await prisma.documentVersion.findMany({ where: { documentId }, orderBy: { versionNo: 'asc' } });
    expect(versions.map((v) => v.versionNo)).toEqual([1, 2]);
    expect(resubmitted.body.documentVersionId).toBe(versions[1].id);
  });

  it('ปลัด gives an opinion and นายก decides «อนุมัติ / ให้ดำเนินการ»', async () => {
    expect((await route('kittichai', 'decisions', { word: 'เห็นควรอนุมัติ', comment: 'เห็นควรอนุมัติตามเสนอ' })).body.currentStep.key).toBe('nayok');
    const inbox = await inboxOf('nattakorn');
    expect(inbox.find((i) => i.documentId === documentId)?.words).toEqual(['อนุมัติ / ให้ดำเนินการ', 'อนุมัติ', 'ทราบ', 'ไม่อนุมัติ']);
    const approved = await route('nattakorn', 'decisions', { word: 'อนุมัติ / ให้ดำเนินการ' });
    expect(approved.body).toMatchObject({ status: 'COMPLETED', currentStep: null });
    expect((await route('nattakorn', 'decisions', { word: 'อนุมัติ' })).body.code).toBe('ROUTE_FINISHED');
  });

  it('the timeline shows every step with actor, position, on-behalf-of, words, times and the version decided on', async () => {
    const { status, body } = await api.call(`/documents/${documentId}/route`, { token: tokens.nattakorn });
    expect(status).toBe(200);
    const entries = body.entries as Record<string, any>[];
    expect(entries.map((e) => e.type)).toEqual(['CREATED', 'SUBMITTED', 'DECIDED', 'DECIDED', 'RETURNED', 'RESUBMITTED', 'DECIDED', 'DECIDED']);
    const decisions = entries.filter((e) => e.type === 'DECIDED' || e.type === 'RETURNED');
    expect(decisions.map((e) => [e.actorNameTh, e.onBehalfOf.titleTh, e.word ?? e.reason])).toEqual([
      ['นางสาวกนกพร โภชนพันธ์', 'หัวหน้าฝ่ายอำนวยการ', 'เสนอ'],
      ['นางสาวนภัทธิญา วิชระอภิเดชากุล', 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล', 'เห็นชอบ'],
      ['ร้อยโท กิตติชัย เจริญยิ่ง', 'ปลัดองค์การบริหารส่วนตำบลป่าตึง', 'ขอให้ระบุกรอบเวลาในข้อ ๔.๒'],
      ['ร้อยโท กิตติชัย เจริญยิ่ง', 'ปลัดองค์การบริหารส่วนตำบลป่าตึง', 'เห็นควรอนุมัติ'],
      ['นายณัฐกรณ์ ใจรังสี', 'นายกองค์การบริหารส่วนตำบลป่าตึง', 'อนุมัติ / ให้ดำเนินการ'],
    ]);
    expect(decisions.every((e) => e.capacity === 'HOLDER' && e.actingPosition.id === e.onBehalfOf.id)).toBe(true);
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const versions = await prisma.documentVersion.findMany({ where: { documentId }, orderBy: { versionNo: 'asc' } });
    expect(decisions.slice(0, 3).every((e) => e.documentHash === versions[0].contentHash)).toBe(true);
    expect(decisions.slice(3).every((e) => e.documentHash === versions[1].contentHash)).toBe(true);
    const palad = decisions[3];
    expect(palad.comment).toBe('เห็นควรอนุมัติตามเสนอ');
    expect(palad.signature).toMatchObject({ nameAsPrinted: '(กิตติชัย เจริญยิ่ง)', rankLine: 'ร้อยโท', positionTitleAsPrinted: 'ปลัดองค์การบริหารส่วนตำบลป่าตึง' });
    expect(palad.signature.dateTextBE).toMatch(/^[๐-๙]+ [ก-๛]+ [๐-๙]{4}$/);
  });

  it('every accepted action appended exactly one audit event, in order', async () => {
    const audit = await prisma.auditEvent.findMany({ where: { targetType: 'document', targetId: documentId }, orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual([
      'document.created', 'route.created', 'route.submitted', 'route.decided', 'route.decided', 'route.returned',
      'document.versioned', 'route.resubmitted', 'route.decided', 'route.decided',
    ]);
    const outbox = await prisma.outboxMessage.count({ where: { payload: { path: ['documentId'], equals: documentId } } });
    expect(outbox).toBe(8);
  });
});
