import { spawnSync } from 'node:child_process';
import { ensureDatabaseRoles } from '../../libs/database/src/roles';
import { migrateDeploy, recreateDatabase } from './database';
import { databaseRoles, E2E_DATABASE } from './environment';

function runBuilt(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const run = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed for ${E2E_DATABASE}:\n${run.stdout}\n${run.stderr}`);
}

/**
 * A fresh database for every end-to-end run, owned by the owner role (the application's role only
 * gets privileges, ADR 0014), migrated by the real Prisma CLI and seeded by the real demo command
 * (which also links the Keycloak demo users). The demo checkpoint-signing key is made if missing.
 */
export default async function globalSetup(): Promise<void> {
  await ensureDatabaseRoles(databaseRoles());
  const url = await recreateDatabase(E2E_DATABASE);
  const migration = migrateDeploy(url);
  if (migration.status !== 0) throw new Error(`migrate deploy failed on ${E2E_DATABASE}:\n${migration.output}`);
  runBuilt(['dist/apps/api/src/cli/audit.js', 'keygen']);
  runBuilt(['dist/apps/api/src/cli/seed-demo.js'], { DATABASE_URL: url });
}
