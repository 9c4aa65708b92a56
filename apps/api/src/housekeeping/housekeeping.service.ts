import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { NotFoundError } from '@kasian/errors';
import { HOUSEKEEPING_QUEUE, type HeartbeatPayload, HousekeepingJob } from '@kasian/jobs';
import type { EnqueuedJobDto, JobStatusDto } from './housekeeping.dto';

@Injectable()
export class HousekeepingService {
  constructor(@InjectQueue(HOUSEKEEPING_QUEUE) private readonly queue: Queue) {}

  async requestHeartbeat(requestedBy: string): Promise<EnqueuedJobDto> {
    const payload: HeartbeatPayload = { nonce: randomUUID(), requestedAt: new Date().toISOString(), requestedBy };
    const job = await this.queue.add(HousekeepingJob.Heartbeat, payload);
    return { jobId: String(job.id), nonce: payload.nonce };
  }

  async status(jobId: string): Promise<JobStatusDto> {
    const job = await this.queue.getJob(jobId);
    if (!job) throw new NotFoundError('Job', 'งานในคิว', jobId);
    return {
      jobId: String(job.id),
      name: job.name,
      state: await job.getState(),
      result: job.returnvalue ?? null,
      failedReason: job.failedReason ?? null,
      attemptsMade: job.attemptsMade,
    };
  }
}
