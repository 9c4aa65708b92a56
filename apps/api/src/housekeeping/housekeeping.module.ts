import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { HOUSEKEEPING_QUEUE } from '@kasian/jobs';
import { HousekeepingController } from './housekeeping.controller';
import { HousekeepingService } from './housekeeping.service';

@Module({
  imports: [BullModule.registerQueue({ name: HOUSEKEEPING_QUEUE })],
  controllers: [HousekeepingController],
  providers: [HousekeepingService],
})
export class HousekeepingModule {}
