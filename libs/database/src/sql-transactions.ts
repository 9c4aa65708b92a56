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
  return { query: <T>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values) };
}

/**
 * Transactions on plain `pg` for the hot paths (ADR 0010): no query compiler between the code and
 * the wire. Outside `run`, `query` is one statement on any pooled connection.
 */
@Injectable()
export class SqlTransactions implements SqlExecutor, OnModuleDestroy {
  private readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: Pick<SharedConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>) {
    this.pool = new pg.Pool(poolConfigOf(config.DATABASE_URL, config.DATABASE_POOL_SIZE));
  }

  async query<T>(text: string, values?: unknown[], name?: string): Promise<T[]> {
    return (await this.pool.query(configOf(text, values, name))).rows as T[];
  }

  /** BEGIN, the work, COMMIT on one pooled connection; any error rolls back and is rethrown. */
  async run<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(executorOf(client));
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      client.release(await rollbackFailed(client));
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

function executorOf(client: pg.PoolClient): SqlExecutor {
  return { query: async <T>(text: string, values?: unknown[], name?: string) => (await client.query(configOf(text, values, name))).rows as T[] };
}

/** A connection that cannot roll back is broken: it is dropped from the pool rather than reused. */
async function rollbackFailed(client: pg.PoolClient): Promise<boolean> {
  return client.query('ROLLBACK').then(
    () => false,
    () => true,
  );
}
