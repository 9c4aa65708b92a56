import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { APP_CONFIG, type WorkerConfig } from '@kasian/config';
import { SqlTransactions } from '@kasian/database';
import { EvidenceUploadJournal } from '@kasian/evidence';
import { type AbortLeftUploadsResult, EVIDENCE_QUEUE, EvidenceJob } from '@kasian/jobs';
import { StorageService } from '@kasian/storage';

const SWEEP_ID = 'evidence-upload-sweep';
/** An upload nobody marked abandoned may still be streaming over a slow line; MinIO's own expiry is a day too. */
const UNMARKED_GRACE_MS = 24 * 60 * 60_000;

/** Aborts the evidence uploads left behind in MinIO, found in the upload journal, as often as the lock sweep runs (ADR 0012). */
@Processor(EVIDENCE_QUEUE)
export class EvidenceUploadSweepProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvidenceUploadSweepProcessor.name);
  private readonly journal: EvidenceUploadJournal;

  constructor(
    @InjectQueue(EVIDENCE_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: WorkerConfig,
    sql: SqlTransactions,
    storage: StorageService,
  ) {
    this.journal = new EvidenceUploadJournal({ sql, storage, warn: (message, context) => this.logger.warn(context, message) });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(EvidenceJob.AbortLeftUploads, {}, { jobId: SWEEP_ID, repeat: { every: this.config.EVIDENCE_LOCK_SWEEP_SECONDS * 1000 }, attempts: 1 });
  }

  @Process({ name: EvidenceJob.AbortLeftUploads, concurrency: 1 })
  async abortLeftUploads(job: Job): Promise<AbortLeftUploadsResult> {
    const swept = await this.journal.sweep({ startedBefore: new Date(Date.now() - UNMARKED_GRACE_MS), repair: true });
    const aborted = swept.filter((upload) => upload.aborted).length;
    if (swept.length) this.logger.log({ jobId: job.id, aborted, failed: swept.length - aborted }, 'evidence uploads left behind');
    return { aborted, failed: swept.length - aborted };
  }
}
