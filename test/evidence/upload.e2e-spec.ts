import { createHash, randomUUID } from 'node:crypto';
import { parse } from 'content-disposition';
import { StorageService } from '@kasian/storage';
import { apiConfig } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { tokenFor } from '../support/keycloak';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';
import { generatedPdf, pdfLike, sampleFile, upload } from '../support/upload';

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('evidence uploads through the API (real MinIO, PostgreSQL, Keycloak)', () => {
  const prisma = e2ePrisma();
  const storage = new StorageService(apiConfig());
  let api: RunningApi;
  let office: ScratchOffice;
  let token: string;

  beforeAll(async () => {
    api = await startApi({ EVIDENCE_MAX_FILE_MB: '40' });
    office = await scratchOfficeWithStaff(prisma, ['clerk'], [{ username: 'clerk', givenName: 'เสมียน', position: 'clerk', roles: ['staff'] }]);
    token = await office.token('clerk');
  });
  afterAll(async () => {
    await api.close();
    await office.dispose();
    await prisma.$disconnect();
  });

  const send = (body: Parameters<typeof upload>[1], options: Omit<Parameters<typeof upload>[2], 'token'>) => upload(`${api.url}/evidence`, body, { token, ...options });
  const prefix = () => `evidence/${office.officeId}/`;
  const storedKeys = async () => {
    const keys: string[] = [];
    for await (const object of storage.list('evidence', prefix())) keys.push(object.key);
    return keys.sort();
  };
  const rowsNamed = (originalName: string) => prisma.evidenceFile.count({ where: { officeId: office.officeId, originalName } });

  it('keeps a Thai name with spaces and ../ exactly, serves it back as a safe base name (RFC 6266 / 8187), with the SHA-256 of the bytes', async () => {
    const name = '../../เอกสาร/บันทึกข้อความ ขออนุมัติ อบรม ๒๕๖๘.pdf';
    const bytes = pdfLike(300_000);
    const created = await send(bytes, { fileName: name });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      originalName: name,
      fileName: 'บันทึกข้อความ ขออนุมัติ อบรม ๒๕๖๘.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      status: 'ACTIVE',
      lockedAt: null,
    });
    const id = created.body.id as string;

    const download = await fetch(`${api.url}/evidence/${id}/content`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    const disposition = download.headers.get('content-disposition')!;
    expect(disposition).toContain("filename*=UTF-8''%E0%B8%9A%E0%B8%B1%E0%B8%99");
    expect(parse(disposition).parameters.filename).toBe('บันทึกข้อความ ขออนุมัติ อบรม ๒๕๖๘.pdf');
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(bytes));

    const presigned = await api.call(`/evidence/${id}/download-url`, { token });
    expect(presigned.status).toBe(200);
    const direct = await fetch(presigned.body.url);
    expect(parse(direct.headers.get('content-disposition')!).parameters.filename).toBe('บันทึกข้อความ ขออนุมัติ อบรม ๒๕๖๘.pdf');
    expect(sha256(Buffer.from(await direct.arrayBuffer()))).toBe(sha256(bytes));

    const audit = await prisma.auditEvent.findMany({ where: { officeId: office.officeId, targetType: 'evidence', targetId: id } });
    expect(audit.map((e) => e.action)).toEqual(['evidence.added']);
    expect(audit[0].payload).toMatchObject({ originalName: name, sha256: sha256(bytes), attachment: null });
  });

  it('neutralises control characters and backslash paths; a name that is all path gets a plain name', async () => {
    const sneaky = await send(pdfLike(10_000, 'a'), { fileName: 'C:\\Users\\ผู้ใช้\\ภาพ\u0007กิจกรรม\u202e.pdf' });
    expect(sneaky.body).toMatchObject({ fileName: 'ภาพกิจกรรม.pdf', originalName: 'C:\\Users\\ผู้ใช้\\ภาพ\u0007กิจกรรม\u202e.pdf' });
    const nothing = await send(pdfLike(10_000, 'b'), { fileName: '../../' });
    expect(nothing.body.fileName).toBe('evidence.pdf');
    const plain = await send(pdfLike(10_000, 'c'), { headers: { 'content-disposition': 'attachment; filename="report 2568.pdf"' } });
    expect(plain.body.fileName).toBe('report 2568.pdf');
  });

  it('refuses a file without a name (400) and a body that is not octet-stream (415), reading nothing', async () => {
    const unnamed = await send(pdfLike(1000), {});
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.code).toBe('EVIDENCE_FILE_NAME_MISSING');
    const typed = await api.call('/evidence', { method: 'POST', token, headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="a.pdf"' }, body: pdfLike(1000) });
    expect(typed.status).toBe(415);
  });

  it('refuses a file renamed .pdf that is not a PDF (415) and a ZIP renamed .docx, storing nothing', async () => {
    const before = await storedKeys();
    const fake = Buffer.from('นี่ไม่ใช่ไฟล์ PDF แต่ตั้งชื่อให้เป็น PDF\n'.repeat(5000));
    const refused = await send(fake, { fileName: 'รายงานผล ITA.pdf' });
    expect(refused.status).toBe(415);
    expect(refused.body).toMatchObject({ code: 'EVIDENCE_TYPE_NOT_ALLOWED', details: { detected: null } });
    expect(refused.body.messageTh).toContain('ตรวจจากเนื้อไฟล์');
    const zip = await send(await sampleFile('zip'), { fileName: 'รายงาน.docx' });
    expect(zip.status).toBe(415);
    expect(zip.body.details.detected).toBe('zip');
    expect(await storedKeys()).toEqual(before);
    expect(await rowsNamed('รายงานผล ITA.pdf')).toBe(0);
    expect(await rowsNamed('รายงาน.docx')).toBe(0);
  });

  it.each([
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['odt', 'application/vnd.oasis.opendocument.text'],
    ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['jpg', 'image/jpeg'],
    ['png', 'image/png'],
  ] as const)('recognises %s by its content, whatever its name', async (kind, contentType) => {
    const created = await send(await sampleFile(kind), { fileName: `หลักฐาน ${kind}.bin` });
    expect(created.status).toBe(201);
    expect(created.body.contentType).toBe(contentType);
  });

  it('refuses an over-limit file with 413: at once from Content-Length, while streaming when chunked; nothing stored', async () => {
    const before = await storedKeys();
    const declared = await send(generatedPdf(41 * MiB).stream, { fileName: 'ใหญ่เกิน.pdf', contentLength: 41 * MiB });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', details: { maxBytes: 40 * MiB, declaredBytes: 41 * MiB } });
    // Chunked: two 16 MiB parts are in MinIO when the limit is crossed; they must go.
    const chunked = await send(generatedPdf(41 * MiB).stream, { fileName: 'ใหญ่เกิน แบบ chunked.pdf' });
    expect(chunked.status).toBe(413);
    expect(chunked.body.code).toBe('EVIDENCE_TOO_LARGE');
    expect(await storedKeys()).toEqual(before);
    expect(await rowsNamed('ใหญ่เกิน.pdf')).toBe(0);
    expect(await rowsNamed('ใหญ่เกิน แบบ chunked.pdf')).toBe(0);
  });

  it('leaves no row and no object when the client gives up mid-upload', async () => {
    const before = await storedKeys();
    const name = `ส่งไม่ครบ ${randomUUID()}.pdf`;
    await expect(send(generatedPdf(36 * MiB).stream, { fileName: name, contentLength: 36 * MiB, abortAfter: 26 * MiB })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 1_000)); // the API notices the broken connection and aborts its multipart upload
    expect(await storedKeys()).toEqual(before);
    expect(await rowsNamed(name)).toBe(0);
  });

  it('replays an upload retried with the same Idempotency-Key, keeping one row and one object', async () => {
    const before = (await storedKeys()).length;
    const bytes = pdfLike(50_000, 'retry');
    const headers = { 'idempotency-key': `e2e-${randomUUID()}` };
    const first = await send(bytes, { fileName: 'ส่งซ้ำ.pdf', headers });
    const again = await send(bytes, { fileName: 'ส่งซ้ำ.pdf', headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect((await storedKeys()).length).toBe(before + 1);
    const other = await send(pdfLike(50_000, 'other'), { fileName: 'ส่งซ้ำ.pdf', headers });
    expect(other.status).toBe(422);
    expect((await storedKeys()).length).toBe(before + 1);
  });

  it('replaces a file before approval (the old version stays in MinIO) and removes it softly with a reason, each audited', async () => {
    const first = await send(pdfLike(40_000, 'v1'), { fileName: 'ฉบับแรก.pdf' });
    const id = first.body.id as string;
    const second = await upload(`${api.url}/evidence/${id}/content`, pdfLike(60_000, 'v2'), { token, method: 'PUT', fileName: 'ฉบับแก้ไข.pdf' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id, fileName: 'ฉบับแก้ไข.pdf', size: 60_000, sha256: sha256(pdfLike(60_000, 'v2')) });
    const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id } });
    const versions = await storage.versionsOf('evidence', row.objectKey);
    expect(versions.length).toBe(2);
    await expect(storage.digest('evidence', row.objectKey, versions.find((v) => v.versionId !== row.objectVersionId)!.versionId)).resolves.toBe(sha256(pdfLike(40_000, 'v1')));

    const removed = await api.call(`/evidence/${id}`, { method: 'DELETE', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'แนบผิดเรื่อง' }) });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ status: 'DELETED', removedReason: 'แนบผิดเรื่อง' });
    expect((await api.call(`/evidence/${id}/content`, { token })).body.code).toBe('EVIDENCE_REMOVED');
    await expect(storage.exists('evidence', row.objectKey, row.objectVersionId!)).resolves.toBe(true);
    const again = await api.call(`/evidence/${id}`, { method: 'DELETE', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'ซ้ำ' }) });
    expect(again.status).toBe(410);
    const audit = await prisma.auditEvent.findMany({ where: { targetType: 'evidence', targetId: id }, orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['evidence.added', 'evidence.replaced', 'evidence.removed']);
    expect(audit[1].payload).toMatchObject({ previous: { sha256: sha256(pdfLike(40_000, 'v1')) } });
  });

  it('keeps files inside the caller’s office', async () => {
    const created = await send(pdfLike(5_000, 'mine'), { fileName: 'ของหน่วยงานอื่น.pdf' });
    const outsider = await api.call(`/evidence/${created.body.id}`, { token: await tokenFor('drafter') });
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('EVIDENCE_NOT_FOUND');
  });
});
