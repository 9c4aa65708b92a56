import { registerYearOf } from '../../apps/api/src/registry/register-number';
import { query } from '../support/database';
import { asOwner, e2eDatabaseUrl } from '../support/environment';
import { type RunningApi, startApi } from '../support/http';
import { shortMemo } from '../support/memo-content';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';

const json = { 'content-type': 'application/json' };
const CONCURRENT_SIGN_OFFS = 12;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** ออกเลขเมื่อลงนาม: the register numbers a memo in the transaction of the decision that completes its route (ADR 0011). */
describe('register number at sign-off', () => {
  let api: RunningApi;
  let office: ScratchOffice;
  const prisma = e2ePrisma();
  const year = registerYearOf('CALENDAR', new Date());
  let outgoing: { id: string };

  beforeAll(async () => {
    api = await startApi({ DATABASE_POOL_SIZE: '20' });
    office = await scratchOfficeWithStaff(prisma, ['W', 'HEAD', 'NAYOK'], [
      { username: 'writer', givenName: 'ผู้จัดทำ', position: 'W', roles: ['staff'] },
      { username: 'head', givenName: 'หัวหน้า', position: 'HEAD', roles: ['official'] },
      { username: 'nayok', givenName: 'นายก', position: 'NAYOK', roles: ['official'] },
      { username: 'admin', givenName: 'ผู้ดูแล', roles: ['admin'] },
    ]);
    for (const user of ['writer', 'head', 'nayok', 'admin']) await office.token(user);
    const template = await call('admin', 'POST', '/route-templates', {
      documentKind: 'MEMO',
      name: 'เสนอนายก',
      onResubmit: 'RESUME',
      steps: [
        { key: 'head', title: 'หัวหน้าฝ่าย', kind: 'SEQUENTIAL', addressees: [office.positions.get('HEAD')], completion: { rule: 'ANY' }, words: [{ word: 'เสนอ', outcome: 'positive' }], comment: 'OPTIONAL' },
        {
          key: 'nayok',
          title: 'ความเห็นของนายก',
          kind: 'SEQUENTIAL',
          addressees: [office.positions.get('NAYOK')],
          completion: { rule: 'ANY' },
          words: [
            { word: 'อนุมัติ', outcome: 'positive' },
            { word: 'ไม่อนุมัติ', outcome: 'negative' },
          ],
          comment: 'OPTIONAL',
        },
      ],
    });
    expect(template.status).toBe(201);
    outgoing = (await call('admin', 'POST', '/registers', registerBody('outgoing', 'SIGN_OFF'))).body;
  });
  afterAll(async () => {
    await api.close();
    await office.dispose();
    await prisma.$disconnect();
  });

  function registerBody(code: string, issueAt: 'SIGN_OFF' | 'SUBMIT') {
    return { code, nameTh: `ทะเบียนหนังสือส่ง ${code}`, documentKind: 'MEMO', yearKind: 'CALENDAR', format: 'MEMO_STYLE', prefix: 'ชร', officeCode: '73501', issueAt };
  }
  async function call(user: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return api.call(path, { method, token: await office.token(user), headers: { ...json, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  }
  const route = (user: string, documentId: string, action: string, body: unknown = {}) => call(user, 'POST', `/documents/${documentId}/route/${action}`, body);
  async function draft(subject: string, extra: Record<string, unknown> = {}) {
    const created = await call('writer', 'POST', '/documents', { kind: 'MEMO', title: subject, content: shortMemo(subject), ...extra });
    expect(created.status).toBe(201);
    return created.body.documentId as string;
  }
  /** Drafted, submitted and proposed up by the head: the next decision, นายก's, is the last. */
  async function atFinalStep(subject: string, extra: Record<string, unknown> = {}) {
    const documentId = await draft(subject, extra);
    expect((await route('writer', documentId, 'submit')).status).toBe(200);
    expect((await route('head', documentId, 'decisions', { word: 'เสนอ' })).body.currentStep.key).toBe('nayok');
    return documentId;
  }
  const entriesOf = (documentId: string) => prisma.registerEntry.findMany({ where: { documentId }, orderBy: { number: 'asc' } });
  const counterOf = async (registerId: string) => (await prisma.registerCounter.findUnique({ where: { registerId_year: { registerId, year } } }))?.lastNumber ?? 0;

  it('binds a new memo to the office’s only memo register', async () => {
    const documentId = await draft('ผูกทะเบียน');
    expect((await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).registerId).toBe(outgoing.id);
  });

  it('the final approval issues exactly one number, in its own transaction, audited after the decision; earlier steps issue none', async () => {
    const documentId = await draft('ขออนุมัติจัดอบรม');
    await route('writer', documentId, 'submit');
    await route('head', documentId, 'decisions', { word: 'เสนอ' });
    expect(await entriesOf(documentId)).toEqual([]);

    const approved = await route('nayok', documentId, 'decisions', { word: 'อนุมัติ' });
    expect(approved.body).toMatchObject({ status: 'COMPLETED' });
    const entries = await entriesOf(documentId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ registerId: outgoing.id, year, number: 1, numberText: 'ชร ๗๓๕๐๑/๑', source: 'ALLOCATED', status: 'ISSUED' });
    expect(await counterOf(outgoing.id)).toBe(1);

    const audit = await prisma.auditEvent.findMany({ where: { officeId: office.officeId }, orderBy: { seq: 'asc' } });
    const decided = audit.filter((e) => e.targetId === documentId && e.action === 'route.decided').at(-1)!;
    const numbered = audit.filter((e) => e.action === 'register.number_issued');
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toMatchObject({ targetType: 'register_entry', targetId: entries[0].id, actorPersonId: office.people.get('nayok'), versionHash: decided.versionHash });
    expect(numbered[0].seq).toBe(decided.seq + 1n);
    expect(numbered[0].payload).toMatchObject({ numberText: 'ชร ๗๓๕๐๑/๑', documentId, issuedAt: 'SIGN_OFF', routeEvent: { type: 'DECIDED' } });

    expect((await route('nayok', documentId, 'decisions', { word: 'อนุมัติ' })).body.code).toBe('ROUTE_FINISHED');
    expect(await entriesOf(documentId)).toHaveLength(1);
  });

  it('a rejection at the last step issues no number', async () => {
    const documentId = await atFinalStep('ขอไม่อนุมัติ');
    expect((await route('nayok', documentId, 'rejections', { word: 'ไม่อนุมัติ', reason: 'งบประมาณไม่พอ' })).body.status).toBe('REJECTED');
    expect(await entriesOf(documentId)).toEqual([]);
    expect(await counterOf(outgoing.id)).toBe(1);
  });

  it('a final decision that fails after numbering rolls back whole: the number is not consumed, the register stays gap-free', async () => {
    const documentId = await atFinalStep('ล้มเหลวหลังออกเลข');
    const url = asOwner(e2eDatabaseUrl());
    // The last write of the sign-off transaction, the audit event of the number just allocated, fails for this document only.
    await query(url, `CREATE FUNCTION e2e_fail_sign_off() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'e2e: audit append refused'; END $$`);
    await query(
      url,
      `CREATE TRIGGER e2e_fail_sign_off BEFORE INSERT ON audit_events FOR EACH ROW
        WHEN (NEW.action = 'register.number_issued' AND NEW.payload->>'documentId' = '${documentId}') EXECUTE FUNCTION e2e_fail_sign_off()`,
    );
    try {
      const failed = await route('nayok', documentId, 'decisions', { word: 'อนุมัติ' });
      expect(failed.status).toBe(500);
    } finally {
      await query(url, `DROP TRIGGER e2e_fail_sign_off ON audit_events`);
      await query(url, `DROP FUNCTION e2e_fail_sign_off()`);
    }
    expect(await entriesOf(documentId)).toEqual([]);
    expect(await counterOf(outgoing.id)).toBe(1);
    expect((await prisma.routeInstance.findFirstOrThrow({ where: { documentId } })).status).toBe('IN_ROUTE');
    expect(await prisma.auditEvent.count({ where: { targetId: documentId, action: 'route.decided', payload: { path: ['status'], equals: 'COMPLETED' } } })).toBe(0);

    expect((await route('nayok', documentId, 'decisions', { word: 'อนุมัติ' })).body.status).toBe('COMPLETED');
    expect((await entriesOf(documentId)).map((e) => e.number)).toEqual([2]);
  });

  it(`${CONCURRENT_SIGN_OFFS} concurrent sign-offs in one register get consecutive numbers, one each`, async () => {
    const documents = [];
    for (const i of range(1, CONCURRENT_SIGN_OFFS)) documents.push(await atFinalStep(`ลงนามพร้อมกัน ${i}`));
    const before = await counterOf(outgoing.id);
    const responses = await Promise.all(documents.map((documentId) => route('nayok', documentId, 'decisions', { word: 'อนุมัติ' })));
    expect(responses.map((r) => r.status)).toEqual(Array(CONCURRENT_SIGN_OFFS).fill(200));

    const numbers = (await Promise.all(documents.map(entriesOf))).map((entries) => entries.map((e) => e.number));
    expect(numbers.every((n) => n.length === 1)).toBe(true);
    expect(numbers.flat().sort((a, b) => a - b)).toEqual(range(before + 1, before + CONCURRENT_SIGN_OFFS));
    expect(await counterOf(outgoing.id)).toBe(before + CONCURRENT_SIGN_OFFS);
    const all = await prisma.registerEntry.findMany({ where: { registerId: outgoing.id, year }, orderBy: { number: 'asc' } });
    expect(all.map((e) => e.number)).toEqual(range(1, before + CONCURRENT_SIGN_OFFS));
  });

  it('a memo numbered by hand before sign-off keeps that number: the sign-off issues none', async () => {
    const documentId = await atFinalStep('เลขที่ออกก่อน');
    const issued = await call('writer', 'POST', `/registers/${outgoing.id}/numbers`, { documentId });
    expect(issued.status).toBe(201);
    await route('nayok', documentId, 'decisions', { word: 'อนุมัติ' });
    expect((await entriesOf(documentId)).map((e) => e.numberText)).toEqual([issued.body.printedText]);
  });

  describe('with a second memo register that reserves numbers at submission (issue-at SUBMIT)', () => {
    let reserved: { id: string };

    beforeAll(async () => {
      reserved = (await call('admin', 'POST', '/registers', registerBody('reserved', 'SUBMIT'))).body;
    });

    it('a new memo must name its register; a register of another kind or office is refused; nothing is saved', async () => {
      const count = () => prisma.document.count({ where: { officeId: office.officeId } });
      const before = await count();
      const unnamed = await call('writer', 'POST', '/documents', { kind: 'MEMO', title: 'ไม่ระบุทะเบียน', content: shortMemo('ไม่ระบุทะเบียน') });
      expect(unnamed.status).toBe(400);
      expect(unnamed.body).toMatchObject({ code: 'REGISTER_CHOICE_REQUIRED', messageTh: expect.stringContaining('ทะเบียน') });
      expect(unnamed.body.details.registers.map((r: { code: string }) => r.code)).toEqual(['outgoing', 'reserved']);
      const orders = (await call('admin', 'POST', '/registers', { code: 'orders', nameTh: 'ทะเบียนคำสั่ง', documentKind: 'ORDER', yearKind: 'CALENDAR', format: 'ORDER_STYLE' })).body;
      const wrongKind = await call('writer', 'POST', '/documents', { kind: 'MEMO', title: 'ผิดประเภท', content: shortMemo('ผิดประเภท'), registerId: orders.id });
      expect(wrongKind.body.code).toBe('REGISTER_DOCUMENT_KIND_MISMATCH');
      const demoRegister = await prisma.register.findFirstOrThrow({ where: { officeId: { not: office.officeId } } });
      const foreign = await call('writer', 'POST', '/documents', { kind: 'MEMO', title: 'ทะเบียนหน่วยอื่น', content: shortMemo('ทะเบียนหน่วยอื่น'), registerId: demoRegister.id });
      expect(foreign.status).toBe(400);
      expect(foreign.body).toMatchObject({ code: 'REGISTER_UNKNOWN', details: { field: 'registerId', registerId: demoRegister.id } });
      expect(await count()).toBe(before);
    });

    it('reserves the number at the first submission; a return, a resubmission and the sign-off issue no other', async () => {
      const documentId = await draft('จองเลขเมื่อเสนอ', { registerId: reserved.id });
      expect(await entriesOf(documentId)).toEqual([]);
      await route('writer', documentId, 'submit');
      const [entry] = await entriesOf(documentId);
      expect(entry).toMatchObject({ registerId: reserved.id, number: 1, numberText: 'ชร ๗๓๕๐๑/๑' });
      const audit = await prisma.auditEvent.findFirstOrThrow({ where: { officeId: office.officeId, action: 'register.number_issued', targetId: entry.id } });
      expect(audit.payload).toMatchObject({ issuedAt: 'SUBMIT', routeEvent: { type: 'SUBMITTED' } });

      await route('head', documentId, 'returns', { to: 'DRAFTER', reason: 'แก้ไขเรื่อง' });
      await route('writer', documentId, 'resubmissions', { content: shortMemo('จองเลขเมื่อเสนอ (แก้ไข)') });
      await route('head', documentId, 'decisions', { word: 'เสนอ' });
      expect((await route('nayok', documentId, 'decisions', { word: 'อนุมัติ' })).body.status).toBe('COMPLETED');
      expect((await entriesOf(documentId)).map((e) => e.id)).toEqual([entry.id]);
    });

    it('the sign-off register is untouched by submissions', async () => {
      const before = await counterOf(outgoing.id);
      const documentId = await draft('ออกเลขเมื่อลงนาม', { registerId: outgoing.id });
      await route('writer', documentId, 'submit');
      expect(await entriesOf(documentId)).toEqual([]);
      expect(await counterOf(outgoing.id)).toBe(before);
    });
  });
});
