import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { IdentityModule } from '../identity/identity.module';
import { RoutingModule } from '../routing/routing.module';
import { EvidenceCatalogue } from './evidence-catalogue';
import { ItaController } from './ita.controller';
import { ItaImports } from './ita-imports.use-cases';
import { ItaQueries } from './ita.queries';
import { ItaRecords } from './ita-records.use-cases';
import { ItaReports } from './ita-report.use-cases';

/** ITA: frameworks by year, the office's measures, OIT assignment, scores, evidence links, dashboard and the report (ADR 0013). */
@Module({
  imports: [IdentityModule, RoutingModule, EvidenceModule],
  controllers: [ItaController],
  providers: [ItaImports, ItaRecords, ItaReports, ItaQueries, EvidenceCatalogue],
})
export class ItaModule {}
