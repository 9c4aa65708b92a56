import { randomUUID } from 'node:crypto';
import type { PrismaService, SqlExecutor, SqlTransactions } from '@kasian/database';
import { IdempotencyService, type IdempotencyScope, type MutationResult } from '../../apps/api/src/idempotency/idempotency.service';
import { e2ePrisma, e2eSql, scratchOffice } from '../support/prisma';

type Created = MutationResult<{ unitId: string }>;
type Work = () => Promise<Created>;

describe('Idempotency-Key handling on PostgreSQL', () => {
  let prisma: PrismaService;
  let transactions: SqlTransactions;
  let idempotency: IdempotencyService;
  let officeId: string;

  beforeAll(async () => {
    prisma = e2ePrisma();
    transactions = e2eSql();
    idempotency = new IdempotencyService(prisma, transactions);
    officeId = await scratchOffice(prisma);
  });
  afterAll(async () => {
    await transactions.onModuleDestroy();
    await prisma.$disconnect();
  });

  /** A mutation with a visible side effect: it creates a unit and answers with its id. */
  const insertUnit = async (sql: SqlExecutor, name: string): Promise<Created> => {
    const [unit] = await sql.query<{ id: string }>(
      `INSERT INTO units (id, office_id, kind, name_th, updated_at) VALUES ($1::uuid, $2::uuid, 'WORK_UNIT', $3, now()) RETURNING id`,
      [randomUUID(), officeId, name],
    );
    return { status: 201, body: { unitId: unit.id } };
  };
  const unitsNamed = (nameTh: string) => prisma.unit.count({ where: { officeId, nameTh } });

  /** The hot path on `pg` and the same rule driven in a Prisma transaction, which ORM-based mutations still use. */
  const drivers = {
    pg: (scope: IdempotencyScope, name: string, fail?: Work) =>
      idempotency.runSql(scope, (sql) => (fail ? fail() : insertUnit(sql, name))),
    prisma: (scope: IdempotencyScope, name: string, fail?: Work) =>
      idempotency.run(scope, async (tx) => {
        if (fail) return fail();
        const unit = await tx.unit.create({ data: { officeId, kind: 'WORK_UNIT', nameTh: name } });
        return { status: 201, body: { unitId: unit.id } };
      }),
  };

  describe.each(Object.entries(drivers))('through %s', (driver, run) => {
    const scope = (key: string | undefined, request: unknown) => ({ officeId, subject: 'caller-1', key: key && `${driver}-${key}`, operation: 'POST /units', request });
    const named = (name: string) => `${name} (${driver})`;

    it('a retry with the same key returns the first result without acting again', async () => {
      const first = await run(scope('key-a', { name: 'งานพัสดุ' }), named('งานพัสดุ'));
      const retry = await run(scope('key-a', { name: 'งานพัสดุ' }), named('งานพัสดุ'));
      expect(first.replayed).toBe(false);
      expect(retry).toEqual({ ...first, replayed: true });
      expect(await unitsNamed(named('งานพัสดุ'))).toBe(1);
    });

    it('20 concurrent duplicates act once and all get the same answer', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => run(scope('key-b', { name: 'งานธุรการ' }), named('งานธุรการ'))));
      expect(new Set(results.map((r) => r.body.unitId)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await unitsNamed(named('งานธุรการ'))).toBe(1);
    });

    it('the same key with a different request is refused and changes nothing', async () => {
      await run(scope('key-c', { name: 'งานนิติการ' }), named('งานนิติการ'));
      await expect(run(scope('key-c', { name: 'งานอื่น' }), named('งานอื่น'))).rejects.toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        httpStatus: 422,
      });
      expect(await unitsNamed(named('งานอื่น'))).toBe(0);
    });

    it('a failed attempt records nothing, so the retry really runs', async () => {
      const failing = async (): Promise<Created> => {
        throw new Error('refused by a business rule');
      };
      await expect(run(scope('key-d', { name: 'งานการเจ้าหน้าที่' }), named('งานการเจ้าหน้าที่'), failing)).rejects.toThrow('refused');
      const retry = await run(scope('key-d', { name: 'งานการเจ้าหน้าที่' }), named('งานการเจ้าหน้าที่'));
      expect(retry.replayed).toBe(false);
      expect(await unitsNamed(named('งานการเจ้าหน้าที่'))).toBe(1);
    });

    it('without a key every call acts', async () => {
      await run(scope(undefined, {}), named('งานทดลอง'));
      await run(scope(undefined, {}), named('งานทดลอง ๒'));
      expect((await unitsNamed(named('งานทดลอง'))) + (await unitsNamed(named('งานทดลอง ๒')))).toBe(2);
    });
  });
});
