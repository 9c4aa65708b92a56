import { type RunningApi, startApi } from '../support/http';
import { shortMemo } from '../support/memo-content';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';

const json = { 'content-type': 'application/json' };

describe('inbox and outbox pages', () => {
  let api: RunningApi;
  let office: ScratchOffice;
  const prisma = e2ePrisma();
  const documents: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    office = await scratchOfficeWithStaff(prisma, ['HEAD', 'W'], [
      { username: 'head', givenName: 'หัวหน้า', position: 'HEAD', roles: ['official'] },
      { username: 'writer', givenName: 'ผู้เขียน', position: 'W', roles: ['staff'] },
      { username: 'admin', givenName: 'ผู้ดูแล', roles: ['admin'] },
    ]);
    await call('admin', 'POST', '/route-templates', {
      documentKind: 'MEMO',
      name: 'เสนอหัวหน้า',
      onResubmit: 'RESUME',
      steps: [{ key: 'head', title: 'หัวหน้า', kind: 'SEQUENTIAL', addressees: [office.positions.get('HEAD')], completion: { rule: 'ALL' }, words: [{ word: 'ทราบ', outcome: 'positive' }], comment: 'NONE' }],
    });
    for (const title of ['เรื่องที่หนึ่ง', 'เรื่องที่สอง', 'เรื่องที่สาม']) {
      const created = await call('writer', 'POST', '/documents', { kind: 'MEMO', title, content: shortMemo(title) });
      await call('writer', 'POST', `/documents/${created.body.documentId}/route/submit`, {});
      documents.push(created.body.documentId);
    }
  });
  afterAll(async () => {
    await api.close();
    await office.dispose();
    await prisma.$disconnect();
  });

  async function call(user: string, method: string, path: string, body?: unknown) {
    return api.call(path, { method, token: await office.token(user), headers: json, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  it('pages the inbox by cursor, oldest first, with title, sender and waiting-since', async () => {
    const first = await call('head', 'GET', '/inbox?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { title: string }) => i.title)).toEqual(['เรื่องที่หนึ่ง', 'เรื่องที่สอง']);
    expect(first.body.items[0]).toMatchObject({ senderTh: 'นายผู้เขียน ทดสอบ', capacity: 'HOLDER', words: ['ทราบ'], dueAt: null });
    const second = await call('head', 'GET', `/inbox?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { title: string }) => i.title)).toEqual(['เรื่องที่สาม']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('sorts newest first on request, and drops what has been acted on', async () => {
    const newest = await call('head', 'GET', '/inbox?sort=newest');
    expect(newest.body.items.map((i: { title: string }) => i.title)).toEqual(['เรื่องที่สาม', 'เรื่องที่สอง', 'เรื่องที่หนึ่ง']);
    await call('head', 'POST', `/documents/${documents[1]}/route/decisions`, { word: 'ทราบ' });
    const after = await call('head', 'GET', '/inbox');
    expect(after.body.items.map((i: { title: string }) => i.title)).toEqual(['เรื่องที่หนึ่ง', 'เรื่องที่สาม']);
  });

  it('shows the drafter where each document stands', async () => {
    const { body } = await call('writer', 'GET', '/outbox?sort=oldest');
    expect(body.items.map((i: { title: string; status: string }) => [i.title, i.status])).toEqual([
      ['เรื่องที่หนึ่ง', 'IN_ROUTE'],
      ['เรื่องที่สาม', 'IN_ROUTE'],
      ['เรื่องที่สอง', 'COMPLETED'],
    ]);
    expect(body.items[0].waitingOn).toEqual([{ id: office.positions.get('HEAD'), titleTh: 'ตำแหน่ง HEAD' }]);
  });

  it('refuses a malformed page request with the error shape', async () => {
    const { status, body } = await call('head', 'GET', '/inbox?limit=1000');
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'limit' }] });
  });
});
