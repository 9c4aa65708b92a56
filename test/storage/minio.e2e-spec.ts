import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { StorageService } from '@kasian/storage';
import { apiConfig } from '../support/env';

describe('MinIO through the storage library', () => {
  const storage = new StorageService(apiConfig());
  beforeAll(() => storage.ensureBuckets());

  it('creates the evidence bucket with versioning and object locking (ADR 0012), and the locked bucket with object locking', async () => {
    await expect(storage.versioningEnabled('evidence')).resolves.toBe(true);
    await expect(storage.objectLockEnabled('evidence')).resolves.toBe(true);
    await expect(storage.objectLockEnabled('locked')).resolves.toBe(true);
  });

  it('puts a streamed object and gets it back with a matching SHA-256', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const expected = createHash('sha256').update(bytes).digest('hex');
    const key = `e2e/${randomUUID()}/บันทึกข้อความ.pdf`;
    const chunks = Array.from({ length: 4 }, (_, i) => bytes.subarray(i * 1_000_000, (i + 1) * 1_000_000));

    const stored = await storage.put('evidence', key, Readable.from(chunks), 'application/pdf');
    expect(stored).toMatchObject({ size: bytes.length, sha256: expected });
    expect(stored.versionId).toEqual(expect.any(String));
    await expect(storage.digest('evidence', key)).resolves.toBe(expected);

    const stat = await storage.stat('evidence', key);
    expect(stat.size).toBe(bytes.length);
    await storage.remove('evidence', key, stored.versionId!);
  });

  it('keeps the earlier version when a key is overwritten', async () => {
    const key = `e2e/${randomUUID()}.txt`;
    const first = await storage.put('evidence', key, Buffer.from('ฉบับที่ ๑'));
    const second = await storage.put('evidence', key, Buffer.from('ฉบับที่ ๒'));
    expect(second.versionId).not.toBe(first.versionId);
    await expect(storage.digest('evidence', key, first.versionId!)).resolves.toBe(first.sha256);
    await expect(storage.digest('evidence', key)).resolves.toBe(second.sha256);
  });
});
