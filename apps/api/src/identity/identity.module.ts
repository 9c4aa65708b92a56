import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CallerOffices } from './caller-offices';
import { GrantsController } from './grants.controller';
import { GrantsService } from './grants.service';
import { IdentityController } from './identity.controller';
import { IdentityRepository } from './identity.repository';
import { IdentityService } from './identity.service';
import { LoginRecorder } from './login-recorder';

@Module({
  controllers: [IdentityController, GrantsController],
  providers: [IdentityService, IdentityRepository, GrantsService, CallerOffices, { provide: APP_INTERCEPTOR, useClass: LoginRecorder }],
  exports: [CallerOffices],
})
export class IdentityModule {}
