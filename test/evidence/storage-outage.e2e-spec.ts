import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import * as Minio from 'minio';
import { StorageService } from '@kasian/storage';
import { freePort } from '../../bench/support/api-process';
import { apiConfig, e2eDatabaseUrl } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { spawnBuilt } from '../support/processes';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';
import { type ThrowawayMinio, throwawayMinio } from '../support/throwaway-minio';
import { generatedPdf, upload } from '../support/upload';

const MiB = 1024 * 1024;

describe('MinIO stopped during an upload (a throwaway MinIO of this test, never the shared one)', () => {
  const prisma = e2ePrisma();
  let minio: ThrowawayMinio;
  let api: RunningApi;
  let storage: StorageService;
  let office: ScratchOffice;

  beforeAll(async () => {
    minio = await throwawayMinio();
    api = await startApi(minio.settings);
    storage = new StorageService(apiConfig(minio.settings));
    office = await scratchOfficeWithStaff(prisma, ['clerk'], [{ username: 'clerk', givenName: 'เสมียน', position: 'clerk', roles: ['staff'] }]);
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await office.dispose();
    await minio.dispose();
    await prisma.$disconnect();
  });

  it('answers 503 STORAGE_UNAVAILABLE, records nothing, and leaves no object; evidence:check finds storage and database in agreement', async () => {
    const name = `ไฟล์ระหว่าง MinIO ล่ม ${randomUUID()}.pdf`;
    const source = generatedPdf(48 * MiB);
    let sent = 0;
    async function* stoppingMinioMidway() {
      for await (const chunk of source.stream) {
        sent += (chunk as Buffer).length;
        if (sent > 30 * MiB && sent - (chunk as Buffer).length <= 30 * MiB) await minio.stop(); // the first 16 MiB part is in MinIO by then
        yield chunk as Buffer;
      }
    }
    const answer = await upload(`${api.url}/evidence`, Readable.from(stoppingMinioMidway()), { token: await office.token('clerk'), fileName: name, contentLength: 48 * MiB });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'STORAGE_UNAVAILABLE', messageTh: expect.stringContaining('ไม่มีการบันทึกข้อมูลใด ๆ') });
    expect(await prisma.evidenceFile.count({ where: { officeId: office.officeId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { officeId: office.officeId, action: 'evidence.added' } })).toBe(0);

    // MinIO could not be told to abort the multipart upload: the API marked it abandoned in the journal.
    const journal = await prisma.evidenceUploadInFlight.findMany({ where: { officeId: office.officeId } });
    expect(journal).toEqual([expect.objectContaining({ objectKey: expect.stringMatching(new RegExp(`^evidence/${office.officeId}/`)), abandonedAt: expect.any(Date) })]);
    const [left] = journal;

    await minio.start();
    const prefix = `evidence/${office.officeId}/`;
    const objects: string[] = [];
    for await (const object of storage.list('evidence', prefix)) objects.push(object.key);
    expect(objects).toEqual([]);
    // MinIO lists incomplete uploads only by exact name: the journal's key finds the one left behind.
    expect(await storage.incompleteUploads('evidence', left.objectKey)).toEqual([expect.objectContaining({ key: left.objectKey, uploadId: left.uploadId })]);

    const check = spawnSync(process.execPath, ['dist/apps/api/src/cli/evidence-check.js', '--repair', '--office', office.officeId], {
      env: { ...process.env, ...minio.settings, DATABASE_URL: e2eDatabaseUrl() },
      encoding: 'utf8',
    });
    expect(check.stdout).toContain(`STALE UPLOAD    ${left.objectKey}`);
    expect(check.stdout).toContain('— aborted');
    expect(check.stdout).toContain('storage and database agree');
    expect(check.status).toBe(0);
    expect(await storage.incompleteUploads('evidence', left.objectKey)).toEqual([]);
    expect(await prisma.evidenceUploadInFlight.count({ where: { officeId: office.officeId } })).toBe(0);
    expect(await prisma.evidenceFile.count({ where: { officeId: office.officeId } })).toBe(0);
  });

  it('refuses to start on an evidence bucket made without object locking, naming the bucket', async () => {
    const client = new Minio.Client({ endPoint: '127.0.0.1', port: Number(new URL(minio.settings.MINIO_ENDPOINT).port), useSSL: false, accessKey: minio.settings.MINIO_ACCESS_KEY, secretKey: minio.settings.MINIO_SECRET_KEY });
    await client.makeBucket('kasian-evidence-legacy');
    const started = spawnBuilt('dist/apps/api/src/main.js', {
      ...process.env,
      ...minio.settings,
      DATABASE_URL: e2eDatabaseUrl(),
      STORAGE_BUCKET_EVIDENCE: 'kasian-evidence-legacy',
      API_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    });
    const exit = await Promise.race([started.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000))]);
    if (!exit) await started.stop();
    expect(exit?.code).not.toBe(0);
    expect(started.output()).toContain('Storage bucket "kasian-evidence-legacy" exists without object locking');
    expect(started.output()).toContain('STORAGE_BUCKET_EVIDENCE');
  });
});
