import { spawnSync } from 'node:child_process';
import pg from 'pg';

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run \`eval "$(bash scripts/services.sh env)"\` first`);
  return value;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A URL node-postgres accepts (it does not know Prisma's `?schema=`). */
export function plainPgUrl(url: string): string {
  return url.replace(/\?.*$/, '');
}

async function asSuperuser(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: requireEnv('DATABASE_ADMIN_URL') });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and creates the benchmark database, owned by the application role, and migrates it. */
export async function freshBenchDatabase(name: string): Promise<string> {
  const owner = decodeURIComponent(new URL(requireEnv('DATABASE_URL')).username);
  await asSuperuser(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" OWNER "${owner}"`);
  });
  const url = withDatabase(requireEnv('DATABASE_URL'), name);
  const migration = spawnSync('bash', ['scripts/prisma.sh', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 120_000 });
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
