import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

// Prisma bug 27403: the wasm schema engine cannot read result columns typed
// `char`, `name`, `_char`, `_name`, which its migration queries return from the
// catalogue. Reporting them as text / text[] is lossless for those queries.
// https://github.com/prisma/prisma/issues/27403
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const REPORTED_AS: Record<number, number> = { 18: TEXT_OID, 19: TEXT_OID, 1002: TEXT_ARRAY_OID, 1003: TEXT_ARRAY_OID };

interface FieldLike {
  dataTypeID: number;
}

function reportCatalogueTypesAsText<T>(result: T): T {
  const list = Array.isArray(result) ? result : [result];
  for (const item of list) {
    const fields = (item as { fields?: FieldLike[] } | undefined)?.fields;
    for (const field of fields ?? []) field.dataTypeID = REPORTED_AS[field.dataTypeID] ?? field.dataTypeID;
  }
  return result;
}

class CatalogueTypesAsTextClient extends pg.Client {
  // pg.Client#query is overloaded (promise or callback); both paths are patched.
  override query(...args: unknown[]): any {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (err: Error | null, res: unknown) => void;
      args[last] = (err: Error | null, res: unknown) => callback(err, err ? res : reportCatalogueTypesAsText(res));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    return returned instanceof Promise ? returned.then(reportCatalogueTypesAsText) : returned;
  }
}

function poolConfig(connectionString: string): pg.PoolConfig {
  const url = new URL(connectionString);
  const schema = url.searchParams.get('schema');
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    Client: CatalogueTypesAsTextClient,
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * PrismaPg 6.19 runs a migration script by splitting it on every ";" — inside PL/pgSQL bodies and
 * comments too, so a migration creating a function or trigger fails ("unterminated dollar-quoted
 * string"). PostgreSQL's simple query protocol takes the whole script at once, as Prisma's native
 * engine sends it; errors still go through the adapter's own error mapping.
 */
function wholeScripts(adapter: Adapter): Adapter {
  const client = adapter.underlyingDriver() as pg.Pool;
  const { onError } = adapter as unknown as { onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await client.query(script);
    } catch (error) {
      onError.call(adapter, error);
    }
  };
  return adapter;
}

/**
 * The driver-adapter factory the Prisma CLI uses for migrations.
 * PrismaPg#connectToShadowDb is broken in 6.19 (it ignores the database
 * override given a connection string, and drops the shadow database before
 * closing its pool), so the shadow database is handled here.
 */
export function migrationAdapterFactory(databaseUrl: string, shadowDatabaseUrl?: string): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg(poolConfig(databaseUrl));
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => wholeScripts(await main.connect()),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) return wholeScripts(await new PrismaPg(poolConfig(shadowDatabaseUrl)).connect());
      const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client(poolConfig(databaseUrl));
      await admin.connect();
      await admin.query(`CREATE DATABASE "${database}"`);
      await admin.end();
      const shadowPool = new pg.Pool({ ...poolConfig(databaseUrl), database });
      const adapter = wholeScripts(await new PrismaPg(shadowPool).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadowPool.end().catch(() => undefined);
        const dropper = new pg.Client(poolConfig(databaseUrl));
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await dropper.end();
      };
      return adapter;
    },
  };
}
