import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { memo001Content } from '../support/memo-content';
import { e2ePrisma } from '../support/prisma';

const json = { 'content-type': 'application/json' };

describe('document versions, decisions bound to a version, diff and Thai search', () => {
  let api: RunningApi;
  const prisma = e2ePrisma();
  const tokens: Record<string, string> = {};
  let documentId: string;

  beforeAll(async () => {
    api = await startApi();
    for (const user of ['drafter', 'kanokporn', 'naphatthiya']) tokens[user] = await tokenFor(user);
  });
  afterAll(async () => {
    await api.close();
    await prisma.$disconnect();
  });

  const call = (user: string, method: string, path: string, body?: unknown) =>
    api.call(path, { method, token: tokens[user], headers: json, body: body === undefined ? undefined : JSON.stringify(body) });

  it('refuses invalid content with a precise code and saves nothing', async () => {
    const before = await prisma.document.count();
    const empty = await call('drafter', 'POST', '/documents', { kind: 'MEMO', title: 'ร่าง', content: { ...memo001Content(), subject: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'INVALID_DOCUMENT_CONTENT', details: [{ path: 'subject', code: 'EMPTY_FIELD' }] });
    const huge = memo001Content();
    huge.sections[0].paragraphs = ['ก'.repeat(20_001)];
    expect((await call('drafter', 'POST', '/documents', { kind: 'MEMO', title: 'ร่าง', content: huge })).body.details).toEqual([
      { path: 'sections.0.paragraphs.0', code: 'SECTION_TOO_LONG' },
    ]);
    expect((await call('drafter', 'POST', '/documents', { kind: 'MEMO', title: '  ', content: memo001Content() })).body).toMatchObject({ code: 'TITLE_EMPTY', messageTh: expect.any(String) });
    const impossible = await call('drafter', 'POST', '/documents', { kind: 'MEMO', title: 'ร่าง', content: { ...memo001Content(), date: '๒๙ กุมภาพันธ์ ๒๕๖๘' } });
    expect(impossible.status).toBe(400);
    expect(impossible.body).toMatchObject({ code: 'THAI_DATE_IMPOSSIBLE', messageTh: expect.any(String) });
    expect(await prisma.document.count()).toBe(before);
  });

  it('a draft revised before submission goes up as version 2', async () => {
    const created = await call('drafter', 'POST', '/documents', { kind: 'MEMO', title: 'รายงานผลการดำเนินการ ITA ๒๕๖๘', content: memo001Content() });
    documentId = created.body.documentId;
    const revised = await call('drafter', 'PUT', `/documents/${documentId}/content`, { content: memo001Content(' ภายในไตรมาสที่ ๒') });
    expect(revised.body).toMatchObject({ versionNo: 2 });
    expect((await call('kanokporn', 'PUT', `/documents/${documentId}/content`, { content: memo001Content() })).status).toBe(403);
    const submitted = await call('drafter', 'POST', `/documents/${documentId}/route/submit`, {});
    expect(submitted.body.documentVersionId).toBe((await prisma.documentVersion.findFirstOrThrow({ where: { documentId, versionNo: 2 } })).id);
    const locked = await call('drafter', 'PUT', `/documents/${documentId}/content`, { content: memo001Content(' แก้ไขระหว่างเสนอ') });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('DOCUMENT_LOCKED');
  });

  it('a decision on version 2 is still reported as version 2 after version 3 exists', async () => {
    await call('kanokporn', 'POST', `/documents/${documentId}/route/decisions`, { word: 'เสนอ' });
    await call('naphatthiya', 'POST', `/documents/${documentId}/route/returns`, { to: 'DRAFTER', reason: 'ขอให้ระบุเดือน' });
    await call('drafter', 'PUT', `/documents/${documentId}/content`, { content: memo001Content(' ภายในเดือนมีนาคม ๒๕๖๙') });
    const resubmitted = await call('drafter', 'POST', `/documents/${documentId}/route/resubmissions`, {});
    expect(resubmitted.status).toBe(200);

    const versions = (await call('drafter', 'GET', `/documents/${documentId}/versions`)).body as { versionNo: number; contentHash: string }[];
    expect(versions.map((v) => v.versionNo)).toEqual([1, 2, 3]);
    const timeline = (await call('drafter', 'GET', `/documents/${documentId}/route`)).body.entries as Record<string, any>[];
    const decision = timeline.find((e) => e.type === 'DECIDED')!;
    expect(decision).toMatchObject({ documentVersionNo: 2, documentHash: versions[1].contentHash });
    expect(timeline.at(-1)).toMatchObject({ type: 'RESUBMITTED', documentVersionNo: 3, documentHash: versions[2].contentHash });
  });

  it('shows what changed between the returned and the resubmitted version, word by word', async () => {
    const { body } = await call('drafter', 'GET', `/documents/${documentId}/diff/2/3`);
    expect(body.changes).toHaveLength(1);
    expect(body.changes[0]).toMatchObject({ path: 'sections[3].items[1]', kind: 'changed' });
    const words = body.changes[0].words as { kind: string; text: string }[];
    expect(words.filter((w) => w.kind === 'removed').map((w) => w.text).join('')).toContain('ไตรมาส');
    expect(words.filter((w) => w.kind === 'added').map((w) => w.text).join('')).toContain('มีนาคม');
  });

  it('finds the document by a word inside a Thai sentence, and not by one it lacks', async () => {
    const found = await call('kanokporn', 'GET', `/documents?q=${encodeURIComponent('ขับเคลื่อนการส่งเสริม')}`);
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(documentId);
    const missing = await call('kanokporn', 'GET', `/documents?q=${encodeURIComponent('งบลงทุนถนนลาดยาง')}`);
    expect(missing.body.items.map((i: { id: string }) => i.id)).not.toContain(documentId);
  });
});
