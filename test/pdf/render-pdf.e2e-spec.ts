import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { canonicalSha256 } from '@kasian/canonical';
import { ChromiumPdfRenderer, imprintHash, MEMO_TITLE, type PdfRenderer, type PrintImprint, TIMELINE_TITLE, UnprintableContentError } from '@kasian/documents';
import { PDF_QUEUE, PdfJob, pdfObjectKey, renderPdfJobId, type PrintableKind, type RenderPdfPayload, type RenderPdfResult } from '@kasian/jobs';
import { StorageService } from '@kasian/storage';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { DocumentPdfs } from '../../apps/worker/src/pdf/document-pdfs';
import { PrismaDocumentVersions } from '../../apps/worker/src/pdf/document-versions';
import { OfficialPrinter } from '../../apps/worker/src/pdf/official-printer';
import { RenderPdfProcessor } from '../../apps/worker/src/pdf/render-pdf.processor';
import { UnprintableError } from '../../apps/worker/src/pdf/unprintable.error';
import { DRAFTED_MEMO_001, IMPRINT_001 } from '../../libs/documents/src/__fixtures__/imprint-001';
import { MEMO_001 } from '../../libs/documents/src/__fixtures__/memo-001';
import { findInStream, textStream } from '../../libs/documents/src/__testing__/text-stream';
import { pdfToText } from '../../libs/documents/src/__testing__/pdf-text';
import { apiConfig, workerConfig } from '../support/env';
import { e2ePrisma, scratchOffice } from '../support/prisma';

const prisma = e2ePrisma();
const storage = new StorageService(apiConfig());
const versions = new PrismaDocumentVersions(prisma);
const printers: OfficialPrinter[] = [];


/** A worker as it starts: its own printer, launching real Chromium, counted. */
function freshWorker(): { pdfs: DocumentPdfs; printer: OfficialPrinter } {
  const printer = new OfficialPrinter(() => ChromiumPdfRenderer.launch());
  printers.push(printer);
  return { pdfs: new DocumentPdfs(storage, versions, printer), printer };
}

async function storedVersion(officeId: string, content: object, kind: PrintableKind = 'MEMO', imprint: PrintImprint = IMPRINT_001): Promise<RenderPdfPayload> {
  const documentId = randomUUID();
  await prisma.document.create({
    data: { id: documentId, officeId, kind, title: 'e2e pdf', drafterPersonId: randomUUID(), drafterPositionId: randomUUID(), currentVersionNo: 1 },
  });
  const hash = canonicalSha256(content);
  const version = await prisma.documentVersion.create({
    data: { officeId, documentId, versionNo: 1, content, contentHash: hash, createdByPersonId: randomUUID() },
  });
  return { officeId, documentId, versionId: version.id, contentHash: hash, kind, imprint, imprintHash: imprintHash(imprint) };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let officeId: string;

beforeAll(async () => {
  await storage.ensureBuckets();
  officeId = await scratchOffice(prisma);
});

afterAll(async () => {
  await Promise.all(printers.map((p) => p.close()));
  await prisma.$disconnect();
});

describe('render-pdf, cached in MinIO by version hash and imprint hash', () => {
  let payload: RenderPdfPayload;
  let worker: ReturnType<typeof freshWorker>;

  beforeAll(async () => {
    payload = await storedVersion(officeId, DRAFTED_MEMO_001);
    worker = freshWorker();
  });

  it('prints the first time and stores pdf/<office>/<content hash>/<imprint hash>.pdf', async () => {
    const { pdfs, printer } = worker;
    const key = `pdf/${officeId}/${payload.contentHash}/${payload.imprintHash}.pdf`;
    expect(pdfObjectKey(payload)).toBe(key);
    await expect(storage.exists('evidence', key)).resolves.toBe(false);

    const first = await pdfs.render(payload);

    expect(first).toMatchObject({ key, cached: false, bucket: storage.bucket('evidence') });
    expect(first.renderMs).toBeGreaterThan(0);
    expect(printer.launches).toBe(1);
    await expect(storage.exists('evidence', key)).resolves.toBe(true);
    expect((await storage.stat('evidence', key)).size).toBe(first.size);
  });

  it('returns the stored object the second time, on the same worker and on a fresh one, without launching Chromium', async () => {
    const print = jest.spyOn(worker.printer, 'print');
    const again = await worker.pdfs.render(payload);
    const restarted = freshWorker();
    const onAnotherWorker = await restarted.pdfs.render(payload);
    expect(again).toMatchObject({ cached: true, renderMs: null, key: pdfObjectKey(payload) });
    expect(onAnotherWorker).toEqual(again);
    expect(print).not.toHaveBeenCalled();
    expect(worker.printer.launches).toBe(1);
    expect(restarted.printer.launches).toBe(0);
  });

  it('stores a PDF of the drafted content with what the imprint adds: number, blocks and the appendix', async () => {
    const pdf = await bytesOf((await freshWorker().pdfs.open(payload))!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const stream = textStream(pdfToText(pdf));
    expect(findInStream(stream, MEMO_TITLE)).toBeGreaterThan(0);
    expect(findInStream(stream, `เรื่อง ${MEMO_001.subject}`)).toBeGreaterThan(0);
    expect(findInStream(stream, `ที่ ${MEMO_001.documentNumber}`)).toBeGreaterThan(0);
    expect(findInStream(stream, 'ความเห็นของนายกองค์การบริหารส่วนตำบลป่าตึง')).toBeGreaterThan(0);
    expect(findInStream(stream, TIMELINE_TITLE)).toBeGreaterThan(0);
  });

  it('opens nothing for a key that was never printed, such as the same version with another imprint', async () => {
    await expect(freshWorker().pdfs.open({ ...payload, imprintHash: 'f'.repeat(64) })).resolves.toBeNull();
  });
});

describe('render-pdf refusals', () => {
  const launch = jest.fn<() => Promise<PdfRenderer>>();
  const pdfs = new DocumentPdfs(storage, versions, new OfficialPrinter(launch));

  it('refuses content that is not a memo, with the fields named, and stores nothing', async () => {
    const payload = await storedVersion(officeId, { title: 'บันทึก', body: 'ข้อความ' });
    const refusal = pdfs.render(payload);
    await expect(refusal).rejects.toThrow(UnprintableContentError);
    await expect(refusal).rejects.toThrow(/content is not a printable MEMO[\s\S]*at agency/);
    await expect(storage.exists('evidence', pdfObjectKey(payload))).resolves.toBe(false);
    expect(launch).not.toHaveBeenCalled();
  });

  it('refuses an imprint that does not hash to the job\'s imprint hash, so nothing is cached under a wrong key', async () => {
    const payload = await storedVersion(officeId, { ...DRAFTED_MEMO_001, subject: 'ฉบับที่ ๓' });
    await expect(pdfs.render({ ...payload, imprint: { ...IMPRINT_001, documentNumber: 'ขร ๗๓๕๐๑/๙๙๙๙' } })).rejects.toThrow(UnprintableError);
    expect(launch).not.toHaveBeenCalled();
  });

  it('refuses a job whose hash is not the version\'s, or whose kind is not the document\'s', async () => {
    const payload = await storedVersion(officeId, { ...DRAFTED_MEMO_001, subject: 'ฉบับที่ ๒' });
    await expect(pdfs.render({ ...payload, contentHash: 'a'.repeat(64) })).rejects.toThrow(/has content hash [0-9a-f]{64}, not a{64}/);
    await expect(pdfs.render({ ...payload, kind: 'ORDER' })).rejects.toThrow(/is a MEMO, not a ORDER/);
    await expect(pdfs.render({ ...payload, versionId: randomUUID() })).rejects.toThrow(/does not exist in office/);
    expect(launch).not.toHaveBeenCalled();
  });

  it('the processor fails such a job without retries', async () => {
    const processor = new RenderPdfProcessor(storage, prisma);
    const payload = await storedVersion(officeId, { title: 'free text' });
    const discard = jest.fn();
    const job = { id: 1, data: payload, discard } as unknown as Job<RenderPdfPayload>;
    await expect(processor.render(job)).rejects.toThrow(UnprintableContentError);
    expect(discard).toHaveBeenCalledTimes(1);
    await processor.onApplicationShutdown();
  });
});

describe('the worker application', () => {
  it('starts and answers health without launching Chromium, then completes a render-pdf job taken from Redis', async () => {
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const worker = await createWorker(workerConfig({ QUEUE_PREFIX: `e2e-pdf-${randomUUID().slice(0, 8)}`, WORKER_HEALTH_PORT: String(port) }));
    try {
      const processor = worker.get(RenderPdfProcessor);
      expect((processor as unknown as { printer: OfficialPrinter }).printer.launches).toBe(0);
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);

      const payload = await storedVersion(officeId, { ...DRAFTED_MEMO_001, subject: 'ส่งผ่านคิว render-pdf' });
      const queue = worker.get<Queue>(getQueueToken(PDF_QUEUE));
      const job = await queue.add(PdfJob.Render, payload, { jobId: renderPdfJobId(payload) });
      const result = (await job.finished()) as RenderPdfResult;

      expect(result).toMatchObject({ cached: false, key: pdfObjectKey(payload) });
      await expect(storage.exists('evidence', result.key)).resolves.toBe(true);
    } finally {
      await worker.close();
    }
  });
});
