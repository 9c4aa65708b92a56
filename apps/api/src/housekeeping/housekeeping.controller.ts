import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal, Role } from '@kasian/auth';
import { EnqueuedJobDto, JobStatusDto } from './housekeeping.dto';
import { HousekeepingService } from './housekeeping.service';

@ApiTags('housekeeping')
@Controller('housekeeping')
@Authorize(Role.Admin)
export class HousekeepingController {
  constructor(private readonly housekeeping: HousekeepingService) {}

  @Post('heartbeats')
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask a worker to answer a heartbeat through the queue' })
  @ApiAcceptedResponse({ type: EnqueuedJobDto })
  requestHeartbeat(@CurrentPrincipal() principal: Principal): Promise<EnqueuedJobDto> {
    return this.housekeeping.requestHeartbeat(principal.subject);
  }

  @Get('jobs/:jobId')
  @ApiOperation({ summary: 'State and result of a housekeeping job' })
  @ApiOkResponse({ type: JobStatusDto })
  job(@Param('jobId') jobId: string): Promise<JobStatusDto> {
    return this.housekeeping.status(jobId);
  }
}
