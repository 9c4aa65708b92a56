import { defineConfig } from 'prisma/config';
import { migrationAdapterFactory } from './prisma/offline/migration-adapter.js';

// Migrations run through Prisma's JavaScript schema engine over a pg driver
// adapter, because the native schema engine is downloaded at run time and
// that host is unreachable here. See docs/adr/0001-stack.md.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => migrationAdapterFactory(requireEnv('DATABASE_URL'), process.env.SHADOW_DATABASE_URL),
});

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required to run Prisma migrations`);
  return value;
}
