import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal } from '@kasian/auth';
import { Caller, type CallerContext } from '../idempotency/caller.decorator';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { MutationResultInterceptor } from '../idempotency/mutation-result.interceptor';
import { CreateDocument } from './create-document.use-case';
import { CreateDocumentDto, CreatedDocumentDto } from './dto/create-document.dto';
import { DecideDto, RejectDto, ResubmitDto, ReturnDto, ReviseDto, RouteActionDto } from './dto/route-action.dto';
import { InboxPageDto, OutboxPageDto, PageQueryDto, TimelineDto } from './dto/route-queries.dto';
import { RouteStateDto } from './dto/route-state.dto';
import { RouteActionUseCases } from './route-action.use-cases';
import { RouteQueries } from './route.queries';
import { ReviseDraft } from './revise-draft.use-case';

const DOCUMENT_ID = new ParseUUIDPipe({ version: '4' });

@ApiTags('routing')
@Controller()
@Authorize()
@UseInterceptors(MutationResultInterceptor)
export class RoutingController {
  constructor(
    private readonly createDocument: CreateDocument,
    private readonly actions: RouteActionUseCases,
    private readonly queries: RouteQueries,
    private readonly reviseDraft: ReviseDraft,
  ) {}

  @Post('documents')
  @ApiOperation({ summary: 'Draft a document (version 1) and its route on the office template for its kind' })
  @ApiCreatedResponse({ type: CreatedDocumentDto })
  @AcceptsIdempotencyKey()
  create(@Caller() caller: CallerContext, @Body() body: CreateDocumentDto) {
    return this.createDocument.execute(caller, body);
  }

  @Put('documents/:documentId/content')
  @ApiOperation({ summary: 'Save a revision of a draft or returned document as a new immutable version' })
  @AcceptsIdempotencyKey()
  revise(@Param('documentId', DOCUMENT_ID) documentId: string, @Body() body: ReviseDto, @Caller() caller: CallerContext) {
    return this.reviseDraft.execute(caller, documentId, body);
  }

  @Post('documents/:documentId/route/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'เสนอ: send the draft up its route' })
  @ApiOkResponse({ type: RouteStateDto })
  @AcceptsIdempotencyKey()
  submit(@Param('documentId', DOCUMENT_ID) documentId: string, @Body() body: RouteActionDto, @Caller() caller: CallerContext) {
    return this.actions.submit(caller, documentId, body);
  }

  @Post('documents/:documentId/route/decisions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide at the open step with one of its words (เห็นชอบ, อนุมัติ, ทราบ …) and an optional ความเห็น' })
  @ApiOkResponse({ type: RouteStateDto })
  @AcceptsIdempotencyKey()
  decide(@Param('documentId', DOCUMENT_ID) documentId: string, @Body() body: DecideDto, @Caller() caller: CallerContext) {
    return this.actions.decide(caller, documentId, body);
  }

  @Post('documents/:documentId/route/returns')
  @HttpCode(200)
  @ApiOperation({ summary: 'ส่งคืนแก้ไข: return to the drafter or to an earlier step, with a reason' })
  @ApiOkResponse({ type: RouteStateDto })
  @AcceptsIdempotencyKey()
  returnForRevision(@Param('documentId', DOCUMENT_ID) documentId: string, @Body() body: ReturnDto, @Caller() caller: CallerContext) {
    return this.actions.returnForRevision(caller, documentId, body);
  }

  @Post('documents/:documentId/route/rejections')
  @HttpCode(200)
  @ApiOperation({ summary: 'ไม่อนุมัติ: reject with a reason; the route ends' })
  @ApiOkResponse({ type: RouteStateDto })
  @AcceptsIdempotencyKey()
  reject(@Param('documentId', DOCUMENT_ID) documentId: string, @Body() body: RejectDto, @Caller() caller: CallerContext) {
    return this.actions.reject(caller, documentId, body);
  }

  @Post('documents/:documentId/route/recall')
  @HttpCode(200)
  @ApiOperation({ summary: 'ดึงคืน: the drafter, or the last decider, takes the document back while the next step has not acted' })
  @ApiOkResponse({ type: RouteStateDto })
  @AcceptsIdempotencyKey()
  recall(@Param('documentId', DOCUMENT_ID) documentId: string, @Body() body: RouteActionDto, @Caller() caller: CallerContext) {
    return this.actions.recall(caller, documentId, body);
  }

  @Post('documents/:documentId/route/resubmissions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resubmit after a return or recall, as a new document version' })
  @ApiOkResponse({ type: RouteStateDto })
  @AcceptsIdempotencyKey()
  resubmit(@Param('documentId', DOCUMENT_ID) documentId: string, @Body() body: ResubmitDto, @Caller() caller: CallerContext) {
    return this.actions.resubmit(caller, documentId, body);
  }

  @Post('documents/:documentId/route/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'The drafter cancels before anyone has decided' })
  @ApiOkResponse({ type: RouteStateDto })
  @AcceptsIdempotencyKey()
  cancel(@Param('documentId', DOCUMENT_ID) documentId: string, @Body() body: RouteActionDto, @Caller() caller: CallerContext) {
    return this.actions.cancel(caller, documentId, body);
  }

  @Get('documents/:documentId/route')
  @ApiOperation({ summary: 'The route timeline: every step, who acted for whom, words, comments, times, document version' })
  @ApiOkResponse({ type: TimelineDto })
  timeline(@Param('documentId', DOCUMENT_ID) documentId: string, @CurrentPrincipal() principal: Principal): Promise<TimelineDto> {
    return this.queries.timeline(principal, documentId);
  }

  @Get('inbox')
  @ApiOperation({ summary: 'What you must act on now, directly or as รักษาราชการแทน / ปฏิบัติราชการแทน' })
  @ApiOkResponse({ type: InboxPageDto })
  inbox(@CurrentPrincipal() principal: Principal, @Query() page: PageQueryDto): Promise<InboxPageDto> {
    return this.queries.inbox(principal, page);
  }

  @Get('outbox')
  @ApiOperation({ summary: 'What you drafted and where each stands' })
  @ApiOkResponse({ type: OutboxPageDto })
  outbox(@CurrentPrincipal() principal: Principal, @Query() page: PageQueryDto): Promise<OutboxPageDto> {
    return this.queries.outbox(principal, page);
  }
}
