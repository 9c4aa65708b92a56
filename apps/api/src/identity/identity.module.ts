import { Module } from '@nestjs/common';
import { CallerOffices } from './caller-offices';
import { GrantsController } from './grants.controller';
import { GrantsService } from './grants.service';
import { IdentityController } from './identity.controller';
import { IdentityRepository } from './identity.repository';
import { IdentityService } from './identity.service';

@Module({ controllers: [IdentityController, GrantsController], providers: [IdentityService, IdentityRepository, GrantsService, CallerOffices],
  exports: [CallerOffices], })
export class IdentityModule {}
