import { hostname } from 'node:os';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { APP_CONFIG, type WorkerConfig } from '@kasian/config';
import { HOUSEKEEPING_QUEUE, type HeartbeatPayload, type HeartbeatResult, HousekeepingJob, LAST_HEARTBEAT_KEY } from '@kasian/jobs';

const SCHEDULED_BEAT_ID = 'scheduled-heartbeat';

/** Answers heartbeats, and schedules one of its own so the last-seen record stays fresh. */
@Processor(HOUSEKEEPING_QUEUE)
export class HeartbeatProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(HeartbeatProcessor.name);

  constructor(
    @InjectQueue(HOUSEKEEPING_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const payload: HeartbeatPayload = { nonce: SCHEDULED_BEAT_ID, requestedAt: new Date().toISOString(), requestedBy: 'worker' };
    await this.queue.add(HousekeepingJob.Heartbeat, payload, {
      jobId: SCHEDULED_BEAT_ID,
      repeat: { every: this.config.HEARTBEAT_EVERY_SECONDS * 1000 },
    });
  }

  @Process({ name: HousekeepingJob.Heartbeat, concurrency: 1 })
  async heartbeat(job: Job<HeartbeatPayload>): Promise<HeartbeatResult> {
    const processedAt = new Date();
    const result: HeartbeatResult = {
      nonce: job.data.nonce,
      worker: { host: hostname(), pid: process.pid },
      processedAt: processedAt.toISOString(),
      queueLatencyMs: processedAt.getTime() - job.timestamp,
    };
    await this.queue.client.set(LAST_HEARTBEAT_KEY, JSON.stringify(result));
    this.logger.log({ jobId: job.id, requestedBy: job.data.requestedBy, queueLatencyMs: result.queueLatencyMs }, 'heartbeat');
    return result;
  }
}
