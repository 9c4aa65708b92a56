import { IdentityModule } from '../identity/identity.module';
import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ActorDirectory } from './actor-directory';
import { CreateDocument } from './create-document.use-case';
import { RouteActionUseCases } from './route-action.use-cases';
import { RouteActionsService } from './route-actions.service';
import { RouteQueries } from './route.queries';
import { RouteRepository } from './route.repository';
import { RouteTemplatesController } from './route-templates.controller';
import { RouteTemplatesService } from './route-templates.service';
import { ReviseDraft } from './revise-draft.use-case';
import { RoutingController } from './routing.controller';

@Module({
  imports: [DocumentsModule, IdentityModule],
  controllers: [RoutingController, RouteTemplatesController],
  providers: [ActorDirectory, RouteRepository, RouteActionsService, RouteActionUseCases, CreateDocument, RouteQueries, RouteTemplatesService, ReviseDraft],
  exports: [RouteActionsService, RouteQueries],
})
export class RoutingModule {}
