import { createHash, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { StorageService } from '@kasian/storage';
import { approve001, type ChainUser, chainTokens, draft001 } from '../support/approved-memo';
import { apiConfig } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { e2ePrisma } from '../support/prisma';
import { pdfLike, sampleFile, upload } from '../support/upload';
import { testWorker } from '../support/worker';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('evidence of an approved document is immutable, for the API and for MinIO itself', () => {
  const prisma = e2ePrisma();
  const storage = new StorageService(apiConfig());
  const queuePrefix = `e2e-lock-${randomUUID().slice(0, 8)}`;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let tokens: Record<ChainUser, string>;
  let documentId: string;
  const evidence: { id: string; bytes: Buffer }[] = [];

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: queuePrefix });
    tokens = await chainTokens();
    documentId = await draft001(api, tokens);
  });
  afterAll(async () => {
    for (const { id } of evidence) {
      const row = await prisma.evidenceFile.findUnique({ where: { id } });
      if (row?.objectVersionId) await storage.setLegalHold('evidence', row.objectKey, row.objectVersionId, false).catch(() => undefined);
    }
    await worker?.close();
    await api.close();
    await prisma.$disconnect();
  });

  const attach = (bytes: Buffer, fileName: string) => upload(`${api.url}/documents/${documentId}/evidence`, bytes, { token: tokens.drafter, fileName });
  const json = (method: string, path: string, body: unknown) =>
    api.call(path, { method, token: tokens.drafter, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('attaches two files (สิ่งที่ส่งมาด้วย) to the draft, recorded with its version', async () => {
    for (const [bytes, name] of [
      [pdfLike(120_000, 'photos'), 'ภาพกิจกรรม อบรมประมวลจริยธรรม.pdf'],
      [await sampleFile('docx'), 'รายงานผล ITA ๒๕๖๘.docx'],
    ] as const) {
      const created = await attach(bytes, name);
      expect(created.status).toBe(201);
      expect(created.body.attachments).toEqual([expect.objectContaining({ documentId, versionNo: 1 })]);
      evidence.push({ id: created.body.id, bytes });
    }
    const listed = await api.call(`/documents/${documentId}/evidence`, { token: tokens.kanokporn });
    expect(listed.body.map((e: { fileName: string }) => e.fileName)).toEqual(['ภาพกิจกรรม อบรมประมวลจริยธรรม.pdf', 'รายงานผล ITA ๒๕๖๘.docx']);
  });

  it('after approval the API refuses removal and replacement (EVIDENCE_LOCKED) and new attachments, at once', async () => {
    await approve001(api, tokens, documentId);
    const [first] = evidence;
    const removal = await json('DELETE', `/evidence/${first.id}`, { reason: 'ขอลบ' });
    expect(removal.status).toBe(409);
    expect(removal.body).toMatchObject({ code: 'EVIDENCE_LOCKED', details: { documentIds: [documentId] } });
    const overwrite = await upload(`${api.url}/evidence/${first.id}/content`, pdfLike(50_000, 'forged'), { token: tokens.drafter, method: 'PUT', fileName: 'ปลอม.pdf' });
    expect(overwrite.status).toBe(409);
    expect(overwrite.body.code).toBe('EVIDENCE_LOCKED');
    const late = await attach(pdfLike(10_000, 'late'), 'แนบภายหลัง.pdf');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ATTACHMENTS_CLOSED');
    const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: 'ACTIVE', sha256: sha256(first.bytes) });
  });

  it('the worker puts every attached object version under legal hold, sets locked_at and audits evidence.locked once', async () => {
    worker = await testWorker({ QUEUE_PREFIX: queuePrefix, EVIDENCE_LOCK_SWEEP_SECONDS: '1' });
    const ids = evidence.map((e) => e.id);
    const deadline = Date.now() + 30_000;
    let locked = 0;
    while (Date.now() < deadline && locked < ids.length) {
      locked = await prisma.evidenceFile.count({ where: { id: { in: ids }, lockedAt: { not: null } } });
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(locked).toBe(ids.length);
    await new Promise((r) => setTimeout(r, 2_500)); // two more sweeps: nothing is locked or audited twice
    for (const id of ids) {
      const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id } });
      await expect(storage.legalHold('evidence', row.objectKey, row.objectVersionId)).resolves.toBe(true);
      const audit = await prisma.auditEvent.findMany({ where: { targetType: 'evidence', targetId: id }, orderBy: { seq: 'asc' } });
      expect(audit.map((e) => e.action)).toEqual(['evidence.added', 'evidence.locked']);
      expect(audit[1].payload).toMatchObject({ documentIds: [documentId], legalHold: 'ON', objectVersionId: row.objectVersionId });
    }
    const shown = await api.call(`/evidence/${ids[0]}`, { token: tokens.auditor });
    expect(shown.body.lockedAt).toEqual(expect.any(String));
  });

  it('MinIO itself refuses to delete the held version, and an overwrite of the key leaves the held bytes as they were', async () => {
    const [first] = evidence;
    const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: first.id } });
    await expect(storage.remove('evidence', row.objectKey, row.objectVersionId!)).rejects.toThrow(/WORM|locked|protected|Access Denied/i);
    const overwritten = await storage.put('evidence', row.objectKey, pdfLike(50_000, 'forged'), 'application/pdf');
    expect(overwritten.versionId).not.toBe(row.objectVersionId);
    await expect(storage.digest('evidence', row.objectKey, row.objectVersionId!)).resolves.toBe(sha256(first.bytes));
    await storage.remove('evidence', row.objectKey, overwritten.versionId!); // an unheld version may go
    await expect(storage.remove('evidence', row.objectKey, row.objectVersionId!)).rejects.toThrow();
    await expect(storage.digest('evidence', row.objectKey, row.objectVersionId!)).resolves.toBe(sha256(first.bytes));
  });
});
