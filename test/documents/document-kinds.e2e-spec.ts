import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { parse as parseDisposition } from 'content-disposition';
import { bangkokDateOf, formatThaiDate, THAI_DATE_FORMS, toThaiDigits } from '@kasian/thai';
import { registerYearOf } from '../../apps/api/src/registry/register-number';
import { ANNOUNCEMENT_001 } from '../../libs/documents/src/__fixtures__/announcement-001';
import { ORDER_002 } from '../../libs/documents/src/__fixtures__/order-002';
import { pdfPageToPng, pdfToText } from '../../libs/documents/src/__testing__/pdf-text';
import { checkLinesInOrder, findInStream, textStream } from '../../libs/documents/src/__testing__/text-stream';
import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';
import { testWorker } from '../support/worker';

const json = { 'content-type': 'application/json' };
const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const DOTS = '.'.repeat(12);
const ORGANISATION = 'องค์การบริหารส่วนตำบลทดสอบ';

/** The 002 order as drafted: what the register (number, year) and the route (signer) add is left out. */
function orderContent(): Record<string, unknown> {
  const { number: _n, yearBE: _y, date: _d, signer: _s, effective: _e, ...drafted } = ORDER_002;
  return JSON.parse(JSON.stringify({ ...drafted, organisation: ORGANISATION }));
}

/** The 001 No Gift Policy ประกาศ as an office drafts it: dates as written, no number, no signer, no date. */
function announcementContent(): Record<string, unknown> {
  const { issuer, subject, fiscalYear, paragraphs } = ANNOUNCEMENT_001;
  return { issuer, organisation: ORGANISATION, subject, fiscalYear, paragraphs, effectiveDate: '๑ ตุลาคม ๒๕๖๗' };
}

/** `๑ ตุลาคม พ.ศ. ๒๕๖๗`, as orders and announcements print their dates. */
const printedDay = (instant: Date | string) => formatThaiDate(bangkokDateOf(new Date(instant)), { ...THAI_DATE_FORMS.full, era: 'พ.ศ. ' });

describe('คำสั่ง and ประกาศ as structured documents through the API (ADR 0016)', () => {
  const prisma = e2ePrisma();
  const prefix = `e2e-kinds-${randomUUID().slice(0, 8)}`;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let office: ScratchOffice;
  let stranger: ScratchOffice;

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix });
    worker = await testWorker({ QUEUE_PREFIX: prefix });
    office = await scratchOfficeWithStaff(prisma, ['W', 'HEAD', 'NAYOK'], [
      { username: 'writer', givenName: 'ผู้ร่าง', position: 'W', roles: ['staff'] },
      { username: 'head', givenName: 'หัวหน้า', position: 'HEAD', roles: ['official'] },
      { username: 'nayok', givenName: 'สมชาย', position: 'NAYOK', roles: ['official'] },
      { username: 'admin', givenName: 'ผู้ดูแล', roles: ['admin'] },
    ]);
    stranger = await scratchOfficeWithStaff(prisma, [], [{ username: 'admin', givenName: 'ต่างหน่วย', roles: ['admin'] }]);
    for (const documentKind of ['ORDER', 'ANNOUNCEMENT']) {
      const published = await call('admin', 'POST', '/route-templates', {
        documentKind,
        name: 'เสนอนายกลงนาม',
        onResubmit: 'RESUME',
        steps: [
          { key: 'head', title: 'หัวหน้าสำนักปลัด', kind: 'SEQUENTIAL', addressees: [office.positions.get('HEAD')], completion: { rule: 'ANY' }, words: [{ word: 'เสนอ', outcome: 'positive' }], comment: 'OPTIONAL' },
          { key: 'nayok', title: 'นายก', kind: 'SEQUENTIAL', addressees: [office.positions.get('NAYOK')], completion: { rule: 'ANY' }, words: [{ word: 'ลงนาม', outcome: 'positive' }], comment: 'OPTIONAL' },
        ],
      });
      expect(published.status).toBe(201);
    }
    expect((await call('admin', 'POST', '/registers', { code: 'orders', nameTh: 'ทะเบียนคำสั่ง', documentKind: 'ORDER', yearKind: 'CALENDAR', format: 'ORDER_STYLE' })).status).toBe(201);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await api.close();
    await worker.close();
    await office.dispose();
    await stranger.dispose();
    await prisma.$disconnect();
  });

  async function call(user: string, method: string, path: string, body?: unknown, from = office) {
    return api.call(path, { method, token: await from.token(user), headers: json, body: body === undefined ? undefined : JSON.stringify(body) });
  }
  const draft = (kind: string, title: string, content: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    call('writer', 'POST', '/documents', { kind, title, content, ...extra });
  async function signOff(documentId: string) {
    expect((await call('writer', 'POST', `/documents/${documentId}/route/submit`, {})).status).toBe(200);
    expect((await call('head', 'POST', `/documents/${documentId}/route/decisions`, { word: 'เสนอ' })).status).toBe(200);
    const signed = await call('nayok', 'POST', `/documents/${documentId}/route/decisions`, { word: 'ลงนาม' });
    expect(signed.body.status).toBe('COMPLETED');
  }
  async function download(documentId: string) {
    const response = await fetch(`${api.url}/documents/${documentId}/pdf`, { headers: { authorization: `Bearer ${await office.token('writer')}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await response.arrayBuffer());
    return { pdf, filename: parseDisposition(response.headers.get('content-disposition')!).parameters.filename, stream: textStream(pdfToText(pdf)) };
  }
  const storedContent = async (documentId: string) => (await prisma.documentVersion.findFirstOrThrow({ where: { documentId, versionNo: 1 } })).content as Record<string, any>;
  const footprint = async () => {
    const where = { where: { officeId: office.officeId } };
    return {
      documents: await prisma.document.count(where),
      versions: await prisma.documentVersion.count(where),
      routes: await prisma.routeInstance.count(where),
      entries: await prisma.registerEntry.count(where),
      audit: await prisma.auditEvent.count(where),
    };
  };

  it('creates a คำสั่ง and a ประกาศ from valid content: stored as validated, the title trimmed, Thai dates read, defaults filled', async () => {
    const order = await draft('ORDER', '  แต่งตั้งคณะทำงานขับเคลื่อน ITA \n', orderContent());
    expect(order.status).toBe(201);
    expect((await prisma.document.findUniqueOrThrow({ where: { id: order.body.documentId } })).title).toBe('แต่งตั้งคณะทำงานขับเคลื่อน ITA');
    expect(await storedContent(order.body.documentId)).toMatchObject({ organisation: ORGANISATION, effective: 'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป', members: ORDER_002.members });

    const announcement = await draft('ANNOUNCEMENT', 'ประกาศ No Gift Policy ๒๕๖๘', { ...announcementContent(), date: '๑ ต.ค. ๖๗' });
    expect(announcement.status).toBe(201);
    expect(await storedContent(announcement.body.documentId)).toMatchObject({ issuer: 'EXECUTIVE', fiscalYear: 2568, effectiveDate: { year: 2024, month: 10, day: 1 }, date: { year: 2024, month: 10, day: 1 } });
  });

  it('refuses invalid คำสั่ง and ประกาศ, an empty title and an unknown register with 400 and a precise code; nothing is saved', async () => {
    const before = await footprint();
    const order = orderContent();
    const announcement = announcementContent();
    const foreignRegister = (await call('admin', 'POST', '/registers', { code: 'theirs', nameTh: 'ทะเบียนคำสั่ง', documentKind: 'ORDER', yearKind: 'CALENDAR', format: 'ORDER_STYLE' }, stranger)).body;
    const refusals: [string, unknown, string, { path: string; code: string }[] | null][] = [
      ['ORDER', { ...order, subject: '   ' }, 'INVALID_DOCUMENT_CONTENT', [{ path: 'subject', code: 'EMPTY_FIELD' }]],
      ['ORDER', { ...order, preamble: ['ก'.repeat(20_001)] }, 'INVALID_DOCUMENT_CONTENT', [{ path: 'preamble.0', code: 'SECTION_TOO_LONG' }]],
      ['ORDER', { ...order, members: [{ name: 'นายสมชาย ใจดี', position: 'รองปลัด', role: 'ที่ปรึกษา' }] }, 'INVALID_DOCUMENT_CONTENT', [{ path: 'members.0.role', code: 'MEMBER_ROLE_UNKNOWN' }]],
      ['ORDER', { ...order, date: { year: 2023, month: 2, day: 29 } }, 'INVALID_DOCUMENT_CONTENT', [{ path: 'date', code: 'IMPOSSIBLE_DATE' }]],
      ['ORDER', { ...order, date: '๒๙ กุมภาพันธ์ ๒๕๖๖' }, 'THAI_DATE_IMPOSSIBLE', null],
      ['ANNOUNCEMENT', { ...announcement, issuer: 'MAYOR' }, 'INVALID_DOCUMENT_CONTENT', [{ path: 'issuer', code: 'ISSUER_UNKNOWN' }]],
      ['ANNOUNCEMENT', { ...announcement, paragraphs: [] }, 'INVALID_DOCUMENT_CONTENT', [{ path: 'paragraphs', code: 'EMPTY_BODY' }]],
      ['ANNOUNCEMENT', { ...announcement, number: 3 }, 'INVALID_DOCUMENT_CONTENT', [{ path: 'yearBE', code: 'MISSING_FIELD' }]],
      ['ANNOUNCEMENT', { ...announcement, effectiveDate: '๓๑ กันยายน ๒๕๖๗' }, 'THAI_DATE_IMPOSSIBLE', null],
    ];
    for (const [kind, content, code, details] of refusals) {
      const response = await draft(kind, 'ร่าง', content as Record<string, unknown>);
      expect({ kind, status: response.status, code: response.body.code }).toEqual({ kind, status: 400, code });
      expect(response.body.messageTh).toEqual(expect.any(String));
      if (details) expect(response.body.details).toEqual(details);
    }

    for (const title of ['', '   ', '\n\t']) {
      const empty = await draft('ORDER', title, order);
      expect(empty.status).toBe(400);
      expect(empty.body).toMatchObject({ code: 'TITLE_EMPTY', message: expect.stringContaining('title'), messageTh: 'ต้องระบุชื่อเรื่องของเอกสาร' });
    }
    expect((await draft('ORDER', 'ก'.repeat(501), order)).body.code).toBe('TITLE_TOO_LONG');

    for (const registerId of [randomUUID(), foreignRegister.id]) {
      const unknown = await draft('ORDER', 'ทะเบียนที่ไม่มี', order, { registerId });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'REGISTER_UNKNOWN', details: { field: 'registerId', registerId }, messageTh: expect.stringContaining('ทะเบียน') });
    }
    expect(await footprint()).toEqual(before);
  });

  it('a คำสั่ง signed by the นายก prints with its register number, สั่ง ณ วันที่ and the signer', async () => {
    const documentId = (await draft('ORDER', 'แต่งตั้งคณะทำงาน', orderContent())).body.documentId;
    await signOff(documentId);
    const entry = await prisma.registerEntry.findFirstOrThrow({ where: { documentId } });
    const number = `${toThaiDigits(entry.number)}/${toThaiDigits(entry.year)}`;
    const { filename, stream } = await download(documentId);
    expect(filename).toBe(`คำสั่ง ที่ ${number.replace('/', '-')}.pdf`);
    const lines = [`คำสั่ง${ORGANISATION}`, `ที่ ${number}`, `เรื่อง ${ORDER_002.subject}`, 'ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป', `สั่ง ณ วันที่ ${printedDay(entry.issuedAt)}`, '(นายสมชาย ทดสอบ)', 'ตำแหน่ง NAYOK'];
    expect(checkLinesInOrder(lines, stream)).toEqual({ found: lines.length, missing: null });
  });

  describe('a ประกาศ no register numbers', () => {
    let documentId: string;

    beforeAll(async () => {
      documentId = (await draft('ANNOUNCEMENT', 'ประกาศ No Gift Policy', announcementContent())).body.documentId;
    });

    it('downloads as a draft: no ที่ line, dots for ประกาศ ณ วันที่ and the signer', async () => {
      const { pdf, filename, stream } = await download(documentId);
      expect(filename).toBe('ร่างประกาศ ฉบับที่ ๑.pdf');
      writeFileSync(new URL('announcement-draft.pdf', ARTIFACTS), pdf);
      const lines = [`ประกาศ${ORGANISATION}`, `เรื่อง ${ANNOUNCEMENT_001.subject}`, ANNOUNCEMENT_001.paragraphs[0], 'ทั้งนี้ ตั้งแต่วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗ เป็นต้นไป', `ประกาศ ณ วันที่ ${'.'.repeat(40)}`, `(${'.'.repeat(40)})`];
      expect(checkLinesInOrder(lines, stream)).toEqual({ found: lines.length, missing: null });
      expect(stream).not.toMatch(/^ที่ /m);
    });

    it('once the นายก signs, prints the day it was signed and the นายก’s signature', async () => {
      await signOff(documentId);
      const timeline = (await call('writer', 'GET', `/documents/${documentId}/route`)).body.entries as { type: string; at: string }[];
      const signedAt = timeline.findLast((e) => e.type === 'DECIDED')!.at;
      const { pdf, filename, stream } = await download(documentId);
      expect(filename).toBe('ประกาศ ฉบับที่ ๑.pdf');
      writeFileSync(new URL('announcement-signed.pdf', ARTIFACTS), pdf);
      writeFileSync(new URL('announcement-signed-page1.png', ARTIFACTS), pdfPageToPng(pdf, 1, 80));
      const lines = [`ประกาศ${ORGANISATION}`, 'ทั้งนี้ ตั้งแต่วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗ เป็นต้นไป', `ประกาศ ณ วันที่ ${printedDay(signedAt)}`, '(นายสมชาย ทดสอบ)', 'ตำแหน่ง NAYOK'];
      expect(checkLinesInOrder(lines, stream)).toEqual({ found: lines.length, missing: null });
      expect(await prisma.registerEntry.count({ where: { documentId } })).toBe(0);
    });
  });

  describe('a ประกาศ numbered by the office’s ทะเบียนประกาศ', () => {
    let documentId: string;
    const year = registerYearOf('CALENDAR', new Date());

    beforeAll(async () => {
      const register = await call('admin', 'POST', '/registers', { code: 'announcements', nameTh: 'ทะเบียนประกาศ', documentKind: 'ANNOUNCEMENT', yearKind: 'CALENDAR', format: 'ORDER_STYLE' });
      expect(register.status).toBe(201);
      documentId = (await draft('ANNOUNCEMENT', 'ประกาศมีเลขที่', announcementContent())).body.documentId;
      expect((await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).registerId).toBe(register.body.id);
    });

    it('prints a ที่ line of dots on the draft, and the register’s number once signed', async () => {
      const drafted = await download(documentId);
      expect(checkLinesInOrder([`ประกาศ${ORGANISATION}`, `ที่ ${DOTS}/${DOTS}`, `เรื่อง ${ANNOUNCEMENT_001.subject}`], drafted.stream).missing).toBeNull();

      await signOff(documentId);
      const entry = await prisma.registerEntry.findFirstOrThrow({ where: { documentId } });
      expect(entry).toMatchObject({ number: 1, year, numberText: `๑/${toThaiDigits(year)}` });
      const signed = await download(documentId);
      expect(signed.filename).toBe(`ประกาศ ที่ ๑-${toThaiDigits(year)}.pdf`);
      const lines = [`ประกาศ${ORGANISATION}`, `ที่ ๑/${toThaiDigits(year)}`, `ประกาศ ณ วันที่ ${printedDay(entry.issuedAt)}`, '(นายสมชาย ทดสอบ)'];
      expect(checkLinesInOrder(lines, signed.stream)).toEqual({ found: lines.length, missing: null });
      expect(findInStream(signed.stream, DOTS)).toBe(-1);
    });
  });

  it('the demo office drafts คำสั่ง and ประกาศ on its seeded routes up to the นายก', async () => {
    const token = await tokenFor('drafter');
    for (const [kind, content] of [
      ['ORDER', orderContent()],
      ['ANNOUNCEMENT', announcementContent()],
    ] as const) {
      const created = await api.call('/documents', { method: 'POST', token, headers: json, body: JSON.stringify({ kind, title: `ร่าง ${kind}`, content }) });
      expect(created.status).toBe(201);
      const route = await prisma.routeInstance.findFirstOrThrow({ where: { documentId: created.body.documentId } });
      expect((route.state as { template: { steps: { title: string }[] } }).template.steps.map((s) => s.title)).toEqual(['หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล', 'ปลัดองค์การบริหารส่วนตำบลป่าตึง', 'นายกองค์การบริหารส่วนตำบลป่าตึง']);
    }
  });
});
