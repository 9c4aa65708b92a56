import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authorize, CurrentPrincipal, type Principal, Role } from '@kasian/auth';
import { CreateRouteTemplateDto, RouteTemplateDto } from './dto/route-template.dto';
import { RouteTemplatesService } from './route-templates.service';

@ApiTags('routing')
@Controller('route-templates')
export class RouteTemplatesController {
  constructor(private readonly templates: RouteTemplatesService) {}

  @Post()
  @Authorize(Role.Admin)
  @ApiOperation({ summary: 'Publish the next version of the office’s route for a document kind' })
  @ApiCreatedResponse({ type: RouteTemplateDto })
  publish(@CurrentPrincipal() principal: Principal, @Body() body: CreateRouteTemplateDto, @Req() request: FastifyRequest): Promise<RouteTemplateDto> {
    return this.templates.publish(principal, body, request.id);
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
