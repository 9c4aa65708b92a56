import { Body, Controller, Get, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal, Role } from '@kasian/auth';
import { Caller, type CallerContext } from '../idempotency/caller.decorator';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { MutationResultInterceptor } from '../idempotency/mutation-result.interceptor';
import { CreateRouteTemplateDto, RouteTemplateDto } from './dto/route-template.dto';
import { RouteTemplatesService } from './route-templates.service';

@ApiTags('routing')
@Controller('route-templates')
@UseInterceptors(MutationResultInterceptor)
export class RouteTemplatesController {
  constructor(private readonly templates: RouteTemplatesService) {}

  @Post()
  @Authorize(Role.Admin)
  @ApiOperation({ summary: 'Publish the next version of the office’s route for a document kind' })
  @ApiCreatedResponse({ type: RouteTemplateDto })
  @AcceptsIdempotencyKey()
  publish(@Caller() caller: CallerContext, @Body() body: CreateRouteTemplateDto) {
    return this.templates.publish(caller, body);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'The office’s route templates, newest version first' })
  @ApiQuery({ name: 'documentKind', required: false })
  @ApiOkResponse({ type: [RouteTemplateDto] })
  list(@CurrentPrincipal() principal: Principal, @Query('documentKind') documentKind?: string): Promise<RouteTemplateDto[]> {
    return this.templates.list(principal, documentKind);
  }
}
