import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import yazl from 'yazl';
import { type BundleManifest, type ManifestFile, verifyBundle } from '@kasian/bundle';
import type { SqlTransactions } from '@kasian/database';
import { AUDIT_TRAIL_SECTION_FORMAT, type AuditEventRef, type AuditTrailSection } from '../../apps/api/src/bundles/bundled-trail';
import { AuditCheckpoints } from '../../apps/worker/src/audit/audit-checkpoints';
import { approve001, type ChainUser, chainTokens, draft001 } from '../support/approved-memo';
import { entriesOf, fileProblems, verifyCli } from '../support/bundle-zip';
import { e2eSql } from '../support/prisma';
import { type RunningApi, startApi } from '../support/http';
import { pdfLike, sampleFile, upload } from '../support/upload';
import { testWorker } from '../support/worker';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The bundle rebuilt with one file changed and the manifest made to agree with it (size and
 * SHA-256), as a careful forger would: only the trail's own verification can catch it.
 */
async function rebuiltWith(path: string, out: string, name: string, change: (bytes: Buffer) => Buffer): Promise<string> {
  const entries = await entriesOf(path);
  const changed = change(entries.get(name)!);
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as BundleManifest;
  const file = manifest.files.find((f) => f.name === name)!;
  Object.assign(file, { size: changed.length, sha256: sha256(changed) });
  entries.set(name, changed);
  entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  const zip = new yazl.ZipFile();
  for (const [entryName, bytes] of entries) zip.addBuffer(bytes, entryName);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(out, Buffer.concat(chunks));
  return out;
}

/** The trail file with the event line at `seq` changed (or dropped when `change` returns null). */
const withLine = (seq: number, change: (line: string) => string | null) => (bytes: Buffer) =>
  Buffer.from(
    bytes
      .toString('utf8')
      .split('\n')
      .flatMap((line) => (line.startsWith(`{"seq":${seq},`) ? (change(line) ?? []) : [line]))
      .join('\n'),
    'utf8',
  );

describe('auditor bundle of the 001 memo with two evidence files, checked offline by bundle:verify', () => {
  const queuePrefix = `e2e-bundle-${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'kasian-bundle-'));
  const zipPath = join(dir, 'bundle.zip');
  let api: RunningApi;
  let worker: INestApplicationContext;
  let tokens: Record<ChainUser, string>;
  let documentId: string;
  let sql: SqlTransactions;
  const files: { name: string; bytes: Buffer; id?: string }[] = [];

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: queuePrefix });
    worker = await testWorker({ QUEUE_PREFIX: queuePrefix });
    tokens = await chainTokens();
    documentId = await draft001(api, tokens);
    files.push({ name: 'ภาพกิจกรรม อบรมประมวลจริยธรรม.pdf', bytes: pdfLike(200_000, `bundle-${documentId}`) }, { name: 'รายงานผล ITA ๒๕๖๘.docx', bytes: await sampleFile('docx') });
    for (const file of files) {
      const created = await upload(`${api.url}/documents/${documentId}/evidence`, file.bytes, { token: tokens.drafter, fileName: file.name });
      file.id = created.body.id;
    }
    await approve001(api, tokens, documentId);
    // A signed checkpoint covering the memo's events, as the worker's repeatable job would make it.
    sql = e2eSql();
    const [{ officeId }] = await sql.query<{ officeId: string }>(`SELECT office_id AS "officeId" FROM documents WHERE id = $1::uuid`, [documentId]);
    expect(await worker.get(AuditCheckpoints).checkpointOffice({ officeId, signedSeq: 0 })).toMatch(/^(signed|unchanged)$/);
  });
  afterAll(async () => {
    await sql.onModuleDestroy();
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

  describe('with the document’s signed audit trail', () => {
    let manifest: BundleManifest;
    let section: AuditTrailSection;
    const refOf = (file: ManifestFile) => file.auditEvent as AuditEventRef;
    const evidenceFile = (i: number) => manifest.files.find((f) => f.evidenceId === files[i].id)!;

    beforeAll(async () => {
      manifest = (await verifyBundle(zipPath)).manifest;
      section = manifest.sections[`audit:document:${documentId}`] as AuditTrailSection;
    });

    it('carries the trail, its checkpoints and public key; the manifest records the covered range, the key fingerprint and each vouched file’s chain position', () => {
      const folder = `documents/${documentId}/audit/`;
      expect(section).toMatchObject({ format: AUDIT_TRAIL_SECTION_FORMAT, documentId, files: { trail: `${folder}trail.jsonl`, checkpoints: `${folder}checkpoints.jsonl`, publicKeys: `${folder}public-keys.pem` } });
      expect(section.publicKeyIds).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
      expect(section.fromSeq).toBeLessThan(section.throughSeq);
      expect(section.checkpointSeqs).toContain(section.throughSeq);
      for (const name of Object.values(section.files)) expect(manifest.files).toContainEqual(expect.objectContaining({ name, role: 'audit-trail' }));
      files.forEach((file, i) => {
        const ref = refOf(evidenceFile(i));
        expect(ref).toEqual({ seq: expect.any(Number), action: 'evidence.added', field: 'payload.sha256', value: sha256(file.bytes) });
        expect(ref.seq).toBeGreaterThanOrEqual(section.fromSeq);
        expect(ref.seq).toBeLessThanOrEqual(section.throughSeq);
      });
      const pdf = manifest.files.find((f) => f.role === 'official-pdf')!;
      expect(refOf(pdf)).toEqual({ seq: expect.any(Number), action: expect.stringMatching(/^route\./), field: 'event.versionHash', value: pdf.contentHash });
    });

    it('bundle:verify verifies the trail offline against the bundled checkpoints and key, and the events vouching for the files', () => {
      const { code, output } = verifyCli(zipPath);
      expect(output).toContain(`events ${section.fromSeq}..${section.throughSeq} of ${section.officeCode} intact, signed through event ${section.throughSeq}`);
      expect(output).toContain('3 file(s) vouched for by their events');
      expect(code).toBe(0);
    });

    it('names the position when one event line is deleted from the bundled trail', async () => {
      const { seq } = refOf(evidenceFile(0));
      const tampered = await rebuiltWith(zipPath, join(dir, 'trail-line-deleted.zip'), section.files.trail, withLine(seq, () => null));
      const { code, output } = verifyCli(tampered);
      expect(output).toContain(`TRAIL_BROKEN at position ${seq} (missing)`);
      expect(output).not.toMatch(/^(HASH_MISMATCH|SIZE_MISMATCH|MISSING|EXTRA)/m);
      expect(code).toBe(1);
    });

    it('names the position when one line’s payload value is edited', async () => {
      const { seq, value } = refOf(evidenceFile(1));
      const forged = sha256(Buffer.from('another file'));
      const tampered = await rebuiltWith(zipPath, join(dir, 'trail-line-edited.zip'), section.files.trail, withLine(seq, (line) => line.replace(value, forged)));
      const { code, output } = verifyCli(tampered);
      expect(output).toContain(`TRAIL_BROKEN at position ${seq} (edited)`);
      expect(output).toMatch(new RegExp(`^TRAIL_UNVOUCHED\\s+documents/${documentId}/evidence/${files[1].id}/`, 'm'));
      expect(code).toBe(1);
    });

    it('with the auditor’s own --public-key, a checkpoint signed by another key is refused', () => {
      const pem = join(dir, 'other-key.pem');
      writeFileSync(pem, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
      const { code, output } = verifyCli(zipPath, '--public-key', pem);
      expect(output).toMatch(/^TRAIL_BROKEN at position \d+ \(bad_signature\)/m);
      expect(code).toBe(1);
    });
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
    expect(fileProblems(output)).toEqual([expect.stringContaining(named)]);
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
