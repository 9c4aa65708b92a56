import * as Minio from 'minio';
import type { PrismaService, SqlTransactions } from '@kasian/database';
import { appendEvents, auditServices } from '../support/audit';
import { workerConfig } from '../support/env';
import { e2ePrisma, e2eSql, scratchOffice } from '../support/prisma';

const DAY_MS = 24 * 3600 * 1000;

/** Must-show 3 of issue 8: a checkpoint in MinIO cannot be deleted or overwritten during its retention, even with the root credentials. */
describe('a signed checkpoint in the object-locked bucket', () => {
  let prisma: PrismaService;
  let sql: SqlTransactions;
  let audit: ReturnType<typeof auditServices>;
  let minio: Minio.Client;
  let bucket: string;
  let officeId: string;
  let key: string;
  let versionId: string;
  let original: Buffer;

  beforeAll(async () => {
    prisma = e2ePrisma();
    sql = e2eSql();
    audit = auditServices(sql);
    await audit.ready();
    const config = workerConfig();
    const endpoint = new URL(config.MINIO_ENDPOINT);
    minio = new Minio.Client({ endPoint: endpoint.hostname, port: Number(endpoint.port), useSSL: false, accessKey: config.MINIO_ACCESS_KEY, secretKey: config.MINIO_SECRET_KEY });
    bucket = config.STORAGE_BUCKET_CHECKPOINTS;
    officeId = await scratchOffice(prisma);
    await appendEvents(sql, officeId, 4);
    expect(await audit.sign(officeId)).toBe('signed');
    [{ key, versionId }] = await audit.store.all(officeId);
    original = await audit.storage.read('checkpoints', key, versionId);
  });
  afterAll(async () => {
    await sql.onModuleDestroy();
    await prisma.$disconnect();
  });

  it('is stored in COMPLIANCE mode until the configured retention ends', async () => {
    const retention = await audit.storage.retention('checkpoints', key, versionId);
    expect(retention.mode).toBe('COMPLIANCE');
    const until = Date.parse(retention.retainUntilDate!);
    expect(until).toBeGreaterThan(Date.now() + workerConfig().AUDIT_CHECKPOINT_RETENTION_DAYS * DAY_MS - 10 * 60_000);
    expect(JSON.parse(original.toString())).toMatchObject({ checkpoint: { officeId, seq: 4 }, algorithm: 'Ed25519' });
  });

  it('refuses to delete the version, with or without a governance bypass', async () => {
    await expect(minio.removeObject(bucket, key, { versionId })).rejects.toMatchObject({ code: expect.stringMatching(/AccessDenied|InvalidRequest/) });
    await expect(minio.removeObject(bucket, key, { versionId, governanceBypass: true })).rejects.toMatchObject({ code: expect.stringMatching(/AccessDenied|InvalidRequest/) });
    await expect(audit.storage.read('checkpoints', key, versionId)).resolves.toEqual(original);
  });

  it('refuses to shorten the retention', async () => {
    await expect(minio.putObjectRetention(bucket, key, { versionId, mode: Minio.RETENTION_MODES.COMPLIANCE, retainUntilDate: new Date(Date.now() + 60_000).toISOString() })).rejects.toMatchObject({
      code: expect.stringMatching(/AccessDenied|InvalidRequest/),
    });
  });

  it('an overwrite only adds a version: the signed one stays, and the verifier sees the forgery', async () => {
    const forged = await minio.putObject(bucket, key, Buffer.from(original.toString().replace('"seq":4', '"seq":3')));
    expect(forged.versionId).not.toBe(versionId);
    await expect(audit.storage.read('checkpoints', key, versionId)).resolves.toEqual(original);
    const stored = await audit.store.all(officeId);
    expect(stored.map((c) => c.versionId).sort()).toEqual([versionId, forged.versionId].sort());
    expect(await audit.trails.verifyOffice(officeId)).toMatchObject({ ok: false, failure: { position: 3, kind: 'bad_signature' } });
  });

  it('a delete without a version only hides it behind a marker: the signed version is still read', async () => {
    await minio.removeObject(bucket, key);
    await expect(audit.storage.exists('checkpoints', key)).resolves.toBe(false);
    await expect(audit.storage.read('checkpoints', key, versionId)).resolves.toEqual(original);
    expect((await audit.store.all(officeId)).map((c) => c.versionId)).toContain(versionId);
  });
});
