import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { StorageService } from '@kasian/storage';
import { apiConfig, e2eDatabaseUrl } from '../support/env';
import { type RunningApi, startApi } from '../support/http';
import { e2ePrisma } from '../support/prisma';
import { type ScratchOffice, scratchOfficeWithStaff } from '../support/scratch-office';
import { pdfLike, upload } from '../support/upload';

const check = (officeId: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, ['dist/apps/api/src/cli/evidence-check.js', '--office', officeId, ...args], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('npm run evidence:check [-- --repair]: storage and database never disagree for long', () => {
  const prisma = e2ePrisma();
  const storage = new StorageService(apiConfig());
  let api: RunningApi;
  let office: ScratchOffice;
  let recorded: { id: string; objectKey: string };
  let lost: { id: string; objectKey: string };
  let orphanKey: string;

  beforeAll(async () => {
    api = await startApi();
    office = await scratchOfficeWithStaff(prisma, ['clerk'], [{ username: 'clerk', givenName: 'เสมียน', position: 'clerk', roles: ['staff'] }]);
    const token = await office.token('clerk');
    for (const seed of ['kept', 'lost']) {
      const created = await upload(`${api.url}/evidence`, pdfLike(20_000, seed), { token, fileName: `${seed}.pdf` });
      const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: created.body.id } });
      if (seed === 'kept') recorded = row;
      else lost = row;
    }
    // Someone removed an object behind Kasian's back, and a crashed upload left one without a row.
    const lostRow = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: lost.id } });
    await storage.remove('evidence', lostRow.objectKey, lostRow.objectVersionId!);
    orphanKey = `evidence/${office.officeId}/${randomUUID()}`;
    await storage.put('evidence', orphanKey, pdfLike(1_000, 'orphan'), 'application/pdf');
  });
  afterAll(async () => {
    await api.close();
    await office.dispose();
    await prisma.$disconnect();
  });

  it('reports a row whose object is gone and an orphan object, changing nothing without --repair', async () => {
    const { code, output } = check(office.officeId, '--grace-minutes', '0');
    expect(code).toBe(1);
    expect(output).toContain(`MISSING OBJECT  evidence ${lost.id}`);
    expect(output).toContain(`ORPHAN OBJECT   ${orphanKey}`);
    expect(output).not.toContain(recorded.id);
    await expect(storage.exists('evidence', orphanKey)).resolves.toBe(true);
    expect((await prisma.evidenceFile.findUniqueOrThrow({ where: { id: lost.id } })).objectMissingAt).toBeNull();
  });

  it('leaves objects younger than the grace period alone: they may be uploads being recorded', () => {
    const { output } = check(office.officeId, '--grace-minutes', '60', '--repair');
    expect(output).toContain(`PENDING         ${orphanKey}`);
    expect(output).not.toContain('ORPHAN OBJECT');
  });

  it('with --repair: removes the orphan (every version), marks the row missing with an audit event; downloads then say so', async () => {
    const { code, output } = check(office.officeId, '--grace-minutes', '0', '--repair');
    expect(output).toContain(`ORPHAN OBJECT   ${orphanKey}`);
    expect(output).toContain('— removed');
    expect(output).toContain('— marked');
    expect(code).toBe(1); // the lost file cannot be brought back by the check
    await expect(storage.versionsOf('evidence', orphanKey)).resolves.toEqual([]);
    const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: lost.id } });
    expect(row.objectMissingAt).toEqual(expect.any(Date));
    const audit = await prisma.auditEvent.findMany({ where: { targetType: 'evidence', targetId: lost.id }, orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['evidence.added', 'evidence.object_missing']);
    const download = await api.call(`/evidence/${lost.id}/content`, { token: await office.token('clerk') });
    expect(download.status).toBe(410);
    expect(download.body.code).toBe('EVIDENCE_OBJECT_MISSING');
  });

  it('clears the mark when the object comes back (e.g. restored from a backup)', async () => {
    const restored = await storage.put('evidence', lost.objectKey, pdfLike(20_000, 'lost'), 'application/pdf');
    expect(restored.sha256).toBe(createHash('sha256').update(pdfLike(20_000, 'lost')).digest('hex'));
    await prisma.evidenceFile.update({ where: { id: lost.id }, data: { objectVersionId: restored.versionId } });
    const { code, output } = check(office.officeId, '--grace-minutes', '0', '--repair');
    expect(output).toContain(`OBJECT BACK     evidence ${lost.id} — mark cleared`);
    expect(code).toBe(0);
    expect((await prisma.evidenceFile.findUniqueOrThrow({ where: { id: lost.id } })).objectMissingAt).toBeNull();
  });
});
