import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal, Role } from '@kasian/auth';
import { Caller, type CallerContext } from '../idempotency/caller.decorator';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { MutationResultInterceptor } from '../idempotency/mutation-result.interceptor';
import { ImportQueryDto } from './dto/import.dto';
import { AssignmentFieldsDto, CreateAssignmentDto, CreateMeasureDto, EvidenceLinkDto, MeasureFieldsDto, ScoresDto, StatusDto } from './dto/records.dto';
import { ItaImports } from './ita-imports.use-cases';
import { ItaRecords } from './ita-records.use-cases';
import { ItaReports } from './ita-report.use-cases';
import { ItaQueries } from './ita.queries';

const UUID = new ParseUUIDPipe();
const YEAR = new ParseIntPipe();
const IMPORT_BODY = { description: 'JSON (see docs/adr/0013) or text/csv with the printed header row', schema: { type: 'object' } };

@ApiTags('ita')
@Controller('ita')
@UseInterceptors(MutationResultInterceptor)
export class ItaController {
  constructor(
    private readonly imports: ItaImports,
    private readonly records: ItaRecords,
    private readonly reports: ItaReports,
    private readonly queries: ItaQueries,
  ) {}

  @Post('frameworks/:fiscalYear/import')
  @Authorize(Role.Admin)
  @ApiOperation({ summary: 'Import a year’s ITA framework (indicators, OIT items keyed by year and code): 400 with every row problem, 422 listing inconsistencies unless acceptWarnings=true' })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody(IMPORT_BODY)
  @AcceptsIdempotencyKey()
  importFramework(@Param('fiscalYear', YEAR) fiscalYear: number, @Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Query() query: ImportQueryDto, @Caller() caller: CallerContext) {
    return this.imports.framework(caller, fiscalYear, { body, contentType }, query);
  }

  @Get('frameworks')
  @Authorize()
  @ApiOperation({ summary: 'The frameworks imported, newest year first' })
  frameworks() {
    return this.queries.frameworks();
  }

  @Get('frameworks/:fiscalYear')
  @Authorize()
  @ApiOperation({ summary: 'A year’s indicators and OIT items, codes as published with their normalised form' })
  framework(@Param('fiscalYear', YEAR) fiscalYear: number) {
    return this.queries.framework(fiscalYear);
  }

  @Post(':fiscalYear/plan/import')
  @Authorize(Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Import your office’s measures (มาตรการ) of a year with the report’s printed column set' })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody(IMPORT_BODY)
  @AcceptsIdempotencyKey()
  importPlan(@Param('fiscalYear', YEAR) fiscalYear: number, @Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Query() query: ImportQueryDto, @Caller() caller: CallerContext) {
    return this.imports.plan(caller, fiscalYear, { body, contentType }, query);
  }

  @Post(':fiscalYear/oit-assignments/import')
  @Authorize(Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Import your office’s assignment of the year’s OIT items to units (as in 002)' })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody(IMPORT_BODY)
  @AcceptsIdempotencyKey()
  importOit(@Param('fiscalYear', YEAR) fiscalYear: number, @Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Query() query: ImportQueryDto, @Caller() caller: CallerContext) {
    return this.imports.oitAssignment(caller, fiscalYear, { body, contentType }, query);
  }

  @Post(':fiscalYear/iit-assignments/import')
  @Authorize(Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Import your office’s IIT table (as in 001): per indicator the แนวทาง, responsible units, period and checked progress' })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody(IMPORT_BODY)
  @AcceptsIdempotencyKey()
  importIit(@Param('fiscalYear', YEAR) fiscalYear: number, @Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Query() query: ImportQueryDto, @Caller() caller: CallerContext) {
    return this.imports.iitAssignment(caller, fiscalYear, { body, contentType }, query);
  }

  @Get(':fiscalYear/imports')
  @Authorize()
  @ApiOperation({ summary: 'Your office’s imports of the year, with the warnings stored with each' })
  importsOf(@Param('fiscalYear', YEAR) fiscalYear: number, @CurrentPrincipal() principal: Principal) {
    return this.queries.imports(principal, fiscalYear);
  }

  @Get(':fiscalYear/plan')
  @Authorize()
  @ApiOperation({ summary: 'Your office’s measures of the year with the column set and responsible units' })
  plan(@Param('fiscalYear', YEAR) fiscalYear: number, @CurrentPrincipal() principal: Principal) {
    return this.queries.plan(principal, fiscalYear);
  }

  @Post(':fiscalYear/measures')
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'Add a measure to the year’s plan' })
  @AcceptsIdempotencyKey()
  createMeasure(@Param('fiscalYear', YEAR) fiscalYear: number, @Body() body: CreateMeasureDto, @Caller() caller: CallerContext) {
    return this.records.createMeasure(caller, fiscalYear, body);
  }

  @Patch('measures/:id')
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'Change a measure’s printed texts or its responsible units' })
  @AcceptsIdempotencyKey()
  updateMeasure(@Param('id', UUID) id: string, @Body() body: MeasureFieldsDto, @Caller() caller: CallerContext) {
    return this.records.updateMeasure(caller, id, body);
  }

  @Post('measures/:id/status')
  @HttpCode(200)
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'ความก้าวหน้า of a measure: ยังไม่ได้ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการแล้ว' })
  @AcceptsIdempotencyKey()
  measureStatus(@Param('id', UUID) id: string, @Body() body: StatusDto, @Caller() caller: CallerContext) {
    return this.records.measureStatus(caller, id, body);
  }

  @Delete('measures/:id')
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'Remove a measure without evidence' })
  @AcceptsIdempotencyKey()
  deleteMeasure(@Param('id', UUID) id: string, @Caller() caller: CallerContext) {
    return this.records.deleteMeasure(caller, id);
  }

  @Post(':fiscalYear/oit-assignments')
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'Assign one OIT item of the year to units' })
  @AcceptsIdempotencyKey()
  createAssignment(@Param('fiscalYear', YEAR) fiscalYear: number, @Body() body: CreateAssignmentDto, @Caller() caller: CallerContext) {
    return this.records.createAssignment(caller, fiscalYear, body);
  }

  @Patch('oit-assignments/:id')
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'Change an assignment’s units, status or progress' })
  @AcceptsIdempotencyKey()
  updateAssignment(@Param('id', UUID) id: string, @Body() body: AssignmentFieldsDto, @Caller() caller: CallerContext) {
    return this.records.updateAssignment(caller, id, body);
  }

  @Put(':fiscalYear/scores')
  @Authorize(Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Enter the official scores and levels as published (stored, never computed)' })
  @AcceptsIdempotencyKey()
  enterScores(@Param('fiscalYear', YEAR) fiscalYear: number, @Body() body: ScoresDto, @Caller() caller: CallerContext) {
    return this.records.enterScores(caller, fiscalYear, body);
  }

  @Get(':fiscalYear/scores')
  @Authorize()
  @ApiOperation({ summary: 'The published scores of your office for the year' })
  scores(@Param('fiscalYear', YEAR) fiscalYear: number, @CurrentPrincipal() principal: Principal) {
    return this.queries.scores(principal, fiscalYear);
  }

  @Post('evidence-links')
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'Link an evidence file or a Kasian document to a measure or an OIT assignment' })
  @AcceptsIdempotencyKey()
  link(@Body() body: EvidenceLinkDto, @Caller() caller: CallerContext) {
    return this.records.linkEvidence(caller, body);
  }

  @Delete('evidence-links/:id')
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'Unlink (the evidence itself stays)' })
  @AcceptsIdempotencyKey()
  unlink(@Param('id', UUID) id: string, @Caller() caller: CallerContext) {
    return this.records.unlinkEvidence(caller, id);
  }

  @Get(':fiscalYear/dashboard')
  @Authorize()
  @ApiOperation({ summary: 'Each measure and OIT item of the year: status, responsible units, evidence, approved documents, and what is missing' })
  dashboard(@Param('fiscalYear', YEAR) fiscalYear: number, @CurrentPrincipal() principal: Principal) {
    return this.queries.dashboard(principal, fiscalYear);
  }

  @Post(':fiscalYear/report')
  @Authorize(Role.Staff)
  @ApiOperation({ summary: 'Generate รายงานผลการดำเนินการตามมาตรการ… as a REPORT document on the office’s route (or regenerate the draft or returned one)' })
  @AcceptsIdempotencyKey()
  generateReport(@Param('fiscalYear', YEAR) fiscalYear: number, @Caller() caller: CallerContext) {
    return this.reports.generate(caller, fiscalYear);
  }

  @Get(':fiscalYear/report')
  @Authorize()
  @ApiOperation({ summary: 'Where the year’s report stands: draft, in route, returned for review, or signed and published' })
  report(@Param('fiscalYear', YEAR) fiscalYear: number, @CurrentPrincipal() principal: Principal) {
    return this.queries.report(principal, fiscalYear);
  }
}
