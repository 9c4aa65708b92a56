import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { PrintingModule } from '../printing/printing.module';
import { RoutingModule } from '../routing/routing.module';
import { AuditTrailForBundles } from './audit-trail-for-bundles';
import { BundlePdfSource } from './bundle-pdf-source';
import { BundlesController } from './bundles.controller';
import { DocumentBundles } from './document-bundles';
import { OfficialPdfsForBundles } from './official-pdfs-for-bundles';

/** Auditor bundles (ADR 0012), with the document's signed audit trail (ADR 0014). DocumentBundles and the trails are exported for measure and ITA-year bundles (ADR 0017). */
@Module({
  imports: [EvidenceModule, RoutingModule, PrintingModule],
  controllers: [BundlesController],
  providers: [DocumentBundles, AuditTrailForBundles, { provide: BundlePdfSource, useClass: OfficialPdfsForBundles }],
  exports: [DocumentBundles, AuditTrailForBundles],
})
export class BundlesModule {}
