import { Process, Processor } from '@nestjs/bull';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bull';
import { PrismaService } from '@kasian/database';
import { UnknownMemberRoleError, UnprintableContentError } from '@kasian/documents';
import { PDF_QUEUE, PdfJob, type RenderPdfPayload, type RenderPdfResult } from '@kasian/jobs';
import { StorageService } from '@kasian/storage';
import { DocumentPdfs } from './document-pdfs';
import { PrismaDocumentVersions } from './document-versions';
import { OfficialPrinter } from './official-printer';
import { UnprintableError } from './unprintable.error';

/** Prints on one browser; two pages at a time keep both cores of a small worker busy (ADR 0006). */
export const RENDER_CONCURRENCY = 2;

function isPermanent(error: unknown): boolean {
  return error instanceof UnprintableError || error instanceof UnprintableContentError || error instanceof UnknownMemberRoleError;
}

@Processor(PDF_QUEUE)
export class RenderPdfProcessor implements OnApplicationShutdown {
  private readonly logger = new Logger(RenderPdfProcessor.name);
  private readonly printer = new OfficialPrinter();
  private readonly pdfs: DocumentPdfs;

  constructor(storage: StorageService, prisma: PrismaService) {
    this.pdfs = new DocumentPdfs(storage, new PrismaDocumentVersions(prisma), this.printer);
  }

  @Process({ name: PdfJob.Render, concurrency: RENDER_CONCURRENCY })
  async render(job: Job<RenderPdfPayload>): Promise<RenderPdfResult> {
    try {
      const result = await this.pdfs.render(job.data);
      this.logger.log({ jobId: job.id, key: result.key, cached: result.cached, renderMs: result.renderMs }, 'pdf');
      return result;
    } catch (error) {
      if (isPermanent(error)) await job.discard();
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.printer.close();
  }
}
