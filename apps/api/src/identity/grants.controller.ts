import { Body, Controller, Param, ParseUUIDPipe, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Role } from '@kasian/auth';
import { Caller, type CallerContext } from '../idempotency/caller.decorator';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { MutationResultInterceptor } from '../idempotency/mutation-result.interceptor';
import { ActingGrantDto, DelegationGrantDto, EndGrantDto, GrantDto } from './grants.dto';
import { GrantsService } from './grants.service';

@ApiTags('identity')
@Controller('grants')
@Authorize(Role.Admin)
@UseInterceptors(MutationResultInterceptor)
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Post('acting')
  @ApiOperation({ summary: 'รักษาราชการแทน: a person acts in a post for a period, under an order' })
  @ApiCreatedResponse({ type: GrantDto })
  @AcceptsIdempotencyKey()
  acting(@Caller() caller: CallerContext, @Body() body: ActingGrantDto) {
    return this.grants.grantActing(caller, body);
  }

  @Post('delegations')
  @ApiOperation({ summary: 'ปฏิบัติราชการแทน: a position hands a class of its decisions to another, under an order' })
  @ApiCreatedResponse({ type: GrantDto })
  @AcceptsIdempotencyKey()
  delegation(@Caller() caller: CallerContext, @Body() body: DelegationGrantDto) {
    return this.grants.delegate(caller, body);
  }

  @Post(':grantId/end')
  @ApiOperation({ summary: 'End a grant (now, or at a given time); it is kept for the record' })
  @ApiCreatedResponse({ type: GrantDto })
  @AcceptsIdempotencyKey()
  end(@Param('grantId', new ParseUUIDPipe()) grantId: string, @Caller() caller: CallerContext, @Body() body: EndGrantDto) {
    return this.grants.end(caller, grantId, body);
  }
}
