import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import * as Minio from 'minio';
import { StorageService } from '@kasian/storage';
import { apiConfig } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';
import { generatedPdf, upload } from '../support/upload';
import { testWorker } from '../support/worker';

const MiB = 1024 * 1024;
const HOUR = 60 * 60_000;

describe('the journal of evidence uploads in flight (MinIO lists unfinished uploads only by exact name)', () => {
  const prisma = e2ePrisma();
  const config = apiConfig();
  const storage = new StorageService(config);
  const endpoint = new URL(config.MINIO_ENDPOINT);
  const minio = new Minio.Client({ endPoint: endpoint.hostname, port: Number(endpoint.port), useSSL: false, accessKey: config.MINIO_ACCESS_KEY, secretKey: config.MINIO_SECRET_KEY });
  const bucket = config.STORAGE_BUCKET_EVIDENCE;
  let api: RunningApi;
  let office: ScratchOffice;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startApi();
    office = await scratchOfficeWithStaff(prisma, ['clerk'], [{ username: 'clerk', givenName: 'เสมียน', position: 'clerk', roles: ['staff'] }]);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await office.dispose();
    await prisma.$disconnect();
  });

  const journalled = () => prisma.evidenceUploadInFlight.findMany({ where: { officeId: office.officeId }, orderBy: { startedAt: 'asc' } });

  it('strikes out a multipart upload once it completes, and one the API aborted after the client went away', async () => {
    const done = await upload(`${api.url}/evidence`, generatedPdf(40 * MiB).stream, { token: await office.token('clerk'), fileName: 'ครบ.pdf', contentLength: 40 * MiB });
    expect(done.status).toBe(201);
    const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: done.body.id } });
    expect(await storage.incompleteUploads('evidence', row.objectKey)).toEqual([]);
    expect(await journalled()).toEqual([]);

    const cut = upload(`${api.url}/evidence`, generatedPdf(40 * MiB).stream, { token: await office.token('clerk'), fileName: 'ขาดกลาง.pdf', contentLength: 40 * MiB, abortAfter: 26 * MiB });
    await expect(cut).rejects.toThrow();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await journalled()).length) await new Promise((r) => setTimeout(r, 200));
    expect(await journalled()).toEqual([]);
    expect(await prisma.evidenceFile.count({ where: { officeId: office.officeId } })).toBe(1);
  });

  it('the worker aborts an upload marked abandoned and one older than a day, and leaves one still streaming', async () => {
    const start = async (name: string, startedAt: Date, abandonedAt: Date | null) => {
      const objectKey = `evidence/${office.officeId}/${name}-${randomUUID()}`;
      const uploadId = await minio.initiateNewMultipartUpload(bucket, objectKey, { 'Content-Type': 'application/pdf' });
      await prisma.evidenceUploadInFlight.create({ data: { uploadId, officeId: office.officeId, objectKey, startedAt, abandonedAt } });
      return { objectKey, uploadId };
    };
    const abandoned = await start('abandoned', new Date(), new Date());
    const stale = await start('stale', new Date(Date.now() - 25 * HOUR), null);
    const streaming = await start('streaming', new Date(Date.now() - HOUR), null);
    for (const upload of [abandoned, stale, streaming]) expect(await storage.incompleteUploads('evidence', upload.objectKey)).toHaveLength(1);

    worker = await testWorker({ QUEUE_PREFIX: `e2e-journal-${randomUUID().slice(0, 8)}`, EVIDENCE_LOCK_SWEEP_SECONDS: '1' });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await journalled()).length > 1) await new Promise((r) => setTimeout(r, 250));

    expect((await journalled()).map((row) => row.uploadId)).toEqual([streaming.uploadId]);
    expect(await storage.incompleteUploads('evidence', abandoned.objectKey)).toEqual([]);
    expect(await storage.incompleteUploads('evidence', stale.objectKey)).toEqual([]);
    expect(await storage.incompleteUploads('evidence', streaming.objectKey)).toEqual([expect.objectContaining({ uploadId: streaming.uploadId })]);
    await storage.abortUpload('evidence', { key: streaming.objectKey, uploadId: streaming.uploadId });
    await prisma.evidenceUploadInFlight.delete({ where: { uploadId: streaming.uploadId } });
  });
});
