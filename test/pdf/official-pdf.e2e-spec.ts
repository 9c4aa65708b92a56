import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bull';
import { parse as parseDisposition } from 'content-disposition';
import { TIMELINE_TITLE } from '@kasian/documents';
import { PDF_QUEUE } from '@kasian/jobs';
import { bangkokDateOf, formatThaiDate } from '@kasian/thai';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { pdfPageCount, pdfPageToPng, pdfToText } from '../../libs/documents/src/__testing__/pdf-text';
import { checkLinesInOrder, findInStream, textStream } from '../../libs/documents/src/__testing__/text-stream';
import { workerConfig } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { memo001Content } from '../support/memo-content';
import { e2ePrisma } from '../support/prisma';
import { scratchOfficeWithStaff } from '../support/scratch-office';

const json = { 'content-type': 'application/json' };
const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const USERS = ['drafter', 'kanokporn', 'naphatthiya', 'kittichai', 'nattakorn'] as const;
type User = (typeof USERS)[number];

interface Download {
  status: number;
  headers: Headers;
  pdf: Uint8Array;
  body: any;
}

const queuePrefix = () => `e2e-pdf-${randomUUID().slice(0, 8)}`;
const healthPort = () => String(30_000 + Math.floor(Math.random() * 20_000));

/** `ฉบับที่` and `ฉบับเอกสาร` of every appendix row, in order, as pdftotext -layout gives them back. */
function appendixVersions(pdf: Uint8Array): { versionNo: string; hash: string }[] {
  const lines = pdfToText(pdf, 'layout').split('\n').map((l) => l.trim());
  const numbers = lines.flatMap((l) => /^ฉบับที่\s+([๐-๙]+)$/.exec(l)?.[1] ?? []);
  const hashes = lines.flatMap((l) => /^ฉบับเอกสาร\s+([0-9a-f]{64})$/.exec(l)?.[1] ?? []);
  expect(numbers).toHaveLength(hashes.length);
  return numbers.map((versionNo, i) => ({ versionNo, hash: hashes[i] }));
}

describe('GET /documents/:id/pdf: the official PDF, printed by the worker and cached', () => {
  const prisma = e2ePrisma();
  const prefix = queuePrefix();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let queue: Queue;
  const tokens = {} as Record<User, string>;

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix });
    worker = await createWorker(workerConfig({ QUEUE_PREFIX: prefix, WORKER_HEALTH_PORT: healthPort() }));
    queue = worker.get<Queue>(getQueueToken(PDF_QUEUE));
    for (const user of USERS) tokens[user] = await tokenFor(user);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await api.close();
    await worker.close();
    await prisma.$disconnect();
  });

  const call = (user: User, method: string, path: string, body?: unknown) =>
    api.call(path, { method, token: tokens[user], headers: json, body: body === undefined ? undefined : JSON.stringify(body) });
  const act = (user: User, documentId: string, action: string, body: unknown = {}) => call(user, 'POST', `/documents/${documentId}/route/${action}`, body);
  async function download(user: User, documentId: string, query = '', headers: Record<string, string> = {}, from = api): Promise<Download> {
    const response = await fetch(`${from.url}/documents/${documentId}/pdf${query}`, { headers: { authorization: `Bearer ${tokens[user]}`, ...headers } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const isJson = response.headers.get('content-type')?.startsWith('application/json');
    return { status: response.status, headers: response.headers, pdf: bytes, body: isJson ? JSON.parse(Buffer.from(bytes).toString('utf8')) : null };
  }
  const completedJobs = async () => (await queue.getJobCounts()).completed;
  const storedVersions = async (documentId: string) =>
    (await call('drafter', 'GET', `/documents/${documentId}/versions`)).body as { versionNo: number; contentHash: string }[];

  describe('a decision bound to version 2, printed after version 3 exists', () => {
    let documentId: string;

    beforeAll(async () => {
      documentId = (await call('drafter', 'POST', '/documents', { kind: 'MEMO', title: 'รายงานผล ITA ๒๕๖๘', content: memo001Content() })).body.documentId;
      expect((await call('drafter', 'PUT', `/documents/${documentId}/content`, { content: memo001Content(' ภายในไตรมาสที่ ๒') })).body.versionNo).toBe(2);
      await act('drafter', documentId, 'submit');
      await act('kanokporn', documentId, 'decisions', { word: 'เสนอ' });
      await act('naphatthiya', documentId, 'returns', { to: 'DRAFTER', reason: 'ขอให้ระบุเดือน' });
      expect((await call('drafter', 'PUT', `/documents/${documentId}/content`, { content: memo001Content(' ภายในเดือนมีนาคม ๒๕๖๙') })).body.versionNo).toBe(3);
      expect((await act('drafter', documentId, 'resubmissions')).status).toBe(200);
    });

    it('the timeline reports the decision as made on version 2, with version 2’s stored hash', async () => {
      const versions = await storedVersions(documentId);
      const entries = (await call('drafter', 'GET', `/documents/${documentId}/route`)).body.entries as Record<string, any>[];
      expect(entries.find((e) => e.type === 'DECIDED')).toMatchObject({ documentVersionNo: 2, documentHash: versions[1].contentHash });
      // The drafter's block printed under the closing line is the one snapshotted at submission.
      expect(entries.find((e) => e.type === 'SUBMITTED')?.signature).toMatchObject({ nameAsPrinted: '(นางสาวพิมพ์ชนก ทดลองใช้)', positionTitleAsPrinted: 'นักวิเคราะห์นโยบายและแผน' });
    });

    it('the PDF appendix prints version ๒ and the stored hash of version 2 for that decision, as extracted by pdftotext', async () => {
      const versions = await storedVersions(documentId);
      const { status, headers, pdf } = await download('drafter', documentId);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/pdf');
      expect(parseDisposition(headers.get('content-disposition')!).parameters.filename).toBe('ร่างบันทึกข้อความ ฉบับที่ ๓.pdf');
      writeFileSync(new URL('official-pdf-versions.pdf', ARTIFACTS), pdf);

      const rows = appendixVersions(pdf);
      // เสนอ (v2), เสนอ by หัวหน้าฝ่าย (v2), ส่งคืนแก้ไข (v2), เสนอใหม่ (v3)
      expect(rows).toEqual([
        { versionNo: '๒', hash: versions[1].contentHash },
        { versionNo: '๒', hash: versions[1].contentHash },
        { versionNo: '๒', hash: versions[1].contentHash },
        { versionNo: '๓', hash: versions[2].contentHash },
      ]);
      const stream = textStream(pdfToText(pdf));
      expect(checkLinesInOrder(['นางสาวกนกพร โภชนพันธ์', 'หัวหน้าฝ่ายอำนวยการ', 'เสนอ', 'ฉบับที่ ๒'], stream.slice(stream.indexOf(TIMELINE_TITLE))).missing).toBeNull();
      expect(findInStream(stream, 'ส่งคืนแก้ไข: ขอให้ระบุเดือน')).toBeGreaterThan(0);
    });

    it('a draft prints an empty ที่ line, its drafter’s block and the blocks decided so far', async () => {
      const { pdf } = await download('drafter', documentId);
      const layout = pdfToText(pdf, 'layout');
      expect(layout).toMatch(/^\s*ที่\s+วันที่\s*$/m);
      expect(checkLinesInOrder(['จึงเรียนมาเพื่อโปรดพิจารณา', '(ลงชื่อ)', '(นางสาวพิมพ์ชนก ทดลองใช้)', 'นักวิเคราะห์นโยบายและแผน', '(ลงชื่อ)', '(นางสาวกนกพร โภชนพันธ์)'], textStream(pdfToText(pdf))).missing).toBeNull();
    });

    it('?version=2 prints version 2 with only what was decided on it, and its own cache entry', async () => {
      const versions = await storedVersions(documentId);
      const latest = await download('drafter', documentId);
      const second = await download('drafter', documentId, '?version=2');
      expect(second.status).toBe(200);
      expect(second.headers.get('etag')).not.toBe(latest.headers.get('etag'));
      expect(appendixVersions(second.pdf).map((r) => r.hash)).toEqual(Array(3).fill(versions[1].contentHash));
      expect(findInStream(textStream(pdfToText(second.pdf)), 'ภายในไตรมาสที่ ๒')).toBeGreaterThan(0);
      expect(findInStream(textStream(pdfToText(latest.pdf)), 'ภายในเดือนมีนาคม ๒๕๖๙')).toBeGreaterThan(0);
    });

    it('a new decision gives a new PDF (new key, printed again); the unchanged document is served from the cache', async () => {
      const before = await download('drafter', documentId);
      expect(before.headers.get('kasian-pdf-cache')).toBe('hit');
      const jobs = await completedJobs();
      expect((await act('naphatthiya', documentId, 'decisions', { word: 'เห็นชอบ' })).status).toBe(200);

      const after = await download('drafter', documentId);
      expect(after.status).toBe(200);
      expect(after.headers.get('kasian-pdf-cache')).toBe('miss');
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
      expect(await completedJobs()).toBe(jobs + 1);
      expect(appendixVersions(after.pdf)).toHaveLength(appendixVersions(before.pdf).length + 1);
      expect(findInStream(textStream(pdfToText(after.pdf)), '(นางสาวนภัทธิญา วิชระอภิเดชากุล)')).toBeGreaterThan(0);
    });
  });

  describe('the 001 chain through the API: drafter → ฝ่ายอำนวยการ → สำนักปลัด → ปลัด (returns, then opinion) → นายก อนุมัติ', () => {
    let documentId: string;
    let numberText: string;
    let issuedOn: string;
    let first: Download;

    beforeAll(async () => {
      documentId = (await call('drafter', 'POST', '/documents', { kind: 'MEMO', title: memo001Content().subject, content: memo001Content() })).body.documentId;
      await act('drafter', documentId, 'submit');
      await act('kanokporn', documentId, 'decisions', { word: 'เสนอ' });
      await act('naphatthiya', documentId, 'decisions', { word: 'เห็นชอบ' });
      await act('kittichai', documentId, 'returns', { to: 'DRAFTER', reason: 'ขอให้ระบุกรอบเวลาในข้อ ๔.๒' });
      await act('drafter', documentId, 'resubmissions', { content: memo001Content(' ภายในเดือนมีนาคม ๒๕๖๙') });
      await act('kittichai', documentId, 'decisions', { word: 'เห็นควรอนุมัติ', comment: 'เห็นควรอนุมัติตามเสนอ' });
      expect((await act('nattakorn', documentId, 'decisions', { word: 'อนุมัติ / ให้ดำเนินการ' })).body.status).toBe('COMPLETED');
      const entry = await prisma.registerEntry.findFirstOrThrow({ where: { documentId } });
      numberText = entry.numberText;
      issuedOn = formatThaiDate(bangkokDateOf(entry.issuedAt), 'full');
      first = await download('nattakorn', documentId);
    });

    it('the sign-off numbered it in the office’s ทะเบียนหนังสือส่ง', () => {
      expect(numberText).toMatch(/^ชร ๗๓๕๐๑\/[๑-๙][๐-๙]*$/);
    });

    it('downloads as application/pdf with an RFC 6266 Thai filename', () => {
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(first.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      const disposition = first.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="?memo-[0-9a-f-]+-v2\.pdf"?; filename\*=UTF-8''/);
      expect(parseDisposition(disposition).parameters.filename).toBe(`บันทึกข้อความ ที่ ${numberText.replace('/', '-')}.pdf`);
      writeFileSync(new URL('official-pdf-001.pdf', ARTIFACTS), first.pdf);
      writeFileSync(new URL('official-pdf-001-page1.png', ARTIFACTS), pdfPageToPng(first.pdf, 1, 80));
    });

    it('prints the register number on the ที่ line and the sign-off day on the วันที่ line', () => {
      const stream = textStream(pdfToText(first.pdf));
      expect(checkLinesInOrder(['บันทึกข้อความ', 'ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลป่าตึง', `ที่ ${numberText}`, `วันที่ ${issuedOn}`], stream).missing).toBeNull();
    });

    it('stacks the drafter’s block, the two signers, ความเห็นของปลัด and ความเห็นของนายก with their words and snapshots', () => {
      const stream = textStream(pdfToText(first.pdf));
      const blocks = [
        'จึงเรียนมาเพื่อโปรดพิจารณา',
        '(ลงชื่อ)', '(นางสาวพิมพ์ชนก ทดลองใช้)', 'นักวิเคราะห์นโยบายและแผน',
        '(ลงชื่อ)', '(นางสาวกนกพร โภชนพันธ์)', 'หัวหน้าฝ่ายอำนวยการ',
        '(ลงชื่อ)', '(นางสาวนภัทธิญา วิชระอภิเดชากุล)', 'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล',
        'ความเห็นของปลัดองค์การบริหารส่วนตำบลป่าตึง', 'เห็นควรอนุมัติ', 'เห็นควรอนุมัติตามเสนอ', 'ร้อยโท', '(กิตติชัย เจริญยิ่ง)', 'ปลัดองค์การบริหารส่วนตำบลป่าตึง',
        'ความเห็นของนายกองค์การบริหารส่วนตำบลป่าตึง', 'อนุมัติ / ให้ดำเนินการ', '(ลงชื่อ)', '(นายณัฐกรณ์ ใจรังสี)', 'นายกองค์การบริหารส่วนตำบลป่าตึง',
        TIMELINE_TITLE,
        `แนบท้ายบันทึกข้อความ ที่ ${numberText} ลงวันที่ ${issuedOn}`,
      ];
      expect(checkLinesInOrder(blocks, stream)).toEqual({ found: blocks.length, missing: null });
    });

    it('the appendix has every action with the version it was taken on and that version’s stored hash', async () => {
      const versions = await storedVersions(documentId);
      const v = (n: number) => ({ versionNo: '๐๑๒'[n], hash: versions[n - 1].contentHash });
      // เสนอ, ฝ่ายอำนวยการ, สำนักปลัด, ปลัดส่งคืน (v1) · เสนอใหม่, ปลัด, นายก (v2)
      expect(appendixVersions(first.pdf)).toEqual([v(1), v(1), v(1), v(1), v(2), v(2), v(2)]);
      expect(pdfPageCount(first.pdf)).toBeGreaterThanOrEqual(3);
    });

    it('a second download is the cached object: no job, same ETag; If-None-Match answers 304', async () => {
      const jobs = await completedJobs();
      const again = await download('drafter', documentId);
      expect(again.status).toBe(200);
      expect(again.headers.get('kasian-pdf-cache')).toBe('hit');
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(Buffer.compare(Buffer.from(again.pdf), Buffer.from(first.pdf))).toBe(0);
      const notModified = await download('drafter', documentId, '', { 'if-none-match': first.headers.get('etag')! });
      expect(notModified.status).toBe(304);
      expect(notModified.pdf).toHaveLength(0);
      expect(await completedJobs()).toBe(jobs);
    });
  });

  describe('refusals', () => {
    it('404 for an unknown document or version, 400 for a bad version, 404 for another office’s document', async () => {
      expect((await download('drafter', randomUUID())).body).toMatchObject({ code: 'NOT_FOUND', messageTh: 'ไม่พบเอกสาร' });
      const documentId = (await call('drafter', 'POST', '/documents', { kind: 'MEMO', title: 'ร่าง', content: memo001Content() })).body.documentId;
      const missing = await download('drafter', documentId, '?version=9');
      expect(missing.status).toBe(404);
      expect(missing.body.messageTh).toBe('ไม่พบฉบับของเอกสาร');
      expect((await download('drafter', documentId, '?version=0')).body.code).toBe('VALIDATION_FAILED');
      const stranger = await scratchOfficeWithStaff(prisma, [], [{ username: 'clerk', givenName: 'ต่างหน่วย', roles: ['staff'] }]);
      try {
        const response = await fetch(`${api.url}/documents/${documentId}/pdf`, { headers: { authorization: `Bearer ${await stranger.token('clerk')}` } });
        expect(response.status).toBe(404);
      } finally {
        await stranger.dispose();
      }
    });

    it('422 with a Thai and English message for a report that is not the ITA measures report, and for content that does not fit its kind; nothing queued', async () => {
      const drafter = await prisma.person.findFirstOrThrow({ where: { username: 'drafter' }, include: { assignments: true } });
      const stored = async (kind: 'REPORT' | 'ORDER', content: object) => {
        const document = await prisma.document.create({
          data: { officeId: drafter.officeId, kind, title: 'e2e', drafterPersonId: drafter.id, drafterPositionId: drafter.assignments[0].positionId, currentVersionNo: 1 },
        });
        await prisma.documentVersion.create({ data: { officeId: drafter.officeId, documentId: document.id, versionNo: 1, content, contentHash: 'a'.repeat(64), createdByPersonId: drafter.id } });
        return document.id;
      };
      const jobs = (await queue.getJobCounts()).waiting + (await completedJobs());
      const report = await download('drafter', await stored('REPORT', { measures: [] }));
      expect(report.status).toBe(422);
      expect(report.body).toMatchObject({ code: 'DOCUMENT_NOT_PRINTABLE', message: expect.stringContaining('content.form'), messageTh: expect.stringContaining('รูปแบบหนังสือราชการ') });
      expect(report.body.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['content.form', 'content.columns']));
      const order = await download('drafter', await stored('ORDER', { title: 'คำสั่งที่ยังไม่เป็นรูป' }));
      expect(order.status).toBe(422);
      expect(order.body.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['content.organisation', 'content.subject', 'content.preamble']));
      expect((await queue.getJobCounts()).waiting + (await completedJobs())).toBe(jobs);
    });
  });

  it('answers 202 with Retry-After while no worker has printed it yet, then the PDF once one has', async () => {
    const idlePrefix = queuePrefix();
    const impatient = await startApi({ QUEUE_PREFIX: idlePrefix, PDF_WAIT_SECONDS: '0' });
    let lateWorker: INestApplicationContext | null = null;
    try {
      const documentId = (await call('drafter', 'POST', '/documents', { kind: 'MEMO', title: 'รอพิมพ์', content: memo001Content(' รอพิมพ์') })).body.documentId;
      const waiting = await download('drafter', documentId, '', {}, impatient);
      expect(waiting.status).toBe(202);
      expect(waiting.headers.get('retry-after')).toBe('2');
      expect(waiting.body).toMatchObject({ status: 'RENDERING', jobId: expect.stringMatching(/^render-pdf:/), messageTh: expect.any(String) });
      expect((await download('drafter', documentId, '', {}, impatient)).body.jobId).toBe(waiting.body.jobId);

      lateWorker = await createWorker(workerConfig({ QUEUE_PREFIX: idlePrefix, WORKER_HEALTH_PORT: healthPort() }));
      const job = await lateWorker.get<Queue>(getQueueToken(PDF_QUEUE)).getJob(waiting.body.jobId);
      await job!.finished();
      const ready = await download('drafter', documentId, '', {}, impatient);
      expect(ready.status).toBe(200);
      expect(ready.headers.get('kasian-pdf-cache')).toBe('hit');
    } finally {
      await impatient.close();
      await lateWorker?.close();
    }
  });
});
