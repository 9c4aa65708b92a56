import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal, Role } from '@kasian/auth';
import { Caller, type CallerContext } from '../idempotency/caller.decorator';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { MutationResultInterceptor } from '../idempotency/mutation-result.interceptor';
import { CreateRegisterDto, RegisterDto } from './dto/register.dto';
import {
  CancelEntryDto,
  CsvQueryDto,
  EntriesQueryDto,
  IssueNumberDto,
  RecordedEntryDto,
  RecordEntryDto,
  RegisterEntryDto,
  RegisterEntryPageDto,
} from './dto/register-entry.dto';
import { RegistryQueries } from './registry.queries';
import { RegistryUseCases } from './registry.use-cases';

const UUID = new ParseUUIDPipe();

@ApiTags('registry')
@Controller('registers')
@UseInterceptors(MutationResultInterceptor)
export class RegistryController {
  constructor(
    private readonly useCases: RegistryUseCases,
    private readonly queries: RegistryQueries,
  ) {}

  @Post()
  @Authorize(Role.Admin)
  @ApiOperation({ summary: 'Create a numbering register of your office (ทะเบียนหนังสือส่ง, ทะเบียนคำสั่ง …)' })
  @ApiCreatedResponse({ type: RegisterDto })
  @AcceptsIdempotencyKey()
  create(@Caller() caller: CallerContext, @Body() body: CreateRegisterDto) {
    return this.useCases.createRegister(caller, body);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Your office’s registers, with the current year and the last number' })
  @ApiOkResponse({ type: [RegisterDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<RegisterDto[]> {
    return this.queries.registers(principal);
  }

  @Post(':id/numbers')
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'ออกเลข: issue the next number of the current register year for a document or a subject' })
  @ApiCreatedResponse({ type: RegisterEntryDto })
  @AcceptsIdempotencyKey()
  issue(@Param('id', UUID) registerId: string, @Body() body: IssueNumberDto, @Caller() caller: CallerContext) {
    return this.useCases.issue(caller, registerId, body);
  }

  @Post(':id/entries')
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'Enter a number given outside Kasian (by hand or imported history); a duplicate in the register year is refused' })
  @ApiCreatedResponse({ type: RecordedEntryDto })
  @AcceptsIdempotencyKey()
  record(@Param('id', UUID) registerId: string, @Body() body: RecordEntryDto, @Caller() caller: CallerContext) {
    return this.useCases.recordExternal(caller, registerId, body);
  }

  @Post(':id/entries/:entryId/cancel')
  @HttpCode(200)
  @Authorize(Role.Staff, Role.Official)
  @ApiOperation({ summary: 'ยกเลิกเลข: the number stays in the register, marked cancelled with the reason, and is never reused' })
  @ApiOkResponse({ type: RegisterEntryDto })
  @AcceptsIdempotencyKey()
  cancel(@Param('id', UUID) registerId: string, @Param('entryId', UUID) entryId: string, @Body() body: CancelEntryDto, @Caller() caller: CallerContext) {
    return this.useCases.cancel(caller, registerId, entryId, body);
  }

  @Get(':id/entries')
  @Authorize()
  @ApiOperation({ summary: 'The register view, newest first' })
  @ApiOkResponse({ type: RegisterEntryPageDto })
  entries(@Param('id', UUID) registerId: string, @Query() query: EntriesQueryDto, @CurrentPrincipal() principal: Principal): Promise<RegisterEntryPageDto> {
    return this.queries.entries(principal, registerId, query);
  }

  @Get(':id/entries.csv')
  @Authorize()
  @ApiOperation({ summary: 'The register as CSV (UTF-8 with BOM): ปี, เลขที่, เลขที่ (ตามที่พิมพ์), เรื่อง, เอกสาร, สถานะ, เหตุผลที่ยกเลิก, วันที่' })
  @ApiProduces('text/csv')
  async csv(@Param('id', UUID) registerId: string, @Query() query: CsvQueryDto, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const { filename, stream } = await this.queries.csv(principal, registerId, query.year);
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
  }
}
