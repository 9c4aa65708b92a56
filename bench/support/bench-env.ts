import { spawnSync } from 'node:child_process';
import { asRoleOf, type DatabaseRoles, ensureDatabaseRoles, recreateOwnedDatabase } from '@kasian/database';

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`eval "$(bash scripts/services.sh env)"\` first`);
  return value;
}

/** A URL node-postgres accepts (it does not know Prisma's `?schema=`); other parameters, such as a socket `host`, are kept. */
export function plainPgUrl(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  return parsed.toString();
}

/** The same database as the owner role. */
export function ownerUrlOf(url: string): string {
  return asRoleOf(url, requireEnv('DATABASE_OWNER_URL'));
}

function databaseRoles(): DatabaseRoles {
  return { adminUrl: requireEnv('DATABASE_ADMIN_URL'), appUrl: requireEnv('DATABASE_URL'), ownerUrl: requireEnv('DATABASE_OWNER_URL') };
}

/** Drops and creates the benchmark database, owned by the owner role, and migrates it as that role (ADR 0014). */
export async function freshBenchDatabase(name: string): Promise<string> {
  const roles = databaseRoles();
  await ensureDatabaseRoles(roles);
  const url = await recreateOwnedDatabase(roles, name);
  const migration = spawnSync('bash', ['scripts/prisma.sh', 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: ownerUrlOf(url) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (migration.status !== 0) throw new Error(`migrate deploy failed on ${name}:\n${migration.stdout}\n${migration.stderr}`);
  return url;
}

export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

export function textOption(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

export async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
