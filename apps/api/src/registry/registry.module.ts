import { IdentityModule } from '../identity/identity.module';
import { Module } from '@nestjs/common';
import { RegisterNumbering } from './register-numbering.service';
import { RegistryController } from './registry.controller';
import { RegistryQueries } from './registry.queries';
import { RegistryUseCases } from './registry.use-cases';

/** ทะเบียนหนังสือส่ง / ทะเบียนคำสั่ง. Exports RegisterNumbering for sign-off (issueNumber inside the caller's transaction). */
@Module({
  imports: [IdentityModule],
  controllers: [RegistryController],
  providers: [RegisterNumbering, RegistryUseCases, RegistryQueries],
  exports: [RegisterNumbering],
})
export class RegistryModule {}
