import type { PrismaService, SqlTransactions } from '@kasian/database';
import { appendEvents } from '../support/audit';
import { query } from '../support/database';
import { asOwner, e2eDatabaseUrl } from '../support/environment';
import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { memo001Content } from '../support/memo-content';
import { e2ePrisma, e2eSql, scratchOffice } from '../support/prisma';

/** PostgreSQL's answer to a statement: 'ok' or its SQLSTATE and message. */
async function attempt(url: string, sql: string, values: unknown[] = []): Promise<string> {
  return query(url, sql, values).then(
    () => 'ok',
    (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
  );
}

/** Must-show 2 of issue 8: the database refuses changes to the trail, and events follow their transaction. */
describe('the audit table in PostgreSQL', () => {
  let prisma: PrismaService;
  let sql: SqlTransactions;
  let officeId: string;
  const app = () => e2eDatabaseUrl();
  const owner = () => asOwner(e2eDatabaseUrl());

  beforeAll(async () => {
    prisma = e2ePrisma();
    sql = e2eSql();
    officeId = await scratchOffice(prisma);
    await appendEvents(sql, officeId, 3);
  });
  afterAll(async () => {
    await sql.onModuleDestroy();
    await prisma.$disconnect();
  });

  it('the application’s role cannot UPDATE, DELETE or TRUNCATE audit events (privileges)', async () => {
    expect(await attempt(app(), `UPDATE audit_events SET payload = '{}' WHERE office_id = $1 AND seq = 2`, [officeId])).toMatch(/^42501: permission denied for table audit_events/);
    expect(await attempt(app(), `DELETE FROM audit_events WHERE office_id = $1 AND seq = 3`, [officeId])).toMatch(/^42501: permission denied for table audit_events/);
    expect(await attempt(app(), `TRUNCATE audit_events CASCADE`)).toMatch(/^42501: permission denied for table audit_events/);
    expect(await attempt(app(), `DELETE FROM audit_chain_heads WHERE office_id = $1`, [officeId])).toMatch(/^42501: permission denied/);
    expect(await attempt(app(), `UPDATE audit_checkpoints SET hash = '\\x00' WHERE office_id = $1`, [officeId])).toMatch(/^42501: permission denied/);
    expect((await prisma.auditEvent.findMany({ where: { officeId }, orderBy: { seq: 'asc' } })).map((e) => e.seq)).toEqual([1n, 2n, 3n]);
  });

  it('it owns nothing, so granting itself those privileges does nothing and it cannot drop the trigger', async () => {
    expect(await query(app(), `SELECT count(*)::int AS owned FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`)).toEqual([{ owned: 0 }]);
    await attempt(app(), `GRANT UPDATE, DELETE ON audit_events TO current_user`);
    expect(await attempt(app(), `DELETE FROM audit_events WHERE office_id = $1`, [officeId])).toMatch(/^42501: permission denied/);
    expect(await attempt(app(), `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`)).toMatch(/^42501: must be owner/);
  });

  it('even the owner role, which has the privileges, is refused by the trigger', async () => {
    const refused = /^42501: audit_events is append-only: (UPDATE|DELETE|TRUNCATE) refused/;
    expect(await attempt(owner(), `UPDATE audit_events SET payload = '{}' WHERE office_id = $1 AND seq = 2`, [officeId])).toMatch(refused);
    expect(await attempt(owner(), `DELETE FROM audit_events WHERE office_id = $1 AND seq = 3`, [officeId])).toMatch(refused);
    expect(await attempt(owner(), `TRUNCATE audit_events CASCADE`)).toMatch(refused);
    expect(await attempt(owner(), `UPDATE audit_events SET hash = NULL WHERE office_id = $1 AND seq = 1`, [officeId])).toMatch(refused);
    expect(await prisma.auditEvent.count({ where: { officeId } })).toBe(3);
  });

  describe('through the API, each business transaction and its event commit or roll back together', () => {
    let api: RunningApi;
    let documentId: string;
    const tokens: Record<string, string> = {};
    const eventsOfDocument = async () => (await prisma.auditEvent.findMany({ where: { targetType: 'document', targetId: documentId }, orderBy: { seq: 'asc' } })).map((e) => e.action);
    const post = (user: string, path: string, body: unknown) =>
      api.call(path, { method: 'POST', token: tokens[user], body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

    beforeAll(async () => {
      api = await startApi();
      for (const user of ['drafter', 'kanokporn', 'nattakorn']) tokens[user] = await tokenFor(user);
      documentId = (await post('drafter', '/documents', { kind: 'MEMO', title: memo001Content().subject, content: memo001Content() })).body.documentId;
    });
    afterAll(() => api.close());

    it('a refused action leaves no event; an accepted one exactly one', async () => {
      expect(await eventsOfDocument()).toEqual(['document.created', 'route.created']);
      expect((await post('nattakorn', `/documents/${documentId}/route/decisions`, { word: 'อนุมัติ' })).status).toBe(409);
      expect((await post('drafter', `/documents/${documentId}/route/decisions`, { word: 'เสนอ' })).status).toBe(409);
      expect(await eventsOfDocument()).toEqual(['document.created', 'route.created']);
      expect((await post('drafter', `/documents/${documentId}/route/submit`, {})).status).toBe(200);
      expect(await eventsOfDocument()).toEqual(['document.created', 'route.created', 'route.submitted']);
      expect((await post('kanokporn', `/documents/${documentId}/route/decisions`, { word: 'ไม่มีคำนี้' })).status).toBe(400);
      expect((await post('kanokporn', `/documents/${documentId}/route/decisions`, { word: 'เสนอ' })).status).toBe(200);
      expect(await eventsOfDocument()).toEqual(['document.created', 'route.created', 'route.submitted', 'route.decided']);
    });
  });
});
