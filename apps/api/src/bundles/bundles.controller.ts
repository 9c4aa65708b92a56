import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal } from '@kasian/auth';
import { bundleFile } from './bundle-file';
import { DocumentBundles } from './document-bundles';

@ApiTags('bundles')
@Controller()
export class BundlesController {
  constructor(private readonly bundles: DocumentBundles) {}

  @Get('documents/:documentId/bundle')
  @Authorize()
  @ApiOperation({
    summary: 'Auditor bundle (ZIP, streamed): the official PDF, the route timeline, the evidence files and manifest.json with every SHA-256',
    description: 'Check it offline with `npm run bundle:verify -- <file.zip>`.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'A ZIP; manifest.json is its last entry' })
  async document(@CurrentPrincipal() principal: Principal, @Param('documentId', new ParseUUIDPipe({ version: '4' })) documentId: string): Promise<StreamableFile> {
    const { subject, contributions } = await this.bundles.forDocument(principal, documentId);
    return bundleFile(subject, contributions, `bundle-${documentId}.zip`);
  }
}
