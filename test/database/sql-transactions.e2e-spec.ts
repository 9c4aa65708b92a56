import { randomUUID } from 'node:crypto';
import { isExpectationFailure, type SqlExecutor, SqlTransactions } from '@kasian/database';
import { asOwner, e2eDatabaseUrl } from '../support/environment';

/** `SqlTransactions.run` pipelines BEGIN and enqueued writes (ADR 0010): whatever fails, all or nothing commits. */
describe('SqlTransactions on a pipelining connection', () => {
  // One connection, so every test also shows the connection is clean for the next transaction.
  const sql = new SqlTransactions({ DATABASE_URL: e2eDatabaseUrl(), DATABASE_POOL_SIZE: 1 });
  // The application role owns nothing (ADR 0015): the scratch table is the owner's, used by the app as any table.
  const owner = new SqlTransactions({ DATABASE_URL: asOwner(e2eDatabaseUrl()), DATABASE_POOL_SIZE: 1 });
  const table = `pipeline_${randomUUID().replaceAll('-', '')}`;

  class Refused extends Error {}

  const insert = (tx: SqlExecutor, value: string) => tx.enqueue(`INSERT INTO ${table} (value) VALUES ($1)`, [value]);
  const values = async () => (await sql.query<{ value: string }>(`SELECT value FROM ${table} ORDER BY value`)).map((r) => r.value);
  const expectOne = (tx: SqlExecutor, value: string) =>
    tx.enqueue(
      `WITH hit AS (UPDATE ${table} SET value = value WHERE value = $1 RETURNING 1) SELECT kasian_expect(count(*) = 1, 'no row ' || $1) FROM hit`,
      [value],
      undefined,
      (error) => (isExpectationFailure(error) ? new Refused(`refused ${value}`) : error),
    );

  beforeAll(() => owner.query(`CREATE TABLE ${table} (value text PRIMARY KEY)`));
  beforeEach(() => owner.query(`TRUNCATE ${table}`));
  afterAll(async () => {
    await owner.query(`DROP TABLE ${table}`);
    await Promise.all([sql.onModuleDestroy(), owner.onModuleDestroy()]);
  });

  it('commits the awaited statements and the enqueued writes together', async () => {
    const result = await sql.run(async (tx) => {
      await insert(tx, 'a');
      const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      await insert(tx, 'b');
      return n;
    });
    expect(result).toBe(1);
    expect(await values()).toEqual(['a', 'b']);
  });

  it('rolls everything back when an enqueued write fails, and reports that write, mapped', async () => {
    const run = sql.run(async (tx) => {
      await insert(tx, 'a');
      await expectOne(tx, 'missing');
      await insert(tx, 'c');
      return 'done';
    });
    await expect(run).rejects.toThrow(new Refused('refused missing'));
    expect(await values()).toEqual([]);
  });

  it('reports the enqueued write that broke the transaction, not the awaited statement behind it', async () => {
    const run = sql.run(async (tx) => {
      await expectOne(tx, 'missing');
      await tx.query('SELECT 1');
      return 'done';
    });
    await expect(run).rejects.toBeInstanceOf(Refused);
    expect(await values()).toEqual([]);
  });

  it('rolls back enqueued writes when the work itself throws', async () => {
    const run = sql.run(async (tx) => {
      await insert(tx, 'a');
      throw new Error('changed my mind');
    });
    await expect(run).rejects.toThrow('changed my mind');
    expect(await values()).toEqual([]);
  });

  it('reports a failing awaited statement as it is, and the connection serves the next transaction', async () => {
    await expect(sql.run((tx) => tx.query('SELECT 1/0'))).rejects.toMatchObject({ code: '22012' });
    await sql.run((tx) => insert(tx, 'after'));
    expect(await values()).toEqual(['after']);
  });
});
