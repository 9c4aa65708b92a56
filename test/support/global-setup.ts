import { spawnSync } from 'node:child_process';
import { migrateDeploy, recreateDatabase } from './database';
import { E2E_DATABASE } from './environment';

/**
 * A fresh database for every end-to-end run, migrated by the real Prisma CLI and
 * seeded by the real demo command (which also links the Keycloak demo users).
 */
export default async function globalSetup(): Promise<void> {
  const url = await recreateDatabase(E2E_DATABASE);
  const migration = migrateDeploy(url);
  if (migration.status !== 0) throw new Error(`migrate deploy failed on ${E2E_DATABASE}:\n${migration.output}`);
  const seed = spawnSync(process.execPath, ['dist/apps/api/src/cli/seed-demo.js'], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`the demo seed failed on ${E2E_DATABASE}:\n${seed.stdout}\n${seed.stderr}`);
}
