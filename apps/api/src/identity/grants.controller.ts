import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authorize, CurrentPrincipal, type Principal, Role } from '@kasian/auth';
import { ActingGrantDto, DelegationGrantDto, EndGrantDto, GrantDto } from './grants.dto';
import { GrantsService } from './grants.service';

@ApiTags('identity')
@Controller('grants')
@Authorize(Role.Admin)
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Post('acting')
  @ApiOperation({ summary: 'รักษาราชการแทน: a person acts in a post for a period, under an order' })
  @ApiCreatedResponse({ type: GrantDto })
  acting(@CurrentPrincipal() principal: Principal, @Body() body: ActingGrantDto, @Req() request: FastifyRequest): Promise<GrantDto> {
    return this.grants.grantActing(principal, body, request.id);
  }

  @Post('delegations')
  @ApiOperation({ summary: 'ปฏิบัติราชการแทน: a position hands a class of its decisions to another, under an order' })
  @ApiCreatedResponse({ type: GrantDto })
  delegation(@CurrentPrincipal() principal: Principal, @Body() body: DelegationGrantDto, @Req() request: FastifyRequest): Promise<GrantDto> {
    return this.grants.delegate(principal, body, request.id);
  }

  @Post(':grantId/end')
  @ApiOperation({ summary: 'End a grant (now, or at a given time); it is kept for the record' })
  @ApiCreatedResponse({ type: GrantDto })
  end(@Param('grantId', new ParseUUIDPipe()) grantId: string, @CurrentPrincipal() principal: Principal, @Body() body: EndGrantDto, @Req() request: FastifyRequest): Promise<GrantDto> {
    return this.grants.end(principal, grantId, body, request.id);
  }
}
