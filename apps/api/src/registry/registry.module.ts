import { IdentityModule } from '../identity/identity.module';
import { Module } from '@nestjs/common';
import { RegisterNumbering } from './register-numbering.service';
import { RegistryController } from './registry.controller';
import { RegistryQueries } from './registry.queries';
import { RegistryUseCases } from './registry.use-cases';
import { RouteNumbering } from './route-numbering.service';

/** ทะเบียนหนังสือส่ง / ทะเบียนคำสั่ง. Exports RouteNumbering: the number a route earns, issued inside the route action's transaction (ADR 0011). */
@Module({
  imports: [IdentityModule],
  controllers: [RegistryController],
  providers: [RegisterNumbering, RouteNumbering, RegistryUseCases, RegistryQueries],
  exports: [RegisterNumbering, RouteNumbering],
})
export class RegistryModule {}
