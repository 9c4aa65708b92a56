import type { BullRootModuleOptions } from '@nestjs/bull';

/** One Redis prefix for every Kasian queue, so a shared Redis stays tidy. */
export function bullRootOptions(redisUrl: string): BullRootModuleOptions {
  return {
    redis: redisUrl,
    prefix: 'kasian',
    defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: 1_000, removeOnFail: 5_000 },
  };
}
