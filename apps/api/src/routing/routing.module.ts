import { IdentityModule } from '../identity/identity.module';
import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { RegistryModule } from '../registry/registry.module';
import { ActorDirectory } from './actor-directory';
import { CreateDocument } from './create-document.use-case';
import { RouteActionUseCases } from './route-action.use-cases';
import { RouteActionsService } from './route-actions.service';
import { RouteQueries } from './route.queries';
import { RouteEventHooks } from './route-event-hooks';
import { RouteRepository } from './route.repository';
import { RouteTemplatesController } from './route-templates.controller';
import { RouteTemplatesService } from './route-templates.service';
import { ReviseDraft } from './revise-draft.use-case';
import { RoutingController } from './routing.controller';

@Module({
  imports: [DocumentsModule, IdentityModule, RegistryModule],
  controllers: [RoutingController, RouteTemplatesController],
  providers: [ActorDirectory, RouteRepository, RouteActionsService, RouteActionUseCases, CreateDocument, RouteQueries, RouteTemplatesService, ReviseDraft, RouteEventHooks],
  exports: [RouteActionsService, RouteQueries, CreateDocument, ReviseDraft, RouteEventHooks],
})
export class RoutingModule {}
