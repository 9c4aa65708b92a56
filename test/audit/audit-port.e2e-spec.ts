import { type AuditEventInput, ChainedAuditLog, SYSTEM_ACTOR } from '@kasian/audit';
import type { PrismaService, SqlTransactions } from '@kasian/database';
import { e2ePrisma, e2eSql, scratchOffice } from '../support/prisma';

const event = (officeId: string, n: number): AuditEventInput => ({
  officeId,
  action: 'test.happened',
  actor: { ...SYSTEM_ACTOR, subject: 'e2e' },
  target: { type: 'test', id: String(n) },
  occurredAt: new Date(),
  payload: { n, note: 'ทดสอบ' },
});

describe('the audit port on PostgreSQL', () => {
  let prisma: PrismaService;
  let transactions: SqlTransactions;
  const audit = new ChainedAuditLog();
  beforeAll(() => {
    prisma = e2ePrisma();
    transactions = e2eSql();
  });
  afterAll(async () => {
    await transactions.onModuleDestroy();
    await prisma.$disconnect();
  });

  const eventsOf = (officeId: string) => prisma.auditEvent.findMany({ where: { officeId }, orderBy: { seq: 'asc' } });

  it('a committed change leaves exactly one event, numbered from 1', async () => {
    const officeId = await scratchOffice(prisma);
    await prisma.$transaction((tx) => audit.append(tx, event(officeId, 1)));
    const events = await eventsOf(officeId);
    expect(events.map((e) => [e.seq, e.targetId, e.payload])).toEqual([[1n, '1', { n: 1, note: 'ทดสอบ' }]]);
  });

  it('a failed business transaction leaves no event and does not use up a number', async () => {
    const officeId = await scratchOffice(prisma);
    await expect(
      prisma.$transaction(async (tx) => {
        await audit.append(tx, event(officeId, 1));
        throw new Error('the business rule failed after auditing');
      }),
    ).rejects.toThrow('the business rule failed');
    expect(await eventsOf(officeId)).toEqual([]);
    await prisma.$transaction((tx) => audit.append(tx, event(officeId, 2)));
    expect((await eventsOf(officeId)).map((e) => e.seq)).toEqual([1n]);
  });

  it('concurrent appends of one office get 1..N with no gap or duplicate, other offices unaffected', async () => {
    const [busy, other] = [await scratchOffice(prisma), await scratchOffice(prisma)];
    const appends = Array.from({ length: 40 }, (_, n) =>
      prisma.$transaction((tx) => audit.append(tx, event(n % 4 === 0 ? other : busy, n))),
    );
    await Promise.all(appends);
    expect((await eventsOf(busy)).map((e) => Number(e.seq))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await eventsOf(other)).map((e) => Number(e.seq))).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('through pg too: a rolled-back transaction leaves no event and no used number', async () => {
    const officeId = await scratchOffice(prisma);
    await expect(
      transactions.run(async (sql) => {
        await audit.append(sql, event(officeId, 1));
        throw new Error('the business rule failed after auditing');
      }),
    ).rejects.toThrow('the business rule failed');
    expect(await eventsOf(officeId)).toEqual([]);
    const appended = await transactions.run((sql) => audit.append(sql, event(officeId, 2)));
    expect(appended).toEqual({ officeId, seq: 1n, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await eventsOf(officeId)).map((e) => [e.seq, e.targetId, e.payload])).toEqual([[1n, '2', { n: 2, note: 'ทดสอบ' }]]);
  });

  it('pg and Prisma transactions share one gap-free sequence per office', async () => {
    const officeId = await scratchOffice(prisma);
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        n % 2 ? transactions.run((sql) => audit.append(sql, event(officeId, n))) : prisma.$transaction((tx) => audit.append(tx, event(officeId, n))),
      ),
    );
    expect((await eventsOf(officeId)).map((e) => Number(e.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
