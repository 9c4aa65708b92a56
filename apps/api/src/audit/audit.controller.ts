import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CHECKPOINTS_FILE, PUBLIC_KEYS_FILE, TRAIL_FILE } from '@kasian/audit';
import { Authorize, CurrentPrincipal, type Principal, Role } from '@kasian/auth';
import { AuditQueries } from './audit-queries';
import { AuditAlertDto, TrailQueryDto, VerificationDto } from './dto/audit.dto';

const TYPES: Record<string, string> = {
  [TRAIL_FILE]: 'application/x-ndjson; charset=utf-8',
  [CHECKPOINTS_FILE]: 'application/x-ndjson; charset=utf-8',
  [PUBLIC_KEYS_FILE]: 'application/x-pem-file',
};

@ApiTags('audit')
@Controller('audit')
@Authorize(Role.Auditor)
export class AuditController {
  constructor(private readonly queries: AuditQueries) {}

  @Get('verification')
  @ApiOperation({ summary: 'Verify your office’s whole audit trail against the signed checkpoints in MinIO: ok, or the first broken position and its kind' })
  @ApiOkResponse({ type: VerificationDto })
  verification(@CurrentPrincipal() principal: Principal): Promise<VerificationDto> {
    return this.queries.verification(principal);
  }

  @Get('trail')
  @ApiOperation({ summary: 'The trail as JSON Lines (a header line, then one line per event), streamed; with documentId, one document’s' })
  @ApiProduces('application/x-ndjson')
  trail(@CurrentPrincipal() principal: Principal, @Query() query: TrailQueryDto): Promise<StreamableFile> {
    return this.file(principal, TRAIL_FILE, query.documentId);
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'The signed checkpoints covering the trail, one JSON object per line, exactly as stored in MinIO' })
  @ApiProduces('application/x-ndjson')
  checkpoints(@CurrentPrincipal() principal: Principal, @Query() query: TrailQueryDto): Promise<StreamableFile> {
    return this.file(principal, CHECKPOINTS_FILE, query.documentId);
  }

  @Get('public-keys')
  @ApiOperation({ summary: 'The Ed25519 public key(s) that verify the checkpoints (PEM); compare its fingerprint with the one your office published' })
  @ApiProduces('application/x-pem-file')
  publicKeys(@CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return this.file(principal, PUBLIC_KEYS_FILE);
  }

  @Get('alerts')
  @ApiOperation({ summary: 'Breaks the worker found in your office’s trail (its checks before each checkpoint and its periodic self-check)' })
  @ApiOkResponse({ type: [AuditAlertDto] })
  alerts(@CurrentPrincipal() principal: Principal): Promise<AuditAlertDto[]> {
    return this.queries.alerts(principal);
  }

  private async file(principal: Principal, name: string, documentId?: string): Promise<StreamableFile> {
    const { filename, content } = await this.queries.file(principal, name, documentId);
    return new StreamableFile(content, { type: TYPES[name], disposition: `attachment; filename="${filename}"` });
  }
}
