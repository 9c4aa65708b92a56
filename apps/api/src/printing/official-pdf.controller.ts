import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { Authorize, CurrentPrincipal, type Principal } from '@kasian/auth';
import { PdfQueryDto, PdfRenderingDto } from './dto/pdf-query.dto';
import { OfficialPdfs, type PdfOutcome } from './official-pdfs.service';

const DOCUMENT_ID = new ParseUUIDPipe({ version: '4' });

@ApiTags('documents')
@Controller('documents')
@Authorize()
export class OfficialPdfController {
  constructor(private readonly pdfs: OfficialPdfs) {}

  @Get(':documentId/pdf')
  @ApiOperation({
    summary: 'The official PDF: content, number (ที่), signature and opinion blocks, and the route timeline appendix',
    description: 'Printed by the worker and cached; 202 with Retry-After while it prints. `If-None-Match` with the ETag answers 304.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, with an RFC 6266 Content-Disposition (Thai filename)' })
  @ApiAcceptedResponse({ type: PdfRenderingDto })
  async pdf(
    @Param('documentId', DOCUMENT_ID) documentId: string,
    @Query() query: PdfQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.pdfs.download(principal, documentId, query.version, ifNoneMatch));
  }
}

function send(reply: FastifyReply, outcome: PdfOutcome): void {
  void reply.header('etag', outcome.etag).header('cache-control', 'private, no-cache');
  switch (outcome.state) {
    case 'not-modified':
      void reply.status(304).send();
      return;
    case 'rendering':
      void reply
        .status(202)
        .header('retry-after', String(outcome.retryAfterSeconds))
        .send({
          status: 'RENDERING',
          jobId: outcome.jobId,
          retryAfterSeconds: outcome.retryAfterSeconds,
          message: 'The PDF is being printed; ask again shortly.',
          messageTh: 'กำลังจัดทำไฟล์ PDF โปรดเรียกอีกครั้งในอีกสักครู่',
        } satisfies PdfRenderingDto);
      return;
    case 'ready':
      void reply
        .status(200)
        .type('application/pdf')
        .header('content-disposition', contentDisposition(outcome.filename, { fallback: outcome.asciiFilename }))
        .header('kasian-pdf-cache', outcome.cached ? 'hit' : 'miss')
        .send(outcome.stream);
  }
}
