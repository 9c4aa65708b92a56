import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { APP_CONFIG, type WorkerConfig } from '@kasian/config';
import { AUDIT_QUEUE, AuditJob, type AuditJobResult } from '@kasian/jobs';
import { AuditCheckpoints } from './audit-checkpoints';

/** Schedules the checkpoints (default every minute) and the self-check (default hourly) as repeatable jobs. */
@Processor(AUDIT_QUEUE)
export class AuditChecksProcessor implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(AUDIT_QUEUE) private readonly queue: Queue,
    private readonly checkpoints: AuditCheckpoints,
    @Inject(APP_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule(AuditJob.Checkpoint, this.config.AUDIT_CHECKPOINT_EVERY_SECONDS);
    await this.schedule(AuditJob.SelfCheck, this.config.AUDIT_SELF_CHECK_EVERY_SECONDS);
  }

  @Process({ name: AuditJob.Checkpoint, concurrency: 1 })
  checkpoint(): Promise<AuditJobResult> {
    return this.checkpoints.checkpointMovedHeads();
  }

  @Process({ name: AuditJob.SelfCheck, concurrency: 1 })
  selfCheck(): Promise<AuditJobResult> {
    return this.checkpoints.selfCheck();
  }

  /** One repeatable job per name: a schedule left by a different interval setting is removed first. */
  private async schedule(name: string, everySeconds: number): Promise<void> {
    const every = everySeconds * 1000;
    for (const job of await this.queue.getRepeatableJobs()) {
      if (job.name === name && Number(job.every) !== every) await this.queue.removeRepeatableByKey(job.key);
    }
    await this.queue.add(name, {}, { jobId: name, repeat: { every }, attempts: 1 });
  }
}
