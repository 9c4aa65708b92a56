import type { PrismaService } from '@kasian/database';
import { IdempotencyService } from '../../apps/api/src/idempotency/idempotency.service';
import { e2ePrisma, scratchOffice } from '../support/prisma';

describe('Idempotency-Key handling on PostgreSQL', () => {
  let prisma: PrismaService;
  let idempotency: IdempotencyService;
  let officeId: string;

  beforeAll(async () => {
    prisma = e2ePrisma();
    idempotency = new IdempotencyService(prisma);
    officeId = await scratchOffice(prisma);
  });
  afterAll(() => prisma.$disconnect());

  /** A mutation with a visible side effect: it creates a unit and answers with its id. */
  const createUnit = (name: string) => async (tx: Parameters<Parameters<IdempotencyService['run']>[1]>[0]) => {
    const unit = await tx.unit.create({ data: { officeId, kind: 'WORK_UNIT', nameTh: name } });
    return { status: 201, body: { unitId: unit.id } };
  };
  const scope = (key: string | undefined, request: unknown) => ({ officeId, subject: 'caller-1', key, operation: 'POST /units', request });
  const unitsNamed = (nameTh: string) => prisma.unit.count({ where: { officeId, nameTh } });

  it('a retry with the same key returns the first result without acting again', async () => {
    const first = await idempotency.run(scope('key-a', { name: 'งานพัสดุ' }), createUnit('งานพัสดุ'));
    const retry = await idempotency.run(scope('key-a', { name: 'งานพัสดุ' }), createUnit('งานพัสดุ'));
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await unitsNamed('งานพัสดุ')).toBe(1);
  });

  it('20 concurrent duplicates act once and all get the same answer', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => idempotency.run(scope('key-b', { name: 'งานธุรการ' }), createUnit('งานธุรการ'))),
    );
    expect(new Set(results.map((r) => r.body.unitId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await unitsNamed('งานธุรการ')).toBe(1);
  });

  it('the same key with a different request is refused and changes nothing', async () => {
    await idempotency.run(scope('key-c', { name: 'งานนิติการ' }), createUnit('งานนิติการ'));
    await expect(idempotency.run(scope('key-c', { name: 'งานอื่น' }), createUnit('งานอื่น'))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      httpStatus: 422,
    });
    expect(await unitsNamed('งานอื่น')).toBe(0);
  });

  it('a failed attempt records nothing, so the retry really runs', async () => {
    const failing = async () => {
      throw new Error('refused by a business rule');
    };
    await expect(idempotency.run(scope('key-d', { name: 'งานการเจ้าหน้าที่' }), failing)).rejects.toThrow('refused');
    const retry = await idempotency.run(scope('key-d', { name: 'งานการเจ้าหน้าที่' }), createUnit('งานการเจ้าหน้าที่'));
    expect(retry.replayed).toBe(false);
    expect(await unitsNamed('งานการเจ้าหน้าที่')).toBe(1);
  });

  it('without a key every call acts', async () => {
    await idempotency.run(scope(undefined, {}), createUnit('งานทดลอง'));
    await idempotency.run(scope(undefined, {}), createUnit('งานทดลอง ๒'));
    expect((await unitsNamed('งานทดลอง')) + (await unitsNamed('งานทดลอง ๒'))).toBe(2);
  });
});
