import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceQueries } from './evidence.queries';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceUseCases } from './evidence.use-cases';
import { EvidenceUploads } from './evidence-uploads';

/** The evidence room (หลักฐาน): files in MinIO, attached to documents, locked once approved (ADR 0012) or once their ITA year's report is published (ADR 0017). */
@Module({
  imports: [IdentityModule],
  controllers: [EvidenceController],
  providers: [EvidenceUseCases, EvidenceQueries, EvidenceRepository, EvidenceUploads],
  exports: [EvidenceQueries],
})
export class EvidenceModule {}
