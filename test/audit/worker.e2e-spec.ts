import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { PrismaService, SqlTransactions } from '@kasian/database';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { AuditCheckpoints } from '../../apps/worker/src/audit/audit-checkpoints';
import { appendEvents, asDatabaseAdministrator } from '../support/audit';
import { workerConfig } from '../support/env';
import { e2ePrisma, e2eSql, scratchOffice } from '../support/prisma';

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** The worker's repeatable checkpoint job, its self-check, the alert and its health report, on the real services. */
describe('the worker keeps the audit trail anchored and checked', () => {
  let worker: INestApplicationContext;
  let prisma: PrismaService;
  let sql: SqlTransactions;
  const port = 30_000 + Math.floor(Math.random() * 20_000);

  beforeAll(async () => {
    prisma = e2ePrisma();
    sql = e2eSql();
    worker = await createWorker(workerConfig({ QUEUE_PREFIX: `e2e-audit-${randomUUID().slice(0, 8)}`, WORKER_HEALTH_PORT: String(port), AUDIT_CHECKPOINT_EVERY_SECONDS: '5' }));
  });
  afterAll(async () => {
    await worker.close();
    await sql.onModuleDestroy();
    await prisma.$disconnect();
  });

  it('signs an office’s head within the configured interval once it moved, and again only when it moves', async () => {
    const officeId = await scratchOffice(prisma);
    await appendEvents(sql, officeId, 3);
    await until('a checkpoint of seq 3', async () => (await prisma.auditCheckpoint.count({ where: { officeId, seq: 3 } })) === 1);
    await appendEvents(sql, officeId, 2);
    await until('a checkpoint of seq 5', async () => (await prisma.auditCheckpoint.count({ where: { officeId, seq: 5 } })) === 1);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await prisma.auditCheckpoint.findMany({ where: { officeId }, orderBy: { seq: 'asc' } })).map((c) => c.seq)).toEqual([3n, 5n]);
  });

  it('its self-check raises an alert for a tampered trail, shown in its readiness details without making it unready', async () => {
    const officeId = await scratchOffice(prisma);
    await appendEvents(sql, officeId, 4);
    await asDatabaseAdministrator((client) => client.query(`DELETE FROM audit_events WHERE office_id = $1 AND seq = 2`, [officeId]));
    const result = await worker.get(AuditCheckpoints).selfCheck();
    expect(result.broken).toBeGreaterThanOrEqual(1);
    expect((await prisma.auditAlert.findMany({ where: { officeId } })).map((a) => [a.position, a.kind, a.resolvedAt])).toEqual([[2n, 'missing', null]]);
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { details: Record<string, unknown> }).details['audit-chain']).toMatchObject({ status: 'alert', openAlerts: expect.any(Number) });
  });
});
