import { Module } from '@nestjs/common';
import { ActorDirectory } from './actor-directory';
import { CreateDocument } from './create-document.use-case';
import { RouteActionUseCases } from './route-action.use-cases';
import { RouteActionsService } from './route-actions.service';
import { RouteQueries } from './route.queries';
import { RouteRepository } from './route.repository';
import { RouteTemplatesController } from './route-templates.controller';
import { RouteTemplatesService } from './route-templates.service';
import { RoutingController } from './routing.controller';

@Module({
  controllers: [RoutingController, RouteTemplatesController],
  providers: [ActorDirectory, RouteRepository, RouteActionsService, RouteActionUseCases, CreateDocument, RouteQueries, RouteTemplatesService],
  exports: [RouteActionsService],
})
export class RoutingModule {}
