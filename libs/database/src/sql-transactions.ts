import type { Writable } from 'node:stream';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import pg from 'pg';
import { APP_CONFIG, type SharedConfig } from '@kasian/config';

/**
 * The smallest port to PostgreSQL: positional parameters ($1, $2 …), rows back. A `name` makes it a
 * named prepared statement on `pg` (parsed and planned once per connection); a name must always
 * stand for the same text (ADR 0010). Prisma ignores it.
 */
export interface SqlExecutor {
  query<T>(text: string, values?: unknown[], name?: string): Promise<T[]>;
  /**
   * A write whose rows the caller does not need. In a `SqlTransactions.run` transaction it goes
   * on the wire at once and the work goes on without waiting: its outcome is checked at COMMIT,
   * and a failure rolls the whole transaction back and is thrown by `run` (after `failure` maps it).
   * So such a write must fail, not silently touch no row, when it cannot do its job (see
   * `kasian_expect`). Elsewhere it simply runs.
   */
  enqueue(text: string, values?: unknown[], name?: string, failure?: MapFailure): Promise<void>;
}

/** Turns a database error into the error the caller should see (e.g. a typed domain error). */
export type MapFailure = (error: unknown) => unknown;

/** SQLSTATE raised by `kasian_expect(ok, message)` (migration statement_guard). */
export const EXPECTATION_FAILED = 'KA001';

export function isExpectationFailure(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === EXPECTATION_FAILED;
}

/** The text each statement name stands for, so a name given to two texts fails at once, not on some connection. */
const statements = new Map<string, string>();

/** pg query config: named (prepared once per connection) when a name is given. */
function configOf(text: string, values: unknown[] | undefined, name: string | undefined): pg.QueryConfig {
  if (!name) return { text, values };
  const known = statements.get(name);
  if (known === undefined) statements.set(name, text);
  else if (known !== text) throw new Error(`The statement name "${name}" is already used for another SQL text.`);
  return { name, text, values };
}

/** pg settings from a Prisma-style URL: its `?schema=` becomes the connection's search_path. */
export function poolConfigOf(databaseUrl: string, max: number): pg.PoolConfig {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), max, ...(schema ? { options: `-c search_path="${schema}"` } : {}) };
}

/** A Prisma transaction client seen through the same port, for code still running in a Prisma transaction. */
export function prismaExecutor(tx: Prisma.TransactionClient): SqlExecutor {
  const query = <T>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values);
  return { query, enqueue: (text, values, _name, failure) => runNow(query(text, values), failure) };
}

const unchanged: MapFailure = (error) => error;

async function runNow(statement: Promise<unknown>, failure: MapFailure = unchanged): Promise<void> {
  await statement.catch((error: unknown) => {
    throw failure(error);
  });
}

/**
 * Transactions on plain `pg` for the hot paths (ADR 0010): no query compiler between the code and
 * the wire. Outside `run`, `query` is one statement on any pooled connection.
 *
 * The pool's connections pipeline (node-postgres `pipeline: true`): a statement is sent without
 * waiting for the answer to the one before. `run` uses it to send BEGIN with the work's first
 * statement and COMMIT with its enqueued writes, so a route action waits for the database three
 * times instead of five or more.
 */
@Injectable()
export class SqlTransactions implements SqlExecutor, OnModuleDestroy {
  private readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: Pick<SharedConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>) {
    this.pool = new pg.Pool({ ...poolConfigOf(config.DATABASE_URL, config.DATABASE_POOL_SIZE), pipeline: true } as pg.PoolConfig);
  }

  async query<T>(text: string, values?: unknown[], name?: string): Promise<T[]> {
    return (await this.pool.query(configOf(text, values, name))).rows as T[];
  }

  enqueue(text: string, values?: unknown[], name?: string, failure?: MapFailure): Promise<void> {
    return runNow(this.query(text, values, name), failure);
  }

  /** BEGIN, the work, COMMIT on one pooled connection; any error rolls back and is rethrown. */
  async run<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const transaction = new PipelinedTransaction(client);
    try {
      const result = await work(transaction);
      await transaction.commit();
      client.release();
      return result;
    } catch (error) {
      transaction.release();
      const cause = await transaction.firstFailure(error);
      client.release(await rollbackFailed(client));
      throw cause;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

interface Sent {
  outcome: Promise<unknown>;
  failure: MapFailure;
}

/**
 * One transaction on a pipelining connection. BEGIN is sent, not awaited: the work's first
 * statement follows it on the wire (on a healthy idle pooled connection BEGIN cannot fail, and
 * `commit` checks it anyway). Every statement is remembered; `commit` sends COMMIT behind the
 * enqueued writes and then waits for all of them. After a failed statement PostgreSQL refuses the
 * rest and answers COMMIT with ROLLBACK, so the first failure is the one reported.
 *
 * Statements sent without waiting are also held in the socket (cork) until the next one that is
 * waited for, so BEGIN and the first query, or the enqueued writes and COMMIT, leave in one write:
 * each socket write to PostgreSQL was ~5% of the API's CPU on the decision path.
 */
class PipelinedTransaction implements SqlExecutor {
  private readonly sent: Sent[] = [];
  private readonly socket: Writable;
  private holding = false;

  constructor(private readonly client: pg.PoolClient) {
    this.socket = (client as unknown as { connection: { stream: Writable } }).connection.stream;
    this.hold();
    this.send('BEGIN', unchanged);
  }

  async query<T>(text: string, values?: unknown[], name?: string): Promise<T[]> {
    const { outcome } = this.send(configOf(text, values, name), unchanged);
    this.release();
    return ((await outcome) as pg.QueryResult).rows as T[];
  }

  async enqueue(text: string, values?: unknown[], name?: string, failure: MapFailure = unchanged): Promise<void> {
    this.hold();
    this.send(configOf(text, values, name), failure);
  }

  /** Sends what is held. Must run before anything else waits on this connection (ROLLBACK included). */
  release(): void {
    if (!this.holding) return;
    this.holding = false;
    this.socket.uncork();
  }

  async commit(): Promise<void> {
    this.send('COMMIT', unchanged);
    this.release();
    const failure = await this.firstFailure(null);
    if (failure !== null) throw failure;
    const { command } = (await this.sent[this.sent.length - 1].outcome) as pg.QueryResult;
    if (command !== 'COMMIT') throw new Error(`The transaction ended with ${command} instead of COMMIT.`);
  }

  /**
   * The statement that broke the transaction: the first one sent that failed (those behind it only
   * report the aborted transaction), mapped as its sender asked; `otherwise` if none failed.
   */
  async firstFailure(otherwise: unknown): Promise<unknown> {
    const outcomes = await Promise.allSettled(this.sent.map((s) => s.outcome));
    const failed = outcomes.findIndex((o) => o.status === 'rejected');
    return failed < 0 ? otherwise : this.sent[failed].failure((outcomes[failed] as PromiseRejectedResult).reason);
  }

  private hold(): void {
    if (this.holding) return;
    this.holding = true;
    this.socket.cork();
  }

  private send(statement: string | pg.QueryConfig, failure: MapFailure): Sent {
    const outcome = this.client.query(statement);
    // Awaited by `query` or `commit`; a rejection seen by neither (the work threw first) must not crash the process.
    outcome.catch(() => undefined);
    const sent = { outcome, failure };
    this.sent.push(sent);
    return sent;
  }
}

/** A connection that cannot roll back is broken: it is dropped from the pool rather than reused. */
async function rollbackFailed(client: pg.PoolClient): Promise<boolean> {
  return client.query('ROLLBACK').then(
    () => false,
    () => true,
  );
}
