import pg from 'pg';

/** The group the migrations grant the application's privileges to (ADR 0014). */
export const APP_GROUP_ROLE = 'kasian_app';

export interface DatabaseRoles {
  /** URL of a superuser (DATABASE_ADMIN_URL). */
  adminUrl: string;
  /** URL of the application's login role (DATABASE_URL). */
  appUrl: string;
  /** URL of the owner role that runs the migrations (DATABASE_OWNER_URL). */
  ownerUrl: string;
}

const userOf = (url: string) => decodeURIComponent(new URL(url).username);

/** The same URL with another database (Prisma's `?schema=` kept). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** `url`'s database reached as the role of `roleUrl`. */
export function asRoleOf(url: string, roleUrl: string): string {
  const [parsed, role] = [new URL(url), new URL(roleUrl)];
  parsed.username = role.username;
  parsed.password = role.password;
  return parsed.toString();
}

async function asSuperuser<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Makes sure the owner role, the application group and the application's membership exist, as
 * scripts/services.sh and deploy/postgres/init.sql do natively: for test and benchmark set-ups
 * that may run against services started by an older checkout. Idempotent.
 */
export async function ensureDatabaseRoles(roles: DatabaseRoles): Promise<void> {
  const owner = new URL(roles.ownerUrl);
  await asSuperuser(roles.adminUrl, async (client) => {
    const exists = async (name: string) => (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount === 1;
    const run = async (sql: string, ...names: string[]) => {
      const [{ statement }] = (await client.query<{ statement: string }>(`SELECT format('${sql}', ${names.map((_, i) => `$${i + 1}::text`).join(', ')}) AS statement`, names)).rows;
      await client.query(statement);
    };
    if (!(await exists(userOf(roles.ownerUrl)))) await run('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', userOf(roles.ownerUrl), decodeURIComponent(owner.password));
    if (!(await exists(APP_GROUP_ROLE))) await run('CREATE ROLE %I NOLOGIN', APP_GROUP_ROLE);
    await run('GRANT %I TO %I', APP_GROUP_ROLE, userOf(roles.appUrl));
  });
}

/** Drops (if present) and creates an empty database owned by the owner role; answers its application URL. */
export async function recreateOwnedDatabase(roles: DatabaseRoles, name: string): Promise<string> {
  await asSuperuser(roles.adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" OWNER "${userOf(roles.ownerUrl)}"`);
  });
  return withDatabase(roles.appUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await asSuperuser(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
