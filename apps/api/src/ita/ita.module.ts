import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { RoutingModule } from '../routing/routing.module';
import { EvidenceCatalogue, UnwiredEvidenceCatalogue } from './evidence-catalogue';
import { ItaController } from './ita.controller';
import { ItaImports } from './ita-imports.use-cases';
import { ItaQueries } from './ita.queries';
import { ItaRecords } from './ita-records.use-cases';
import { ItaReports } from './ita-report.use-cases';

/** ITA: frameworks by year, the office's measures, OIT assignment, scores, evidence links, dashboard and the report (ADR 0013). */
@Module({
  imports: [IdentityModule, RoutingModule],
  controllers: [ItaController],
  providers: [ItaImports, ItaRecords, ItaReports, ItaQueries, { provide: EvidenceCatalogue, useClass: UnwiredEvidenceCatalogue }],
})
export class ItaModule {}
