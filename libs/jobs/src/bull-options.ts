import type { BullRootModuleOptions } from '@nestjs/bull';

/** Shared Bull settings: one key prefix for every Kasian queue, bounded history, retries with back-off. */
export function bullRootOptions(redisUrl: string, prefix: string): BullRootModuleOptions {
  return {
    redis: redisUrl,
    prefix,
    defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: 1_000, removeOnFail: 5_000 },
  };
}
