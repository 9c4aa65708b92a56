import { setTimeout as sleep } from 'node:timers/promises';
import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { PDF_QUEUE, PdfJob, renderPdfJobId, type RenderPdfPayload } from '@kasian/jobs';
import { PdfRenderFailedError } from './printing.errors';

export type RenderWait = { done: true; jobId: string } | { done: false; jobId: string };

/** The api's side of the `render-pdf` queue: one job per cache key, waited on for a bounded time. */
@Injectable()
export class PdfJobs {
  constructor(@InjectQueue(PDF_QUEUE) private readonly queue: Queue<RenderPdfPayload>) {}

  /** Done when the worker has stored the PDF within `waitMs`; a job the worker gave up on throws PdfRenderFailedError. */
  async render(payload: RenderPdfPayload, waitMs: number): Promise<RenderWait> {
    const job = await this.enqueue(payload);
    const jobId = String(job.id);
    const stop = new AbortController();
    const finished = job.finished().then(
      () => ({ done: true as const, jobId }),
      (error: Error) => error,
    );
    const timedOut = sleep(waitMs, { done: false as const, jobId }, { signal: stop.signal }).catch(() => ({ done: false as const, jobId }));
    const outcome = await Promise.race([finished, timedOut]);
    stop.abort();
    if (outcome instanceof Error) throw new PdfRenderFailedError(jobId, outcome.message);
    return outcome;
  }

  /**
   * Joins the job of this key while it waits or runs. A finished one is replaced: it failed (so
   * asking again is the retry), or it completed and its PDF has since gone from the bucket.
   */
  private async enqueue(payload: RenderPdfPayload): Promise<Job<RenderPdfPayload>> {
    const jobId = renderPdfJobId(payload);
    const existing = await this.queue.getJob(jobId);
    if (existing && ((await existing.isFailed()) || (await existing.isCompleted()))) await existing.remove().catch(() => undefined);
    return this.queue.add(PdfJob.Render, payload, { jobId });
  }
}
