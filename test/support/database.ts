import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { requireEnv, withDatabase } from './environment';

async function asSuperuser<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: requireEnv('DATABASE_ADMIN_URL') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops (if present) and creates an empty database owned by the application's role. */
export async function recreateDatabase(name: string): Promise<string> {
  const owner = decodeURIComponent(new URL(requireEnv('DATABASE_URL')).username);
  await asSuperuser(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" OWNER "${owner}"`);
  });
  return withDatabase(requireEnv('DATABASE_URL'), name);
}

export async function dropDatabase(name: string): Promise<void> {
  await asSuperuser((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Applies the committed migrations with the real Prisma CLI (`prisma migrate deploy`). */
export function migrateDeploy(databaseUrl: string): { status: number | null; output: string } {
  const result = spawnSync('bash', ['scripts/prisma.sh', 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

export async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl.replace(/\?.*$/, '') });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
