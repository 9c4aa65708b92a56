import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HOUSEKEEPING_QUEUE } from '@kasian/jobs';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), BullModule.registerQueue({ name: HOUSEKEEPING_QUEUE })],
  controllers: [HealthController],
})
export class HealthModule {}
