import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { PDF_QUEUE, PdfJob, pdfObjectKey, PRINTABLE_KINDS, type PrintableKind, type RenderPdfPayload, renderPdfJobId } from '@kasian/jobs';
import { StorageService } from '@kasian/storage';
import { BundlePdfSource, type PdfOutcome, type PdfRequest } from './bundle-pdf-source';

/** How long a bundle waits for the worker to print a PDF that is not cached yet. */
export const RENDER_WAIT_MS = 60_000;

const isPrintable = (kind: string): kind is PrintableKind => (PRINTABLE_KINDS as readonly string[]).includes(kind);

/**
 * The PDF the worker prints for a version (render-pdf job, libs/jobs), cached in MinIO under the
 * version's content hash: taken from the cache when it is there, else asked for and waited on.
 * What the worker cannot print is reported as missing, with its reason, not left out silently.
 */
@Injectable()
export class WorkerRenderedPdfs extends BundlePdfSource {
  constructor(
    @InjectQueue(PDF_QUEUE) private readonly queue: Queue,
    private readonly storage: StorageService,
  ) {
    super();
  }

  async pdfOf(request: PdfRequest): Promise<PdfOutcome> {
    if (!isPrintable(request.kind)) return { missing: `documents of kind ${request.kind} are not printed yet` };
    const payload: RenderPdfPayload = { officeId: request.officeId, documentId: request.documentId, versionId: request.versionId, contentHash: request.contentHash, kind: request.kind };
    const key = pdfObjectKey(request.officeId, request.contentHash);
    if (!(await this.storage.exists('evidence', key))) {
      const failure = await this.render(payload);
      if (failure) return { missing: failure };
    }
    return { open: () => this.storage.get('evidence', key) };
  }

  private async render(payload: RenderPdfPayload): Promise<string | null> {
    const job = await this.queue.add(PdfJob.Render, payload, { jobId: renderPdfJobId(payload) });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the worker within ${RENDER_WAIT_MS / 1000} s`)), RENDER_WAIT_MS);
    });
    try {
      await Promise.race([job.finished(), timeout]);
      return null;
    } catch (error) {
      return `the worker did not print version ${payload.versionId}: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
    }
  }
}
