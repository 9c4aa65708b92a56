import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { type BundleManifest, verifyBundle } from '@kasian/bundle';
import type { ItaBundleIndex } from '@kasian/ita';
import { StorageService } from '@kasian/storage';
import type { AuditTrailSection } from '../../apps/api/src/bundles/bundled-trail';
import { AuditCheckpoints } from '../../apps/worker/src/audit/audit-checkpoints';
import { checkLinesInOrder, textStream } from '../../libs/documents/src/__testing__/text-stream';
import { pdfToText } from '../../libs/documents/src/__testing__/pdf-text';
import { entriesOf, fileProblems, verifyCli } from '../support/bundle-zip';
import { apiConfig } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { shortMemo } from '../support/memo-content';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';
import { pdfLike, sampleFile, upload } from '../support/upload';
import { testWorker } from '../support/worker';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const json = { 'content-type': 'application/json' };

/** A year no other test imports: the framework made here is removed again afterwards. */
const FY = 2569;

/** Two OIT items of a made-up FY2569 framework (codes written as 001 writes them). */
const FRAMEWORK = {
  nameTh: 'การประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ (ทดสอบ)',
  indicators: [
    { code: '๙', instrument: 'OIT' },
    { code: '๙.๑', instrument: 'OIT', nameTh: 'ข้อมูลพื้นฐาน', parent: '๙' },
  ],
  oitItems: [
    { code: '๐๑', titleTh: 'โครงสร้าง', indicator: '๙.๑' },
    { code: '๐๒', titleTh: 'ข้อมูลผู้บริหาร', indicator: '๙.๑' },
  ],
};

/** Three measures of 001's FY2569 plan (§7.3 c), in its printed column set. */
const PLAN = {
  fiscalYear: FY,
  titleTh: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙',
  columns: ['มาตรการ/แนวทาง', 'วิธีการดำเนินการ', 'ผู้รับผิดชอบ', 'ระยะเวลาดำเนินการ', 'การติดตามผล'],
  rows: [
    { 'มาตรการ/แนวทาง': '๑. มาตรการลดขั้นตอนในการให้บริการและการปรับปรุงระบบการทำงาน', 'วิธีการดำเนินการ': 'ลดขั้นตอนการให้บริการ', 'ผู้รับผิดชอบ': 'สำนักปลัด', 'ระยะเวลาดำเนินการ': 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'การติดตามผล': 'รายงานความก้าวหน้าและสรุปผลสิ้นปีงบประมาณ' },
    { 'มาตรการ/แนวทาง': '๒. มาตรการเผยแพร่ข้อมูลต่อสาธารณะและการเพิ่มช่องทางให้ประชาชนมีส่วนร่วมในการเสนอแนะการปฏิบัติงาน', 'วิธีการดำเนินการ': 'เผยแพร่ข้อมูลผ่านเว็บไซต์', 'ผู้รับผิดชอบ': 'สำนักปลัด', 'ระยะเวลาดำเนินการ': 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'การติดตามผล': 'รายงานความก้าวหน้าทุก ๖ เดือนและสรุปผลสิ้นปีงบประมาณ' },
    { 'มาตรการ/แนวทาง': '๓. ยกระดับการดำเนินการเพื่อป้องกันการทุจริต', 'วิธีการดำเนินการ': 'จัดอบรมประมวลจริยธรรม', 'ผู้รับผิดชอบ': 'สำนักปลัด', 'ระยะเวลาดำเนินการ': 'ต.ค.๖๘ ถึง ก.ย.๖๙', 'การติดตามผล': 'รายงานสรุปผลหลังแล้วเสร็จกิจกรรม' },
  ],
};

const oneStep = (documentKind: string, name: string, head: string, word: string) => ({
  documentKind,
  name,
  onResubmit: 'RESUME',
  steps: [{ key: 'head', title: 'หัวหน้าส่วนราชการ', kind: 'SEQUENTIAL', addressees: [head], completion: { rule: 'ALL' }, words: [{ word, outcome: 'positive' }], comment: 'NONE' }],
});

describe('measure and ITA-year bundles (ADR 0017), and the lock of ITA evidence when the year’s report is published', () => {
  const prisma = e2ePrisma();
  const storage = new StorageService(apiConfig());
  const queuePrefix = `e2e-ita-bundle-${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), 'kasian-ita-bundle-'));
  let api: RunningApi;
  let worker: INestApplicationContext;
  let office: ScratchOffice;
  let measureIds: string[];
  let assignmentId: string;
  let memoId: string;
  let reportDocumentId: string;
  /** Linked to measure ๒, then removed before publication. */
  let spareId: string;
  /** Linked to measure ๑ (two) and to OIT item ๐๑ (one). */
  const files: { name: string; bytes: Buffer; id?: string }[] = [];

  const call = async (user: string, method: string, path: string, body?: unknown) =>
    api.call(path, { method, token: await office.token(user), headers: json, body: body === undefined ? undefined : JSON.stringify(body) });
  const evidenceIds = () => files.map((f) => f.id!);
  const measureBundle = join(dir, 'measure.zip');
  const yearBundle = join(dir, 'year.zip');

  async function download(path: string, to: string): Promise<void> {
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${await office.token('auditor')}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    writeFileSync(to, Buffer.from(await response.arrayBuffer()));
  }

  async function approve(documentId: string, word: string): Promise<void> {
    expect((await call('writer', 'POST', `/documents/${documentId}/route/submit`, {})).status).toBe(200);
    expect((await call('head', 'POST', `/documents/${documentId}/route/decisions`, { word })).body).toMatchObject({ status: 'COMPLETED' });
  }

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: queuePrefix });
    worker = await testWorker({ QUEUE_PREFIX: queuePrefix, EVIDENCE_LOCK_SWEEP_SECONDS: '1' });
    office = await scratchOfficeWithStaff(prisma, ['HEAD', 'W'], [
      { username: 'writer', givenName: 'ผู้จัดทำ', position: 'W', roles: ['staff'] },
      { username: 'head', givenName: 'หัวหน้า', position: 'HEAD', roles: ['official'] },
      { username: 'admin', givenName: 'ผู้ดูแล', roles: ['admin'] },
      { username: 'auditor', givenName: 'ผู้ตรวจสอบ', roles: ['auditor'] },
    ]);
    const head = office.positions.get('HEAD')!;
    expect((await call('admin', 'POST', '/route-templates', oneStep('MEMO', 'บันทึกเสนอหัวหน้า', head, 'อนุมัติ'))).status).toBe(201);
    expect((await call('admin', 'POST', '/route-templates', oneStep('REPORT', 'รายงาน ITA เสนอเห็นชอบ', head, 'เห็นชอบ'))).status).toBe(201);
    expect((await call('admin', 'POST', `/ita/frameworks/${FY}/import?acceptWarnings=true`, FRAMEWORK)).status).toBe(201);
    expect((await call('writer', 'POST', `/ita/${FY}/plan/import?acceptWarnings=true`, PLAN)).status).toBe(201);
    measureIds = (await call('writer', 'GET', `/ita/${FY}/plan`)).body.measures.map((m: { id: string }) => m.id);
    assignmentId = (await call('writer', 'POST', `/ita/${FY}/oit-assignments`, { code: '๐๑', responsibleText: 'สำนักปลัด' })).body.id;

    files.push(
      { name: 'ภาพกิจกรรม ลดขั้นตอนการให้บริการ.pdf', bytes: pdfLike(150_000, `ita-bundle-photos-${queuePrefix}`) },
      { name: 'แบบสำรวจความพึงพอใจ ๒๕๖๙.docx', bytes: await sampleFile('docx') },
      { name: 'แผนผังโครงสร้างส่วนราชการ.pdf', bytes: pdfLike(40_000, `ita-bundle-structure-${queuePrefix}`) },
    );
    for (const file of files) {
      const created = await upload(`${api.url}/evidence`, file.bytes, { token: await office.token('writer'), fileName: file.name });
      expect(created.status).toBe(201);
      file.id = created.body.id;
    }
    const links = [
      { measureId: measureIds[0], evidenceId: files[0].id, note: 'ภาพกิจกรรม' },
      { measureId: measureIds[0], evidenceId: files[1].id },
      { assignmentId, evidenceId: files[2].id },
    ];
    for (const link of links) expect((await call('writer', 'POST', '/ita/evidence-links', link)).status).toBe(201);

    const memo = await call('writer', 'POST', '/documents', { kind: 'MEMO', title: 'ขออนุมัติลดขั้นตอนการให้บริการ', content: shortMemo('ขออนุมัติลดขั้นตอนการให้บริการ') });
    memoId = memo.body.documentId;
    await approve(memoId, 'อนุมัติ');
    expect((await call('writer', 'POST', '/ita/evidence-links', { measureId: measureIds[0], documentId: memoId })).status).toBe(201);
    expect(await worker.get(AuditCheckpoints).checkpointOffice({ officeId: office.officeId, signedSeq: 0 })).toMatch(/^(signed|unchanged)$/);
  });

  afterAll(async () => {
    for (const id of evidenceIds()) {
      const row = await prisma.evidenceFile.findUnique({ where: { id } });
      if (row?.objectVersionId) await storage.setLegalHold('evidence', row.objectKey, row.objectVersionId, false).catch(() => undefined);
    }
    await worker?.close();
    await api.close();
    // The framework is shared by every office: leave none of FY2569 behind for the other tests.
    await prisma.itaEvidenceLink.deleteMany({ where: { officeId: office.officeId } });
    await prisma.itaResponsibleUnit.deleteMany({ where: { officeId: office.officeId } });
    await prisma.itaOitAssignment.deleteMany({ where: { officeId: office.officeId } });
    await prisma.itaOitItem.deleteMany({ where: { fiscalYear: FY } });
    await prisma.itaIndicator.deleteMany({ where: { fiscalYear: FY, parentId: { not: null } } });
    await prisma.itaIndicator.deleteMany({ where: { fiscalYear: FY } });
    await prisma.itaFramework.deleteMany({ where: { fiscalYear: FY } });
    await office.dispose();
    await prisma.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('a measure’s bundle: two evidence files and one approved memo', () => {
    let manifest: BundleManifest;
    let index: ItaBundleIndex;
    const folder = () => `documents/${memoId}/`;

    beforeAll(async () => {
      await download(`/ita/${FY}/measures/${measureIds[0]}/bundle`, measureBundle);
      ({ manifest } = await verifyBundle(measureBundle));
      index = JSON.parse((await entriesOf(measureBundle)).get('index.json')!.toString('utf8')) as ItaBundleIndex;
    });

    it('lists every file with SHA-256 and size in the document bundle’s manifest format: the evidence, the memo’s PDF, timeline and trail, the index', () => {
      expect(manifest).toMatchObject({ format: 'kasian-bundle/1', subject: { type: 'ita-measure', id: measureIds[0], fiscalYear: FY, label: '๑.' }, integrityProblems: [] });
      for (const file of files.slice(0, 2)) {
        expect(manifest.files).toContainEqual(
          expect.objectContaining({ name: `ita/evidence/${file.id}/${file.name}`, sha256: sha256(file.bytes), size: file.bytes.length, role: 'evidence', source: `ita:${FY}`, auditEvent: expect.objectContaining({ action: 'evidence.added', value: sha256(file.bytes) }) }),
        );
      }
      expect(manifest.files.map((f) => f.name)).not.toContain(`ita/evidence/${files[2].id}/${files[2].name}`);
      expect(manifest.files).toContainEqual(expect.objectContaining({ name: `${folder()}route-timeline.json`, role: 'route-timeline', source: `document:${memoId}` }));
      expect(manifest.files).toContainEqual(expect.objectContaining({ name: `${folder()}pdf/memo-v1.pdf`, role: 'official-pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
      for (const name of ['index.json', 'index.csv']) expect(manifest.files).toContainEqual(expect.objectContaining({ name, role: 'index', size: expect.any(Number) }));
      expect(manifest.missing).toEqual([]);
      const memoTrail = manifest.sections[`audit:document:${memoId}`] as AuditTrailSection;
      const itaTrail = manifest.sections[`audit:ita:${FY}`] as AuditTrailSection;
      expect(memoTrail).toMatchObject({ documentId: memoId, vouches: [`document:${memoId}`], files: { trail: `${folder()}audit/trail.jsonl` } });
      expect(itaTrail).toMatchObject({ documentId: null, vouches: [`ita:${FY}`], files: { trail: 'ita/audit/trail.jsonl' } });
      // The two trails overlap in the office's chain: each vouches only for its own files.
      expect(itaTrail.fromSeq).toBeLessThan(memoTrail.throughSeq);
    });

    it('maps the measure’s printed number to its files in index.json and a Thai index.csv', async () => {
      expect(index).toMatchObject({ format: 'kasian-ita-bundle-index/1', scope: 'measure', fiscalYear: FY, office: { code: office.code } });
      expect(index.entries).toHaveLength(1);
      const [entry] = index.entries;
      expect(entry).toMatchObject({ type: 'measure', id: measureIds[0], code: '๑.', titleTh: 'มาตรการลดขั้นตอนในการให้บริการและการปรับปรุงระบบการทำงาน' });
      expect(entry.evidence.map((e) => [e.file, e.recordedSha256, e.note])).toEqual([
        [`ita/evidence/${files[0].id}/${files[0].name}`, sha256(files[0].bytes), 'ภาพกิจกรรม'],
        [`ita/evidence/${files[1].id}/${files[1].name}`, sha256(files[1].bytes), null],
      ]);
      expect(entry.documents).toEqual([expect.objectContaining({ documentId: memoId, approved: true, folder: folder(), files: expect.arrayContaining([`${folder()}pdf/memo-v1.pdf`, `${folder()}route-timeline.json`]) })]);
      const csv = (await entriesOf(measureBundle)).get('index.csv')!.toString('utf8');
      expect(csv.startsWith('\ufeffประเภท,รหัส/ลำดับ,ชื่อ,ความก้าวหน้า,หลักฐาน/เอกสาร,ไฟล์ในชุดเอกสาร')).toBe(true);
      expect(csv).toContain(`มาตรการ,๑.,มาตรการลดขั้นตอนในการให้บริการและการปรับปรุงระบบการทำงาน,ยังไม่ได้ดำเนินการ,หลักฐาน: ${files[0].name},ita/evidence/${files[0].id}/${files[0].name},${sha256(files[0].bytes)},ภาพกิจกรรม`);
    });

    it('bundle:verify (built) passes it: every file matches and both trails are intact and vouch for their files', () => {
      const { code, output } = verifyCli(measureBundle);
      expect(output).toMatch(/^OK: \d+ files match manifest\.json$/m);
      expect(output).toContain('ita/audit/trail.jsonl: events');
      expect(output).toMatch(/ita\/audit\/trail\.jsonl: .* 2 file\(s\) vouched for by their events/);
      expect(output).toMatch(new RegExp(`documents/${memoId}/audit/trail\\.jsonl: .* 1 file\\(s\\) vouched for by their events`));
      expect(code).toBe(0);
    });

    it('names exactly the one file whose byte was changed in the ZIP', () => {
      const zip = readFileSync(measureBundle);
      const [photos] = files;
      const at = zip.indexOf(photos.bytes.subarray(1000, 1064));
      expect(at).toBeGreaterThan(0);
      zip[at + 10] ^= 0xff;
      const tampered = join(dir, 'measure-tampered.zip');
      writeFileSync(tampered, zip);
      const { code, output } = verifyCli(tampered);
      expect(fileProblems(output)).toEqual([expect.stringMatching(new RegExp(`^HASH_MISMATCH\\s+ita/evidence/${photos.id}/${photos.name}:`))]);
      expect(output).toMatch(/^FAILED: 1 problem\(s\)/m);
      expect(code).toBe(1);
    });

    it('404 ITA_NOT_FOUND for a measure the office does not have, or not in that year, and for an unknown year', async () => {
      for (const path of [`/ita/${FY}/measures/${randomUUID()}/bundle`, `/ita/2568/measures/${measureIds[0]}/bundle`, '/ita/2590/bundle']) {
        const answer = await call('auditor', 'GET', path);
        expect(answer.status).toBe(404);
        expect(answer.body).toMatchObject({ code: 'ITA_NOT_FOUND', messageTh: expect.stringContaining('ไม่พบ') });
      }
    });
  });

  describe('publication of the year’s report locks the evidence linked to its measures and OIT items', () => {
    it('before publication an ITA-linked file may still be removed, and the sweep holds none of them', async () => {
      const uploaded = await upload(`${api.url}/evidence`, pdfLike(20_000, `spare-${queuePrefix}`), { token: await office.token('writer'), fileName: 'ไฟล์ที่แนบผิด.pdf' });
      spareId = uploaded.body.id;
      expect((await call('writer', 'POST', '/ita/evidence-links', { measureId: measureIds[1], evidenceId: spareId })).status).toBe(201);
      expect((await call('writer', 'DELETE', `/evidence/${spareId}`, { reason: 'แนบผิดไฟล์' })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2_500)); // two sweeps
      expect(await prisma.evidenceFile.count({ where: { id: { in: evidenceIds() }, lockedAt: { not: null } } })).toBe(0);
    });

    it('once the นายก’s เห็นชอบ publishes the report, the API refuses removal and replacement at once (EVIDENCE_LOCKED)', async () => {
      const generated = await call('writer', 'POST', `/ita/${FY}/report`, {});
      expect(generated.status).toBe(201);
      reportDocumentId = generated.body.documentId;
      await approve(reportDocumentId, 'เห็นชอบ');
      expect((await call('auditor', 'GET', `/ita/${FY}/report`)).body).toMatchObject({ status: 'PUBLISHED' });
      for (const file of files) {
        const removal = await call('writer', 'DELETE', `/evidence/${file.id}`, { reason: 'ขอลบ' });
        expect(removal.status).toBe(409);
        expect(removal.body).toMatchObject({ code: 'EVIDENCE_LOCKED', details: { evidenceId: file.id, documentIds: [], itaFiscalYears: [FY] }, messageTh: expect.stringContaining('ITA') });
      }
      const replaced = await upload(`${api.url}/evidence/${files[0].id}/content`, pdfLike(30_000, 'forged'), { token: await office.token('writer'), method: 'PUT', fileName: 'ปลอม.pdf' });
      expect(replaced.status).toBe(409);
      expect(replaced.body.code).toBe('EVIDENCE_LOCKED');
    });

    it('the worker’s lock sweep holds each file’s object version, sets locked_at and audits evidence.locked once', async () => {
      const ids = evidenceIds();
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (await prisma.evidenceFile.count({ where: { id: { in: ids }, lockedAt: { not: null } } })) < ids.length) await new Promise((r) => setTimeout(r, 250));
      await new Promise((r) => setTimeout(r, 2_500)); // two more sweeps: nothing is held or audited twice
      for (const id of ids) {
        const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id } });
        expect(row.lockedAt).not.toBeNull();
        await expect(storage.legalHold('evidence', row.objectKey, row.objectVersionId)).resolves.toBe(true);
        const locked = await prisma.auditEvent.findMany({ where: { officeId: office.officeId, targetType: 'evidence', targetId: id, action: 'evidence.locked' } });
        expect(locked).toHaveLength(1);
        expect(locked[0].payload).toMatchObject({ documentIds: [], itaFiscalYears: [FY], legalHold: 'ON', objectVersionId: row.objectVersionId });
      }
      expect((await prisma.evidenceFile.findUniqueOrThrow({ where: { id: spareId } })).lockedAt).toBeNull();
    });

    it('MinIO itself refuses to delete a held version', async () => {
      const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: files[2].id } });
      await expect(storage.legalHold('evidence', row.objectKey, row.objectVersionId)).resolves.toBe(true);
      await expect(storage.remove('evidence', row.objectKey, row.objectVersionId!)).rejects.toThrow(/WORM|locked|protected|Access Denied/i);
      await expect(storage.digest('evidence', row.objectKey, row.objectVersionId!)).resolves.toBe(sha256(files[2].bytes));
    });
  });

  describe('the year’s bundle', () => {
    let manifest: BundleManifest;
    let index: ItaBundleIndex;

    beforeAll(async () => {
      await download(`/ita/${FY}/bundle`, yearBundle);
      ({ manifest } = await verifyBundle(yearBundle));
      index = JSON.parse((await entriesOf(yearBundle)).get('index.json')!.toString('utf8')) as ItaBundleIndex;
    });

    it('lists every measure and every OIT item of the year in its index, with or without files', () => {
      expect(manifest.subject).toMatchObject({ type: 'ita-year', id: String(FY), officeCode: office.code });
      expect(index.scope).toBe('year');
      expect(index.entries.map((e) => [e.type, e.code])).toEqual([['measure', '๑.'], ['measure', '๒.'], ['measure', '๓.'], ['oit-item', '๐๑'], ['oit-item', '๐๒']]);
      expect(index.entries.map((e) => e.id)).toEqual([...measureIds, assignmentId, null]);
      expect(index.entries.map((e) => e.evidence.length + e.documents.length)).toEqual([3, 1, 0, 1, 0]);
      expect(index.entries[1].evidence).toEqual([expect.objectContaining({ evidenceId: spareId, file: null, missing: 'REMOVED' })]);
      expect(index.entries[3].evidence[0]).toMatchObject({ file: `ita/evidence/${files[2].id}/${files[2].name}`, recordedSha256: sha256(files[2].bytes) });
      for (const file of files) expect(manifest.files).toContainEqual(expect.objectContaining({ evidenceId: file.id, sha256: sha256(file.bytes), lockedAt: expect.any(String) }));
      expect(manifest.missing).toContainEqual(expect.objectContaining({ name: `ita/evidence/${spareId}/`, reason: 'removed from the evidence room' }));
    });

    it('carries the published report: its folder, its route timeline, its signed trail and its landscape PDF closed by the นายก’s เห็นชอบ', async () => {
      expect(index.report).toMatchObject({ documentId: reportDocumentId, status: 'PUBLISHED', folder: `documents/${reportDocumentId}/` });
      expect(manifest.files).toContainEqual(expect.objectContaining({ name: `documents/${reportDocumentId}/route-timeline.json`, role: 'route-timeline' }));
      expect(manifest.sections[`audit:document:${reportDocumentId}`]).toMatchObject({ documentId: reportDocumentId });
      expect(manifest.missing.filter((m) => m.name.startsWith(`documents/${reportDocumentId}/`))).toEqual([]);
      const [pdfName] = manifest.files.map((f) => f.name).filter((name) => name.startsWith(`documents/${reportDocumentId}/pdf/`));
      const pdf = (await entriesOf(yearBundle)).get(pdfName)!;
      const stream = textStream(pdfToText(pdf));
      // The template's last step is not titled ความเห็นของ…, so the block is headed by the signer's position.
      const closing = ['รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', 'ความเห็นของตำแหน่ง HEAD', 'เห็นชอบ', '(ลงชื่อ)', '(นายหัวหน้า ทดสอบ)', 'ตำแหน่ง HEAD'];
      expect(checkLinesInOrder(closing, stream)).toEqual({ found: closing.length, missing: null });
    });

    it('bundle:verify (built) passes it', () => {
      const { code, output } = verifyCli(yearBundle);
      expect(output).toMatch(/^OK: \d+ files match manifest\.json$/m);
      expect(code).toBe(0);
    });
  });
});
