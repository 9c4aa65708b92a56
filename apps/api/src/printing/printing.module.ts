import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { PDF_QUEUE } from '@kasian/jobs';
import { IdentityModule } from '../identity/identity.module';
import { RoutingModule } from '../routing/routing.module';
import { OfficialPdfController } from './official-pdf.controller';
import { OfficialPdfs } from './official-pdfs.service';
import { PdfJobs } from './pdf-jobs';
import { PrintSources } from './print-sources';

/** Official PDFs of memos, orders, announcements and the ITA report: assembled here, printed by the worker's render-pdf job, cached in MinIO (ADR 0006, 0011). */
@Module({
  imports: [BullModule.registerQueue({ name: PDF_QUEUE }), IdentityModule, RoutingModule],
  controllers: [OfficialPdfController],
  providers: [OfficialPdfs, PdfJobs, PrintSources],
  exports: [OfficialPdfs],
})
export class PrintingModule {}
