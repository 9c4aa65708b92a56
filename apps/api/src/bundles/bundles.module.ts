import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { PDF_QUEUE } from '@kasian/jobs';
import { EvidenceModule } from '../evidence/evidence.module';
import { RoutingModule } from '../routing/routing.module';
import { BundlePdfSource } from './bundle-pdf-source';
import { BundlesController } from './bundles.controller';
import { DocumentBundles } from './document-bundles';
import { WorkerRenderedPdfs } from './worker-rendered-pdfs';

/** Auditor bundles (ADR 0012). DocumentBundles is exported for measure and ITA-year bundles. */
@Module({
  imports: [EvidenceModule, RoutingModule, BullModule.registerQueue({ name: PDF_QUEUE })],
  controllers: [BundlesController],
  providers: [DocumentBundles, { provide: BundlePdfSource, useClass: WorkerRenderedPdfs }],
  exports: [DocumentBundles],
})
export class BundlesModule {}
