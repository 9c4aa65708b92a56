import { Module } from '@nestjs/common';
import { ActorDirectory } from './actor-directory';
import { CreateDocument } from './create-document.use-case';
import { RouteActionUseCases } from './route-action.use-cases';
import { RouteActionsService } from './route-actions.service';
import { RouteQueries } from './route.queries';
import { RouteRepository } from './route.repository';
import { RoutingController } from './routing.controller';

@Module({
  controllers: [RoutingController],
  providers: [ActorDirectory, RouteRepository, RouteActionsService, RouteActionUseCases, CreateDocument, RouteQueries],
})
export class RoutingModule {}
