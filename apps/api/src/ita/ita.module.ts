import { Module } from '@nestjs/common';
import { BundlesModule } from '../bundles/bundles.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { IdentityModule } from '../identity/identity.module';
import { RoutingModule } from '../routing/routing.module';
import { EvidenceCatalogue } from './evidence-catalogue';
import { ItaBundleScope } from './ita-bundle-scope';
import { ItaBundles } from './ita-bundles';
import { ItaBundlesController } from './ita-bundles.controller';
import { ItaController } from './ita.controller';
import { ItaImports } from './ita-imports.use-cases';
import { ItaQueries } from './ita.queries';
import { ItaRecords } from './ita-records.use-cases';
import { ItaReports } from './ita-report.use-cases';

/** ITA: frameworks by year, the office's measures, OIT assignment, scores, evidence links, dashboard, the report (ADR 0013) and auditor bundles (ADR 0017). */
@Module({
  imports: [IdentityModule, RoutingModule, EvidenceModule, BundlesModule],
  controllers: [ItaController, ItaBundlesController],
  providers: [ItaImports, ItaRecords, ItaReports, ItaQueries, EvidenceCatalogue, ItaBundleScope, ItaBundles],
})
export class ItaModule {}
