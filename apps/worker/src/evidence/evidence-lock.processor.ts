import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { AuditPort } from '@kasian/audit';
import { APP_CONFIG, type WorkerConfig } from '@kasian/config';
import { SqlTransactions } from '@kasian/database';
import { EvidenceLocks } from '@kasian/evidence';
import { EVIDENCE_QUEUE, EvidenceJob, type LockApprovedResult } from '@kasian/jobs';
import { StorageService } from '@kasian/storage';

const SWEEP_ID = 'evidence-lock-sweep';

/** Puts the evidence of approved documents and of published ITA years under legal hold, every EVIDENCE_LOCK_SWEEP_SECONDS (ADR 0012, 0017). */
@Processor(EVIDENCE_QUEUE)
export class EvidenceLockProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvidenceLockProcessor.name);
  private readonly locks: EvidenceLocks;

  constructor(
    @InjectQueue(EVIDENCE_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: WorkerConfig,
    sql: SqlTransactions,
    storage: StorageService,
    audit: AuditPort,
  ) {
    this.locks = new EvidenceLocks({ sql, storage, audit });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(EvidenceJob.LockApproved, {}, { jobId: SWEEP_ID, repeat: { every: this.config.EVIDENCE_LOCK_SWEEP_SECONDS * 1000 }, attempts: 1 });
  }

  @Process({ name: EvidenceJob.LockApproved, concurrency: 1 })
  async lockApproved(job: Job): Promise<LockApprovedResult> {
    const { locked, failed } = await this.locks.lockApproved();
    if (locked || failed.length) this.logger.log({ jobId: job.id, locked, failed }, 'evidence locks');
    return { locked, failed: failed.length };
  }
}
