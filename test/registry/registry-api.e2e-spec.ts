import { randomUUID } from 'node:crypto';
import { registerYearOf } from '../../apps/api/src/registry/register-number';
import { type RunningApi, startApi, startBuiltApi } from '../support/http';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';

const json = { 'content-type': 'application/json' };
const HTTP_CLIENTS = 50;
const HTTP_REQUESTS = 1_000;
const HTTP_PER_CLIENT = HTTP_REQUESTS / HTTP_CLIENTS;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const memoRegister = {
  code: 'outgoing',
  nameTh: 'ทะเบียนหนังสือส่ง',
  documentKind: 'MEMO',
  yearKind: 'CALENDAR',
  format: 'MEMO_STYLE',
  prefix: 'ชร',
  prefixAliases: ['ขร'],
  officeCode: '๗๓๕๐๑',
};
const orderRegister = { code: 'orders', nameTh: 'ทะเบียนคำสั่ง', documentKind: 'ORDER', yearKind: 'CALENDAR', format: 'ORDER_STYLE' };

describe('numbering register over HTTP', () => {
  let api: RunningApi;
  let office: ScratchOffice;
  let stranger: ScratchOffice;
  const prisma = e2ePrisma();
  let memos: { id: string };
  let orders: { id: string };
  const thisYear = registerYearOf('CALENDAR', new Date());

  beforeAll(async () => {
    api = await startApi({ DATABASE_POOL_SIZE: '20' });
    office = await scratchOfficeWithStaff(prisma, ['CLERK'], [
      { username: 'clerk', givenName: 'สารบรรณ', position: 'CLERK', roles: ['staff'] },
      { username: 'admin', givenName: 'ผู้ดูแล', roles: ['admin'] },
      { username: 'auditor', givenName: 'ผู้ตรวจ', roles: ['auditor'] },
    ]);
    stranger = await scratchOfficeWithStaff(prisma, [], [{ username: 'clerk', givenName: 'ต่างหน่วย', roles: ['staff', 'admin'] }]);
    for (const user of ['clerk', 'admin', 'auditor']) await office.token(user);
    await stranger.token('clerk');
  });
  afterAll(async () => {
    await api.close();
    await office.dispose();
    await stranger.dispose();
    await prisma.$disconnect();
  });

  const call = async (user: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, from = office) =>
    api.call(path, { method, token: await from.token(user), headers: { ...json, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const footprint = async () => ({
    entries: await prisma.registerEntry.count({ where: { officeId: office.officeId } }),
    counters: await prisma.registerCounter.findMany({ where: { officeId: office.officeId }, orderBy: [{ registerId: 'asc' }, { year: 'asc' }] }),
    audit: await prisma.auditEvent.count({ where: { officeId: office.officeId } }),
    registers: await prisma.register.count({ where: { officeId: office.officeId } }),
  });
  const draft = (kind: 'MEMO' | 'ORDER', title: string) =>
    prisma.document.create({
      data: { officeId: office.officeId, kind, title, drafterPersonId: office.people.get('clerk')!, drafterPositionId: office.positions.get('CLERK')!, currentVersionNo: 1 },
    });

  it('an admin creates the office’s registers; others may not; settings are checked', async () => {
    const created = await call('admin', 'POST', '/registers', memoRegister);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'outgoing', officeCode: '73501', prefixAliases: ['ขร'], currentYear: thisYear, lastNumber: 0, nextNumberText: 'ชร ๗๓๕๐๑/๑' });
    memos = created.body;
    orders = (await call('admin', 'POST', '/registers', orderRegister)).body;
    expect(orders).toMatchObject({ format: 'ORDER_STYLE', nextNumberText: `๑/${[...String(thisYear)].map((d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]).join('')}` });

    const before = await footprint();
    expect((await call('clerk', 'POST', '/registers', { ...memoRegister, code: 'other' })).status).toBe(403);
    expect((await call('admin', 'POST', '/registers', memoRegister)).body).toMatchObject({ code: 'REGISTER_CODE_TAKEN', details: { existingRegisterId: memos.id } });
    expect((await call('admin', 'POST', '/registers', { ...memoRegister, code: 'no-prefix', prefix: undefined })).body.code).toBe('REGISTER_SETTINGS_INVALID');
    expect((await call('admin', 'POST', '/registers', { ...memoRegister, code: 'bad-prefix', prefix: 'CR' })).body.code).toBe('VALIDATION_FAILED');
    expect(await footprint()).toEqual(before);

    const list = await call('auditor', 'GET', '/registers');
    expect(list.status).toBe(200);
    expect(list.body.map((r: { code: string }) => r.code)).toEqual(['orders', 'outgoing']);
    expect((await call('clerk', 'GET', '/registers', undefined, {}, stranger)).body).toEqual([]);
  });

  it(`${HTTP_REQUESTS} number requests from ${HTTP_CLIENTS} concurrent clients on one register-year produce exactly 1..${HTTP_REQUESTS}, no gap, no duplicate, one audit event each`, async () => {
    const auditBefore = await prisma.auditEvent.count({ where: { officeId: office.officeId, action: 'register.number_issued' } });
    const served = await startBuiltApi({ DATABASE_POOL_SIZE: '20' });
    const token = await office.token('clerk');
    const issue = async (subject: string) => {
      const response = await fetch(`${served.url}/registers/${memos.id}/numbers`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ subject }) });
      return { status: response.status, body: (await response.json()) as { number: number; numberText: string; printedText: string; year: number } };
    };
    const started = performance.now();
    const responses = await Promise.all(
      range(1, HTTP_CLIENTS).map(async (client) => {
        const mine = [];
        for (let i = 1; i <= HTTP_PER_CLIENT; i++) mine.push(await issue(`หนังสือ ${client}-${i}`));
        return mine;
      }),
    ).finally(() => served.stop());
    const elapsed = performance.now() - started;
    const flat = responses.flat();
    const total = HTTP_REQUESTS;

    expect(flat.map((r) => r.status)).toEqual(Array(total).fill(201));
    const numbers = flat.map((r) => r.body.number).sort((a, b) => a - b);
    expect(numbers).toEqual(range(1, total));
    expect(flat.every((r) => r.body.numberText === r.body.printedText && r.body.year === thisYear)).toBe(true);
    const stored = await prisma.registerEntry.findMany({ where: { registerId: memos.id, year: thisYear }, orderBy: { number: 'asc' }, select: { number: true } });
    expect(stored.map((e) => e.number)).toEqual(range(1, total));
    expect((await prisma.registerCounter.findUniqueOrThrow({ where: { registerId_year: { registerId: memos.id, year: thisYear } } })).lastNumber).toBe(total);
    expect(await prisma.auditEvent.count({ where: { officeId: office.officeId, action: 'register.number_issued' } })).toBe(auditBefore + total);
    console.log(`[registry] HTTP: ${total} numbers from ${HTTP_CLIENTS} concurrent clients in ${elapsed.toFixed(0)} ms (${((total / elapsed) * 1000).toFixed(0)}/s); numbers = 1..${numbers.at(-1)}, no gap`);
  });

  it('a retried Idempotency-Key replays the first number instead of issuing another', async () => {
    const key = randomUUID();
    const first = await call('clerk', 'POST', `/registers/${memos.id}/numbers`, { subject: 'ส่งซ้ำ' }, { 'idempotency-key': key });
    const again = await call('clerk', 'POST', `/registers/${memos.id}/numbers`, { subject: 'ส่งซ้ำ' }, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await prisma.registerEntry.count({ where: { registerId: memos.id, subject: 'ส่งซ้ำ' } })).toBe(1);
  });

  it('numbers a document once, under its title; the register must be for its kind', async () => {
    const memo = await draft('MEMO', 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    const issued = await call('clerk', 'POST', `/registers/${memos.id}/numbers`, { documentId: memo.id });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ documentId: memo.id, subject: memo.title, source: 'ALLOCATED', status: 'ISSUED' });

    const before = await footprint();
    const twice = await call('clerk', 'POST', `/registers/${memos.id}/numbers`, { documentId: memo.id });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'DOCUMENT_ALREADY_NUMBERED', details: { existingEntry: { id: issued.body.id, documentId: memo.id } } });
    expect((await call('clerk', 'POST', `/registers/${orders.id}/numbers`, { documentId: memo.id })).body.code).toBe('REGISTER_DOCUMENT_KIND_MISMATCH');
    expect((await call('clerk', 'POST', `/registers/${memos.id}/numbers`, { documentId: randomUUID() })).status).toBe(404);
    expect((await call('clerk', 'POST', `/registers/${memos.id}/numbers`, {})).body.code).toBe('VALIDATION_FAILED');
    expect(await footprint()).toEqual(before);
  });

  it('enters external numbers; a duplicate in the register-year is refused naming the entry that holds it', async () => {
    const subject = 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘';
    const entered = await call('clerk', 'POST', `/registers/${memos.id}/entries`, { number: 'ขร ๗๓๕๐๑/๑๖๕๖', year: 2568, issuedAt: '2025-10-21', subject });
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ year: 2568, number: 1656, numberText: 'ชร ๗๓๕๐๑/๑๖๕๖', printedText: 'ขร ๗๓๕๐๑/๑๖๕๖', source: 'MANUAL', issuedDateTh: '๒๑ ตุลาคม ๒๕๖๘' });
    expect(entered.body.warnings.map((w: { code: string }) => w.code)).toEqual(['W-DOCNO-PREFIX-MISMATCH', 'W-REGISTER-NUMBERS-SKIPPED']);

    const before = await footprint();
    const duplicate = await call('clerk', 'POST', `/registers/${memos.id}/entries`, { number: 'ชร 73501/ 1656', issuedAt: '2025-10-25', subject: 'เรื่องอื่น' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'REGISTER_NUMBER_TAKEN', details: { existingEntry: { id: entered.body.id, number: 1656, year: 2568, subject } } });
    expect(duplicate.body.message).toContain(entered.body.id);
    expect(duplicate.body.messageTh).toContain(subject);
    expect(await footprint()).toEqual(before);

    const sameNumberOtherYear = await call('clerk', 'POST', `/registers/${memos.id}/entries`, { number: 'ชร ๗๓๕๐๑/๑๖๕๖', year: 2567, issuedAt: '2024-10-11', subject: 'ปีก่อน' });
    expect(sameNumberOtherYear.status).toBe(201);
    const order = await call('clerk', 'POST', `/registers/${orders.id}/entries`, { number: 'ที่ ๑๕๒ /๒๕๖๖', issuedAt: '2023-01-30', subject: 'แต่งตั้งคณะทำงาน' });
    expect(order.body).toMatchObject({ year: 2566, number: 152, numberText: '๑๕๒/๒๕๖๖', printedText: 'ที่ ๑๕๒ /๒๕๖๖' });
  });

  it('refuses a number that does not fit the register (400) and an unknown register (404); nothing is saved', async () => {
    const before = await footprint();
    const refusals = [
      [`/registers/${memos.id}/entries`, { number: 'มาตรา 3/1', subject: 'x' }, 400, 'REGISTER_NUMBER_MALFORMED'],
      [`/registers/${memos.id}/entries`, { number: 'ชร ๗๓๕๐๒/๑๐', subject: 'x' }, 400, 'REGISTER_NUMBER_OFFICE_CODE_MISMATCH'],
      [`/registers/${memos.id}/entries`, { number: 'กข ๗๓๕๐๑/๑๐', subject: 'x' }, 400, 'REGISTER_NUMBER_PREFIX_UNKNOWN'],
      [`/registers/${orders.id}/entries`, { number: 'ครั้งที่ ๓ / ๒๕๖๘', subject: 'x' }, 400, 'REGISTER_NUMBER_MALFORMED'],
      [`/registers/${orders.id}/entries`, { number: '๑๕๒/๒๕๖๖', year: 2567, subject: 'x' }, 400, 'REGISTER_NUMBER_YEAR_MISMATCH'],
      [`/registers/${orders.id}/entries`, { number: '๑๕๒/๖๖', subject: 'x' }, 400, 'REGISTER_NUMBER_YEAR_INVALID'],
      [`/registers/${memos.id}/entries`, { number: 'ชร ๗๓๕๐๑/๑๐', issuedAt: '2025-02-30', subject: 'x' }, 400, 'VALIDATION_FAILED'],
      [`/registers/${randomUUID()}/numbers`, { subject: 'x' }, 404, 'REGISTER_NOT_FOUND'],
      [`/registers/${randomUUID()}/entries`, { number: 'ชร ๗๓๕๐๑/๑๐', subject: 'x' }, 404, 'REGISTER_NOT_FOUND'],
    ] as const;
    for (const [path, body, status, code] of refusals) {
      const response = await call('clerk', 'POST', path, body);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status, code });
      expect(response.body.messageTh).toEqual(expect.any(String));
    }
    const foreign = await call('clerk', 'POST', `/registers/${memos.id}/numbers`, { subject: 'x' }, {}, stranger);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'REGISTER_NOT_FOUND' } });
    expect((await call('clerk', 'GET', `/registers/${memos.id}/entries`, undefined, {}, stranger)).status).toBe(404);
    expect(await footprint()).toEqual(before);
  });

  it('cancels a number with a reason: it stays in the view marked ยกเลิก and is not issued again', async () => {
    const issued = await call('clerk', 'POST', `/registers/${memos.id}/numbers`, { subject: 'ออกผิด' });
    const before = await footprint();
    expect((await call('clerk', 'POST', `/registers/${memos.id}/entries/${issued.body.id}/cancel`, { reason: '  ' })).body.code).toBe('VALIDATION_FAILED');
    expect((await call('clerk', 'POST', `/registers/${memos.id}/entries/${randomUUID()}/cancel`, { reason: 'x' })).body.code).toBe('REGISTER_ENTRY_NOT_FOUND');
    expect(await footprint()).toEqual(before);

    const cancelled = await call('clerk', 'POST', `/registers/${memos.id}/entries/${issued.body.id}/cancel`, { reason: 'ออกเลขซ้ำกับหนังสือที่ส่งไปแล้ว' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: issued.body.id, number: issued.body.number, status: 'CANCELLED', cancelledReason: 'ออกเลขซ้ำกับหนังสือที่ส่งไปแล้ว' });
    expect((await call('clerk', 'POST', `/registers/${memos.id}/entries/${issued.body.id}/cancel`, { reason: 'อีกครั้ง' })).status).toBe(409);

    const next = await call('clerk', 'POST', `/registers/${memos.id}/numbers`, { subject: 'ถัดไป' });
    expect(next.body.number).toBe(issued.body.number + 1);
    const reentered = await call('clerk', 'POST', `/registers/${memos.id}/entries`, { number: issued.body.numberText, subject: 'ใช้เลขเดิม' });
    expect(reentered).toMatchObject({ status: 409, body: { code: 'REGISTER_NUMBER_TAKEN', details: { existingEntry: { id: issued.body.id, status: 'CANCELLED' } } } });

    const events = await prisma.auditEvent.findMany({ where: { officeId: office.officeId, targetId: issued.body.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['register.number_issued', 'register.entry_cancelled']);
  });

  it('the register view pages newest first with a cursor', async () => {
    const seen: { year: number; number: number }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/registers/${memos.id}/entries?limit=30${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call('auditor', 'GET', query);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const expected = await prisma.registerEntry.findMany({ where: { registerId: memos.id }, orderBy: [{ year: 'desc' }, { number: 'desc' }] });
    expect(seen.map((e) => [e.year, e.number])).toEqual(expected.map((e) => [e.year, e.number]));

    const year2568 = await call('auditor', 'GET', `/registers/${memos.id}/entries?year=๒๕๖๘`);
    expect(year2568.body.items.map((e: { number: number }) => e.number)).toEqual([1656]);
    expect((await call('auditor', 'GET', `/registers/${memos.id}/entries?year=68`)).body.code).toBe('VALIDATION_FAILED');
  });

  it('exports the register as UTF-8 CSV with a BOM, Thai headers, BE dates and cancelled rows', async () => {
    const response = await fetch(`${api.url}/registers/${memos.id}/entries.csv?year=${thisYear}`, { headers: { authorization: `Bearer ${await office.token('auditor')}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(`register-outgoing-${thisYear}.csv`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('ปี,เลขที่,เลขที่ (ตามที่พิมพ์),เรื่อง,เอกสาร,สถานะ,เหตุผลที่ยกเลิก,วันที่');
    const count = await prisma.registerEntry.count({ where: { registerId: memos.id, year: thisYear } });
    expect(lines).toHaveLength(count + 1);
    const cancelledRow = lines.find((line) => line.includes('ยกเลิก,ออกเลขซ้ำกับหนังสือที่ส่งไปแล้ว'));
    expect(cancelledRow).toMatch(new RegExp(`^${thisYear},ชร ๗๓๕๐๑/[๐-๙]+,ชร ๗๓๕๐๑/[๐-๙]+,ออกผิด,,ยกเลิก,ออกเลขซ้ำกับหนังสือที่ส่งไปแล้ว,[๐-๙]+ \\S+ [๐-๙]{4}$`));

    const unknown = await fetch(`${api.url}/registers/${randomUUID()}/entries.csv`, { headers: { authorization: `Bearer ${await office.token('auditor')}` } });
    expect(unknown.status).toBe(404);
  });
});
