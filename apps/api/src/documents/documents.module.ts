import { IdentityModule } from '../identity/identity.module';
import { Module } from '@nestjs/common';
import { DocumentVersions } from './document-versions.service';
import { DocumentsController } from './documents.controller';
import { DocumentsQueries } from './documents.queries';

@Module({ imports: [IdentityModule], controllers: [DocumentsController], providers: [DocumentVersions, DocumentsQueries], exports: [DocumentVersions] })
export class DocumentsModule {}
