import { apiConfigSchema, type ApiConfig, loadConfig, workerConfigSchema, type WorkerConfig } from '@kasian/config';
import { e2eDatabaseUrl } from './environment';

export { E2E_DATABASE, e2eDatabaseUrl, requireEnv } from './environment';

export function apiConfig(overrides: Record<string, string> = {}): ApiConfig {
  return loadConfig(apiConfigSchema, { ...process.env, DATABASE_URL: e2eDatabaseUrl(), LOG_LEVEL: 'warn', ...overrides });
}

export function workerConfig(overrides: Record<string, string> = {}): WorkerConfig {
  return loadConfig(workerConfigSchema, { ...process.env, DATABASE_URL: e2eDatabaseUrl(), LOG_LEVEL: 'warn', ...overrides });
}
