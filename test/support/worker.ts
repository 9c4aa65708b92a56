import type { INestApplicationContext } from '@nestjs/common';
import { freePort } from '../../bench/support/api-process';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { workerConfig } from './env';

/** A worker in the test's process on the shared services, its health server on a free port. */
export async function testWorker(overrides: Record<string, string>): Promise<INestApplicationContext> {
  return createWorker(workerConfig({ WORKER_HEALTH_PORT: String(await freePort()), ...overrides }));
}
