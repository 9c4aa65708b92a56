// No @kasian/* imports here: Jest loads the global setup outside its module mapper.

/** End-to-end tests run against this database, recreated by the global setup on every run. */
export const E2E_DATABASE = process.env.KASIAN_E2E_DATABASE ?? 'kasian_e2e';

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through \`npm test\`, which starts the services and exports their settings`);
  return value;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function e2eDatabaseUrl(): string {
  return withDatabase(requireEnv('DATABASE_URL'), E2E_DATABASE);
}
