import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal } from '@kasian/auth';
import { DocumentDto, DocumentListQueryDto, DocumentPageDto, VersionDiffDto, VersionDto } from './dto/documents.dto';
import { DocumentsQueries } from './documents.queries';

const DOCUMENT_ID = new ParseUUIDPipe({ version: '4' });

@ApiTags('documents')
@Controller('documents')
@Authorize()
export class DocumentsController {
  constructor(private readonly documents: DocumentsQueries) {}

  @Get()
  @ApiOperation({ summary: 'Your office’s documents, newest first; `q` finds words anywhere in Thai text' })
  @ApiOkResponse({ type: DocumentPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: DocumentListQueryDto): Promise<DocumentPageDto> {
    return this.documents.list(principal, query);
  }

  @Get(':documentId')
  @ApiOperation({ summary: 'A document with its current version' })
  @ApiOkResponse({ type: DocumentDto })
  get(@CurrentPrincipal() principal: Principal, @Param('documentId', DOCUMENT_ID) documentId: string): Promise<DocumentDto> {
    return this.documents.get(principal, documentId);
  }

  @Get(':documentId/versions')
  @ApiOperation({ summary: 'Every version with its content hash' })
  @ApiOkResponse({ type: [VersionDto] })
  versions(@CurrentPrincipal() principal: Principal, @Param('documentId', DOCUMENT_ID) documentId: string): Promise<VersionDto[]> {
    return this.documents.versions(principal, documentId);
  }

  @Get(':documentId/versions/:versionNo')
  @ApiOperation({ summary: 'One version, with its content' })
  @ApiOkResponse({ type: VersionDto })
  version(@CurrentPrincipal() principal: Principal, @Param('documentId', DOCUMENT_ID) documentId: string, @Param('versionNo', ParseIntPipe) versionNo: number): Promise<VersionDto> {
    return this.documents.version(principal, documentId, versionNo);
  }

  @Get(':documentId/diff/:from/:to')
  @ApiOperation({ summary: 'What changed between two versions (e.g. the returned and the resubmitted one)' })
  @ApiOkResponse({ type: VersionDiffDto })
  diff(
    @CurrentPrincipal() principal: Principal,
    @Param('documentId', DOCUMENT_ID) documentId: string,
    @Param('from', ParseIntPipe) from: number,
    @Param('to', ParseIntPipe) to: number,
  ): Promise<VersionDiffDto> {
    return this.documents.diff(principal, documentId, from, to);
  }
}
