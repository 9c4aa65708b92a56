import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class TrailQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One document’s trail: the office chain from its first event, other events without their payloads' })
  @IsOptional()
  @IsUUID()
  documentId?: string;
}

export class TrailBreakDto {
  @ApiProperty({ description: 'First broken position: a sequence number of the office chain' }) position!: number;
  @ApiProperty({ enum: ['edited', 'missing', 'swapped', 'duplicate', 'checkpoint_mismatch', 'truncated', 'bad_signature', 'malformed'] }) kind!: string;
  @ApiProperty() message!: string;
  @ApiProperty() messageTh!: string;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
}

export class CheckpointCountsDto {
  @ApiProperty() given!: number;
  @ApiProperty() considered!: number;
  @ApiProperty() matched!: number;
}

export class VerificationDto {
  @ApiProperty({ format: 'uuid' }) officeId!: string;
  @ApiProperty() officeCode!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Events verified before the first break (all when ok)' }) events!: number;
  @ApiPropertyOptional({ nullable: true }) lastSeq!: number | null;
  @ApiPropertyOptional({ nullable: true }) lastHash!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Highest position a signed checkpoint confirmed' }) anchoredThrough!: number | null;
  @ApiProperty({ type: CheckpointCountsDto }) checkpoints!: CheckpointCountsDto;
  @ApiPropertyOptional({ type: TrailBreakDto, nullable: true }) failure!: TrailBreakDto | null;
  @ApiProperty() verifiedAt!: string;
}

export class AuditAlertDto {
  @ApiProperty() position!: number;
  @ApiProperty() kind!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
  @ApiProperty() detectedAt!: string;
  @ApiPropertyOptional({ nullable: true }) resolvedAt!: string | null;
}
