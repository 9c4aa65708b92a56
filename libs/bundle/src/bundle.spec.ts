import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import type { BundleContribution } from './bundle-part';
import { verifyBundle } from './bundle-verifier';
import { BundleNameError, writeBundle } from './bundle-writer';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const photo = Buffer.alloc(50_000, 0x5a);
const report = Buffer.from('รายงานผลการดำเนินการ ITA ๒๕๖๘\n'.repeat(200));

const contribution = (overrides: Partial<BundleContribution> = {}): BundleContribution => ({
  source: 'document:1',
  parts: [
    { name: 'documents/1/evidence/a/ภาพกิจกรรม อบรม.jpg', open: () => Readable.from([photo]), recordedSha256: sha256(photo), describe: { evidenceId: 'a' } },
    { name: 'documents/1/route-timeline.json', open: () => Readable.from([report]), compress: true },
  ],
  missing: [{ name: 'documents/1/pdf/memo-v1.pdf', reason: 'not printed' }],
  section: { title: 'บันทึกข้อความ' },
  ...overrides,
});

describe('auditor bundles', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bundle-spec-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = async (contributions: BundleContribution[]) => {
    const path = join(dir, 'b.zip');
    await pipeline(writeBundle({ type: 'document', id: '1' }, contributions), createWriteStream(path));
    return path;
  };

  it('writes every part and a manifest with sizes, SHA-256, missing parts and sections; it verifies', async () => {
    const report = await verifyBundle(await write([contribution()]));
    expect(report.ok).toBe(true);
    expect(report.checked).toBe(2);
    expect(report.manifest.files[0]).toEqual({ name: 'documents/1/evidence/a/ภาพกิจกรรม อบรม.jpg', size: photo.length, sha256: sha256(photo), source: 'document:1', evidenceId: 'a' });
    expect(report.manifest.missing).toEqual([{ name: 'documents/1/pdf/memo-v1.pdf', reason: 'not printed', source: 'document:1' }]);
    expect(report.manifest.sections).toEqual({ 'document:1': { title: 'บันทึกข้อความ' } });
  });

  it('names a file whose bytes were changed after the bundle was made', async () => {
    const path = await write([contribution()]);
    const zip = readFileSync(path);
    zip[zip.indexOf(photo.subarray(0, 64)) + 100] ^= 1;
    writeFileSync(path, zip);
    const { ok, problems } = await verifyBundle(path);
    expect(ok).toBe(false);
    expect(problems).toEqual([expect.objectContaining({ name: 'documents/1/evidence/a/ภาพกิจกรรม อบรม.jpg', kind: 'HASH_MISMATCH' })]);
  });

  it('flags a part whose stored bytes no longer match the hash recorded at upload', async () => {
    const stale = contribution();
    const parts = [{ ...stale.parts[0], recordedSha256: 'f'.repeat(64) }, stale.parts[1]];
    const { ok, problems, manifest } = await verifyBundle(await write([{ ...stale, parts }]));
    expect(manifest.integrityProblems).toEqual(['documents/1/evidence/a/ภาพกิจกรรม อบรม.jpg']);
    expect(ok).toBe(false);
    expect(problems.map((p) => p.kind)).toEqual(['RECORDED_HASH_MISMATCH']);
  });

  it('refuses unsafe or duplicate names before streaming anything', () => {
    const part = contribution().parts[0];
    expect(() => writeBundle({ type: 'document', id: '1' }, [contribution({ parts: [{ ...part, name: '../etc/passwd' }] })])).toThrow(BundleNameError);
    expect(() => writeBundle({ type: 'document', id: '1' }, [contribution({ parts: [part, part] })])).toThrow(/used twice/);
    expect(() => writeBundle({ type: 'document', id: '1' }, [contribution({ parts: [{ ...part, name: 'manifest.json' }] })])).toThrow(/used twice/);
  });

  it('fails the stream, never ends it cleanly, when a part cannot be read', async () => {
    const broken = contribution({
      parts: [{ name: 'x.bin', open: () => new Readable({ read() { this.destroy(new Error('MinIO went away')); } }) }],
    });
    await expect(write([broken])).rejects.toThrow('MinIO went away');
  });
});
