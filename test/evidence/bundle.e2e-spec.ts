import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import yazl from 'yazl';
import { verifyBundle } from '@kasian/bundle';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { approve001, type ChainUser, chainTokens, draft001 } from '../support/approved-memo';
import { workerConfig } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { pdfLike, sampleFile, upload } from '../support/upload';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const VERIFY = 'dist/apps/api/src/cli/bundle-verify.js';

const verifyCli = (path: string) => {
  const run = spawnSync(process.execPath, [VERIFY, path], { encoding: 'utf8' });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('auditor bundle of the 001 memo with two evidence files, checked offline by bundle:verify', () => {
  const queuePrefix = `e2e-bundle-${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'kasian-bundle-'));
  const zipPath = join(dir, 'bundle.zip');
  let api: RunningApi;
  let worker: INestApplicationContext;
  let tokens: Record<ChainUser, string>;
  let documentId: string;
  const files: { name: string; bytes: Buffer; id?: string }[] = [];

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: queuePrefix });
    worker = await createWorker(workerConfig({ QUEUE_PREFIX: queuePrefix, WORKER_HEALTH_PORT: String(30_000 + Math.floor(Math.random() * 20_000)) }));
    tokens = await chainTokens();
    documentId = await draft001(api, tokens);
    files.push({ name: 'ภาพกิจกรรม อบรมประมวลจริยธรรม.pdf', bytes: pdfLike(200_000, `bundle-${documentId}`) }, { name: 'รายงานผล ITA ๒๕๖๘.docx', bytes: await sampleFile('docx') });
    for (const file of files) {
      const created = await upload(`${api.url}/documents/${documentId}/evidence`, file.bytes, { token: tokens.drafter, fileName: file.name });
      file.id = created.body.id;
    }
    await approve001(api, tokens, documentId);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await worker.close();
    await api.close();
  });

  it('streams a ZIP with the evidence, the route timeline and manifest.json listing every file with SHA-256 and size', async () => {
    const response = await fetch(`${api.url}/documents/${documentId}/bundle`, { headers: { authorization: `Bearer ${tokens.auditor}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    writeFileSync(zipPath, Buffer.from(await response.arrayBuffer()));

    const { manifest, ok } = await verifyBundle(zipPath);
    expect(ok).toBe(true);
    expect(manifest.subject).toMatchObject({ type: 'document', id: documentId, routeStatus: 'COMPLETED' });
    const folder = `documents/${documentId}/`;
    for (const file of files) {
      expect(manifest.files).toContainEqual(
        expect.objectContaining({ name: `${folder}evidence/${file.id}/${file.name}`, sha256: sha256(file.bytes), size: file.bytes.length, role: 'evidence', originalName: file.name }),
      );
    }
    const timeline = manifest.files.find((f) => f.name === `${folder}route-timeline.json`);
    expect(timeline).toEqual(expect.objectContaining({ role: 'route-timeline', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    // The official PDF (content + route blocks + register number + timeline appendix), byte for byte the download's.
    const pdf = manifest.files.find((f) => f.name.startsWith(`${folder}pdf/`));
    expect(pdf).toEqual(expect.objectContaining({ role: 'official-pdf', versionNo: 1 }));
    const download = await fetch(`${api.url}/documents/${documentId}/pdf`, { headers: { authorization: `Bearer ${tokens.auditor}` } });
    expect(download.status).toBe(200);
    expect(pdf!.sha256).toBe(sha256(Buffer.from(await download.arrayBuffer())));
    expect(manifest.missing).toEqual([]);
    expect(manifest.sections[`document:${documentId}`]).toMatchObject({ routeStatus: 'COMPLETED', versionNo: 1 });
    expect(manifest.integrityProblems).toEqual([]);
  });

  it('bundle:verify passes the bundle as downloaded', () => {
    const { code, output } = verifyCli(zipPath);
    expect(output).toMatch(/^OK: \d+ files match manifest\.json$/m);
    expect(code).toBe(0);
  });

  it('names the one file whose byte was changed, and only that file', () => {
    const zip = readFileSync(zipPath);
    const [photos] = files;
    const at = zip.indexOf(photos.bytes.subarray(1000, 1064));
    expect(at).toBeGreaterThan(0);
    zip[at + 10] ^= 0xff;
    const tampered = join(dir, 'tampered.zip');
    writeFileSync(tampered, zip);
    const { code, output } = verifyCli(tampered);
    expect(code).toBe(1);
    const named = `documents/${documentId}/evidence/${photos.id}/${photos.name}`;
    expect(output).toContain(`HASH_MISMATCH`);
    expect(output).toContain(named);
    expect(output.split('\n').filter((line) => /^(HASH_MISMATCH|SIZE_MISMATCH|MISSING|EXTRA|UNREADABLE)/.test(line))).toEqual([expect.stringContaining(named)]);
  });

  it('names files missing from the bundle or added to it', async () => {
    const { manifest } = await verifyBundle(zipPath);
    const zip = new yazl.ZipFile();
    const [kept] = manifest.files;
    zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
    zip.addBuffer(Buffer.from('ของแถม'), 'documents/extra.txt');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const partial = join(dir, 'partial.zip');
    writeFileSync(partial, Buffer.concat(chunks));
    const { code, output } = verifyCli(partial);
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`^MISSING\\s+${kept.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    expect(output).toMatch(/^EXTRA\s+documents\/extra\.txt/m);
  });
});
