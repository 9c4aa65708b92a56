import { randomUUID } from 'node:crypto';
import { type RunningApi, startApi } from '../support/http';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';

const json = { 'content-type': 'application/json' };
const UNITS = ['U1', 'U2', 'U3', 'U4', 'U5'];
const heads = UNITS.map((unit) => ({ username: unit.toLowerCase(), givenName: `หัวหน้า${unit}`, position: unit, roles: ['official'] }));

describe('one document to five units', () => {
  let api: RunningApi;
  let office: ScratchOffice;
  const prisma = e2ePrisma();

  beforeAll(async () => {
    api = await startApi({ DATABASE_POOL_SIZE: '20' });
    office = await scratchOfficeWithStaff(prisma, [...UNITS, 'W'], [
      ...heads,
      { username: 'writer', givenName: 'ผู้เขียน', position: 'W', roles: ['staff'] },
      { username: 'admin', givenName: 'ผู้ดูแล', roles: ['admin'] },
    ]);
    for (const user of [...heads.map((h) => h.username), 'writer', 'admin']) await office.token(user);
  });
  afterAll(async () => {
    await api.close();
    await office.dispose();
    await prisma.$disconnect();
  });

  const call = async (user: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    api.call(path, { method, token: await office.token(user), headers: { ...json, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const publish = (completion: Record<string, unknown>) =>
    call('admin', 'POST', '/route-templates', {
      documentKind: 'REPORT',
      name: 'แจ้งทุกกอง',
      onResubmit: 'RESUME',
      steps: [
        { key: 'units', title: 'ทุกกอง', kind: 'PARALLEL', addressees: UNITS.map((u) => office.positions.get(u)!), completion, words: [{ word: 'ทราบ', outcome: 'positive' }], comment: 'OPTIONAL' },
      ],
    });
  const draftAndSubmit = async () => {
    const created = await call('writer', 'POST', '/documents', { kind: 'REPORT', title: 'มาตรการส่งเสริมคุณธรรม', content: {} });
    await call('writer', 'POST', `/documents/${created.body.documentId}/route/submit`, {});
    return created.body.documentId as string;
  };
  const eventsOf = (documentId: string) => prisma.routeEvent.findMany({ where: { instance: { documentId } }, orderBy: { version: 'asc' } });

  it('all-of: the route advances only after the fifth unit', async () => {
    expect((await publish({ rule: 'ALL' })).status).toBe(201);
    const documentId = await draftAndSubmit();
    for (const [i, head] of heads.entries()) {
      const decided = await call(head.username, 'POST', `/documents/${documentId}/route/decisions`, { word: 'ทราบ' });
      expect(decided.status).toBe(200);
      if (i < 4) expect(decided.body).toMatchObject({ status: 'IN_ROUTE', currentStep: { key: 'units', waitingOnPositionIds: expect.any(Array) } });
      if (i < 4) expect(decided.body.currentStep.waitingOnPositionIds).toHaveLength(4 - i);
      else expect(decided.body).toMatchObject({ status: 'COMPLETED', currentStep: null });
    }
  });

  it('50 concurrent decisions on a 3-of-5 step: exactly 3 succeed, the rest get 409, and a retried key replays', async () => {
    expect((await publish({ rule: 'K_OF_N', k: 3 })).status).toBe(201);
    const documentId = await draftAndSubmit();
    const requests = Array.from({ length: 50 }, (_, i) => ({ user: heads[i % 5].username, key: randomUUID() }));
    const responses = await Promise.all(
      requests.map((r) => call(r.user, 'POST', `/documents/${documentId}/route/decisions`, { word: 'ทราบ' }, { 'idempotency-key': r.key })),
    );

    const succeeded = responses.flatMap((response, i) => (response.status === 200 ? [{ ...requests[i], body: response.body }] : []));
    expect(succeeded).toHaveLength(3);
    expect(new Set(succeeded.map((s) => s.user)).size).toBe(3);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused.every((r) => r.status === 409)).toBe(true);
    expect(refused.every((r) => ['ALREADY_DECIDED', 'ROUTE_FINISHED'].includes(r.body.code))).toBe(true);

    const events = await eventsOf(documentId);
    expect(events.map((e) => e.type)).toEqual(['CREATED', 'SUBMITTED', 'DECIDED', 'DECIDED', 'DECIDED']);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
    const route = await prisma.routeInstance.findFirstOrThrow({ where: { documentId } });
    expect(route).toMatchObject({ status: 'COMPLETED', version: 5 });

    const retry = await call(succeeded[0].user, 'POST', `/documents/${documentId}/route/decisions`, { word: 'ทราบ' }, { 'idempotency-key': succeeded[0].key });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(succeeded[0].body);
    expect(await eventsOf(documentId)).toHaveLength(5);
    const audited = await prisma.auditEvent.findMany({ where: { targetId: documentId }, orderBy: { seq: 'asc' } });
    expect(audited.map((e) => e.action)).toEqual(['document.created', 'route.created', 'route.submitted', 'route.decided', 'route.decided', 'route.decided']);
  });
});
