// No @kasian/* imports here: Jest loads the global setup outside its module mapper.
import { asRoleOf, type DatabaseRoles, withDatabase } from '../../libs/database/src/roles';

/** End-to-end tests run against this database, recreated by the global setup on every run. */
export const E2E_DATABASE = process.env.KASIAN_E2E_DATABASE ?? 'kasian_e2e';

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through \`npm test\`, which starts the services and exports their settings`);
  return value;
}

export function e2eDatabaseUrl(): string {
  return withDatabase(requireEnv('DATABASE_URL'), E2E_DATABASE);
}

/** The same database as the owner role, which runs migrations (ADR 0014). */
export function asOwner(url: string): string {
  return asRoleOf(url, requireEnv('DATABASE_OWNER_URL'));
}

/** The same database as the superuser: to tamper with it the way a database administrator could. */
export function asSuperuser(url: string): string {
  return asRoleOf(url, requireEnv('DATABASE_ADMIN_URL'));
}

export function databaseRoles(): DatabaseRoles {
  return { adminUrl: requireEnv('DATABASE_ADMIN_URL'), appUrl: requireEnv('DATABASE_URL'), ownerUrl: requireEnv('DATABASE_OWNER_URL') };
}
