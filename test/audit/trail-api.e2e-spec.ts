import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKPOINTS_FILE, parseTrailLine, PUBLIC_KEYS_FILE, TRAIL_FILE } from '@kasian/audit';
import type { PrismaService, SqlTransactions } from '@kasian/database';
import { auditCli, auditServices } from '../support/audit';
import { requireEnv } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { memo001Content } from '../support/memo-content';
import { e2ePrisma, e2eSql } from '../support/prisma';

/** The auditors' API: verification, the streamed export, one document's trail verified offline by the CLI, and logins. */
describe('the audit trail through the API', () => {
  let api: RunningApi;
  let prisma: PrismaService;
  let sql: SqlTransactions;
  let documentId: string;
  let demoOfficeId: string;
  const tokens: Record<string, string> = {};
  const dirs: string[] = [];

  const get = async (user: string, path: string) => api.call(path, { token: tokens[user] });
  const post = (user: string, path: string, body: unknown) =>
    api.call(path, { method: 'POST', token: tokens[user], body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  /** The three export files as an auditor downloads them, in a directory of their own. */
  async function download(query = ''): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'kasian-audit-'));
    dirs.push(dir);
    for (const [name, path] of [[TRAIL_FILE, 'trail'], [CHECKPOINTS_FILE, 'checkpoints'], [PUBLIC_KEYS_FILE, 'public-keys']]) {
      const response = await fetch(`${api.url}/audit/${path}${path === 'public-keys' ? '' : query}`, { headers: { authorization: `Bearer ${tokens.auditor}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(name);
      writeFileSync(join(dir, name), Buffer.from(await response.arrayBuffer()));
    }
    return dir;
  }
  const trailLines = (dir: string) => readFileSync(join(dir, TRAIL_FILE), 'utf8').trimEnd().split('\n');
  const rewriteTrail = (dir: string, lines: string[]) => writeFileSync(join(dir, TRAIL_FILE), `${lines.join('\n')}\n`);

  beforeAll(async () => {
    prisma = e2ePrisma();
    sql = e2eSql();
    api = await startApi();
    for (const user of ['drafter', 'kanokporn', 'auditor', 'officeadmin']) tokens[user] = await tokenFor(user);
    demoOfficeId = (await prisma.office.findUniqueOrThrow({ where: { code: 'patueng' } })).id;
    documentId = (await post('drafter', '/documents', { kind: 'MEMO', title: memo001Content().subject, content: memo001Content() })).body.documentId;
    await post('drafter', `/documents/${documentId}/route/submit`, {});
    await post('kanokporn', `/documents/${documentId}/route/decisions`, { word: 'เสนอ', comment: 'เห็นควรนำเรียน' });
    const audit = auditServices(sql);
    await audit.ready();
    await audit.sign(demoOfficeId);
  });
  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await api.close();
    await sql.onModuleDestroy();
    await prisma.$disconnect();
  });

  it('verifies the auditor’s office against the signed checkpoints; other roles are refused', async () => {
    const { status, body } = await get('auditor', '/audit/verification');
    expect(status).toBe(200);
    expect(body).toMatchObject({ officeId: demoOfficeId, officeCode: 'patueng', ok: true, failure: null });
    expect(body.anchoredThrough).toBeGreaterThanOrEqual(body.events - 10);
    expect((await get('officeadmin', '/audit/verification')).status).toBe(403);
    expect((await get('drafter', '/audit/trail')).status).toBe(403);
  });

  it('exports the office’s trail as JSON Lines that the CLI verifies offline', async () => {
    const dir = await download();
    const [header, ...lines] = trailLines(dir);
    expect(JSON.parse(header)).toMatchObject({ kasianAuditTrail: 1, officeId: demoOfficeId, officeCode: 'patueng', documentId: null, fromSeq: 1 });
    expect(lines.map((line) => parseTrailLine(line)?.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(readFileSync(join(dir, PUBLIC_KEYS_FILE), 'utf8')).toBe(readFileSync(requireEnv('AUDIT_PUBLIC_KEY_FILE'), 'utf8'));
    const cli = auditCli(['verify', '--office', 'patueng', '--from-export', dir, '--json']);
    expect(cli.status).toBe(0);
    expect(cli.result).toMatchObject({ ok: true, events: lines.length });
  });

  describe('one document’s trail', () => {
    let dir: string;
    let lines: string[];
    const seqOf = (line: string) => parseTrailLine(line)!.seq;

    beforeAll(async () => {
      dir = await download(`?documentId=${documentId}`);
      lines = trailLines(dir);
    });

    it('runs through the office chain from the document’s first event, other events without their payloads', () => {
      const [header, ...events] = lines.map((line, i) => (i ? parseTrailLine(line)! : JSON.parse(line)));
      expect(header).toMatchObject({ documentId, fromSeq: events[0].seq, throughSeq: events.at(-1).seq });
      const own = events.filter((e) => JSON.parse(e.event).target.id === documentId);
      expect(own.map((e) => JSON.parse(e.event).action)).toEqual(['document.created', 'route.created', 'route.submitted', 'route.decided']);
      expect(own.every((e) => e.payload !== null)).toBe(true);
      expect(events.filter((e) => JSON.parse(e.event).target.id !== documentId).every((e) => e.payload === null && e.payloadSha256)).toBe(true);
      expect(auditCli(['verify', '--office', demoOfficeId, '--from-export', dir, '--json'])).toMatchObject({ status: 0, result: { ok: true } });
    });

    it('deleting one event line or editing one makes the CLI name its position', () => {
      const middle = 2;
      rewriteTrail(dir, lines.filter((_, i) => i !== middle));
      expect(auditCli(['verify', '--office', 'patueng', '--from-export', dir, '--json']).result?.failure).toMatchObject({ position: seqOf(lines[middle]), kind: 'missing' });

      const decision = lines.find((line) => line.includes('เห็นควรนำเรียน'))!;
      rewriteTrail(dir, lines.map((line) => (line === decision ? line.replace('เห็นควรนำเรียน', 'ไม่เห็นควร') : line)));
      const edited = auditCli(['verify', '--office', 'patueng', '--from-export', dir]);
      expect(edited.status).toBe(1);
      expect(edited.output).toContain(`BROKEN at position ${seqOf(decision)}: edited`);

      rewriteTrail(dir, lines.slice(0, -1));
      expect(auditCli(['verify', '--office', 'patueng', '--from-export', dir, '--json']).result?.failure).toMatchObject({ position: seqOf(lines.at(-1)!), kind: 'truncated' });
      rewriteTrail(dir, lines);
    });

    it('is refused for a document of no office of the caller', async () => {
      expect((await get('auditor', '/audit/trail?documentId=00000000-0000-4000-8000-000000000000')).body.code).toBe('NOT_FOUND');
    });
  });

  it('records one identity.login per sign-in session, when the API first sees it', async () => {
    const fresh = await tokenFor('auditor');
    const sessions = () => prisma.auditEvent.count({ where: { officeId: demoOfficeId, action: 'identity.login', actorSubject: JSON.parse(Buffer.from(fresh.split('.')[1], 'base64url').toString()).sub } });
    const before = await sessions();
    expect((await api.call('/audit/alerts', { token: fresh })).status).toBe(200);
    expect((await api.call('/me', { token: fresh })).status).toBe(200);
    expect(await sessions()).toBe(before + 1);
    const login = await prisma.auditEvent.findFirstOrThrow({ where: { officeId: demoOfficeId, action: 'identity.login' }, orderBy: { seq: 'desc' } });
    expect(login).toMatchObject({ targetType: 'session', payload: { username: 'auditor', roles: expect.arrayContaining(['auditor']) } });
  });
});
