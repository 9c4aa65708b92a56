import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { dropDatabase as drop, recreateOwnedDatabase } from '../../libs/database/src/roles';
import { asOwner, databaseRoles, requireEnv } from './environment';

/** Drops (if present) and creates an empty database owned by the owner role; answers the application's URL of it. */
export async function recreateDatabase(name: string): Promise<string> {
  return recreateOwnedDatabase(databaseRoles(), name);
}

export async function dropDatabase(name: string): Promise<void> {
  await drop(requireEnv('DATABASE_ADMIN_URL'), name);
}

/** Applies the committed migrations with the real Prisma CLI (`prisma migrate deploy`), as the owner role. */
export function migrateDeploy(databaseUrl: string): { status: number | null; output: string } {
  const result = spawnSync('bash', ['scripts/prisma.sh', 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: asOwner(databaseUrl) },
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
