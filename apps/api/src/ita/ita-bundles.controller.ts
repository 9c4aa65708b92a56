import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal } from '@kasian/auth';
import { bundleFile } from '../bundles/bundle-file';
import { ItaBundles } from './ita-bundles';

const CHECK = 'Check it offline with `npm run bundle:verify -- <file.zip>`. 404 ITA_NOT_FOUND for a measure or a year your office does not have (ADR 0017).';

/** Auditor bundles of a measure and of a whole ITA year (ADR 0017): streamed ZIPs in the document bundle's format. */
@ApiTags('ita', 'bundles')
@Controller('ita')
export class ItaBundlesController {
  constructor(private readonly bundles: ItaBundles) {}

  @Get(':fiscalYear/measures/:measureId/bundle')
  @Authorize()
  @ApiOperation({ summary: 'Auditor bundle of one measure (ZIP, streamed): its evidence files, its approved documents (PDF, route timeline, evidence, signed trail), the published report, index.json/index.csv and manifest.json', description: CHECK })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'A ZIP; manifest.json is its last entry' })
  async measure(@CurrentPrincipal() principal: Principal, @Param('fiscalYear', ParseIntPipe) fiscalYear: number, @Param('measureId', new ParseUUIDPipe()) measureId: string): Promise<StreamableFile> {
    const { subject, contributions, fileName } = await this.bundles.forMeasure(principal, fiscalYear, measureId);
    return bundleFile(subject, contributions, fileName);
  }

  @Get(':fiscalYear/bundle')
  @Authorize()
  @ApiOperation({ summary: 'Auditor bundle of a whole ITA year (ZIP, streamed): every measure and OIT item with its files in index.json/index.csv, the approved documents, the published report and manifest.json', description: CHECK })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'A ZIP; manifest.json is its last entry' })
  async year(@CurrentPrincipal() principal: Principal, @Param('fiscalYear', ParseIntPipe) fiscalYear: number): Promise<StreamableFile> {
    const { subject, contributions, fileName } = await this.bundles.forYear(principal, fiscalYear);
    return bundleFile(subject, contributions, fileName);
  }
}
