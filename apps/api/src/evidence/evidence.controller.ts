import { Readable } from 'node:stream';
import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authorize, CurrentPrincipal, type Principal, Role } from '@kasian/auth';
import { Caller, type CallerContext } from '../idempotency/caller.decorator';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { MutationResultInterceptor } from '../idempotency/mutation-result.interceptor';
import { AttachEvidenceDto, DownloadUrlDto, EvidenceDto, RemoveEvidenceDto } from './dto/evidence.dto';
import { EvidenceQueries } from './evidence.queries';
import { EvidenceUseCases } from './evidence.use-cases';
import type { IncomingFile } from './evidence-uploads';

const ID = new ParseUUIDPipe({ version: '4' });

/** The upload protocol (ADR 0012): the file is the raw request body, its name in Content-Disposition. */
const RawUpload = () =>
  applyDecorators(
    ApiConsumes('application/octet-stream'),
    ApiBody({ description: 'The file itself (no multipart form); its type is detected from the bytes', schema: { type: 'string', format: 'binary' } }),
    ApiHeader({
      name: 'Content-Disposition',
      required: true,
      description: "The file name, RFC 6266 / 8187: attachment; filename*=UTF-8''%E0%B8%9A%E0%B8%B1%E0%B8%99%E0%B8%97%E0%B8%B6%E0%B8%81.pdf",
    }),
    AcceptsIdempotencyKey(),
  );

/** The request body as a stream (the octet-stream parser leaves it unread), with the headers that describe it. */
function incomingFile(request: FastifyRequest): IncomingFile {
  const length = request.headers['content-length'];
  return {
    body: request.body instanceof Readable ? request.body : undefined,
    contentLength: length === undefined ? null : Number(length),
    contentDisposition: request.headers['content-disposition'],
  };
}

/**
 * A refusal may come before the body was read to its end: the rest is read and dropped and the
 * connection closed after the answer, so the client sees the answer rather than a stalled socket.
 */
async function answeringEarly<T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!request.raw.complete && !request.raw.destroyed) {
      void reply.header('connection', 'close');
      request.raw.resume();
    }
    throw error;
  }
}

@ApiTags('evidence')
@Controller()
@UseInterceptors(MutationResultInterceptor)
export class EvidenceController {
  constructor(
    private readonly useCases: EvidenceUseCases,
    private readonly queries: EvidenceQueries,
  ) {}

  @Post('evidence')
  @Authorize(Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Upload a file to the evidence room (streamed to MinIO; PDF, DOCX, XLSX, ODT, ODS, JPEG, PNG)' })
  @ApiCreatedResponse({ type: EvidenceDto })
  @RawUpload()
  upload(@Caller() caller: CallerContext, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return answeringEarly(request, reply, () => this.useCases.add(caller, incomingFile(request)));
  }

  @Post('documents/:documentId/evidence')
  @Authorize(Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Upload a file and attach it to the document’s current version (สิ่งที่ส่งมาด้วย)' })
  @ApiCreatedResponse({ type: EvidenceDto })
  @RawUpload()
  uploadToDocument(
    @Param('documentId', ID) documentId: string,
    @Caller() caller: CallerContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answeringEarly(request, reply, () => this.useCases.add(caller, incomingFile(request), documentId));
  }

  @Get('documents/:documentId/evidence')
  @Authorize()
  @ApiOperation({ summary: 'The evidence attached to a document (removed files are not listed)' })
  @ApiOkResponse({ type: [EvidenceDto] })
  ofDocument(@CurrentPrincipal() principal: Principal, @Param('documentId', ID) documentId: string): Promise<EvidenceDto[]> {
    return this.queries.ofDocument(principal, documentId);
  }

  @Post('documents/:documentId/attachments')
  @Authorize(Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Attach a file already in the evidence room to the document’s current version' })
  @ApiCreatedResponse({ type: EvidenceDto })
  @AcceptsIdempotencyKey()
  attach(@Param('documentId', ID) documentId: string, @Body() body: AttachEvidenceDto, @Caller() caller: CallerContext) {
    return this.useCases.attach(caller, documentId, body.evidenceId);
  }

  @Get('evidence/:evidenceId')
  @Authorize()
  @ApiOperation({ summary: 'A file’s record: names, detected type, size, SHA-256, attachments, lock' })
  @ApiOkResponse({ type: EvidenceDto })
  get(@CurrentPrincipal() principal: Principal, @Param('evidenceId', ID) evidenceId: string): Promise<EvidenceDto> {
    return this.queries.get(principal, evidenceId);
  }

  @Get('evidence/:evidenceId/content')
  @Authorize()
  @ApiOperation({ summary: 'The file, streamed, with its name in an RFC 6266 / 8187 Content-Disposition' })
  @ApiProduces('application/octet-stream')
  async content(@CurrentPrincipal() principal: Principal, @Param('evidenceId', ID) evidenceId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.queries.content(principal, evidenceId);
    void reply.header('x-content-type-options', 'nosniff').header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(file.stream, { type: file.contentType, length: file.size, disposition: file.contentDisposition });
  }

  @Get('evidence/:evidenceId/download-url')
  @Authorize()
  @ApiOperation({ summary: 'A short-lived presigned MinIO URL of the file (EVIDENCE_DOWNLOAD_URL_SECONDS)' })
  @ApiOkResponse({ type: DownloadUrlDto })
  downloadUrl(@CurrentPrincipal() principal: Principal, @Param('evidenceId', ID) evidenceId: string): Promise<DownloadUrlDto> {
    return this.queries.downloadUrl(principal, evidenceId);
  }

  @Put('evidence/:evidenceId/content')
  @Authorize(Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Replace the file before approval (the old version stays in MinIO); refused with EVIDENCE_LOCKED after' })
  @ApiOkResponse({ type: EvidenceDto })
  @RawUpload()
  replace(@Param('evidenceId', ID) evidenceId: string, @Caller() caller: CallerContext, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return answeringEarly(request, reply, () => this.useCases.replace(caller, evidenceId, incomingFile(request)));
  }

  @Delete('evidence/:evidenceId')
  @HttpCode(200)
  @Authorize(Role.Staff, Role.Admin)
  @ApiOperation({ summary: 'Remove a file before approval (soft delete with a reason); refused with EVIDENCE_LOCKED after' })
  @ApiOkResponse({ type: EvidenceDto })
  @AcceptsIdempotencyKey()
  remove(@Param('evidenceId', ID) evidenceId: string, @Body() body: RemoveEvidenceDto, @Caller() caller: CallerContext) {
    return this.useCases.remove(caller, evidenceId, body.reason);
  }
}
