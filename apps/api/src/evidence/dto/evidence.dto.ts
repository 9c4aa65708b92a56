import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class EvidenceAttachmentDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ description: 'The document version that was current when the file was attached' }) versionNo!: number;
  @ApiProperty() attachedAt!: string;
}

export class EvidenceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ภาพกิจกรรม อบรมจริยธรรม.pdf', description: 'The name served back: a safe base name of the original' }) fileName!: string;
  @ApiProperty({ example: '../ภาพกิจกรรม อบรมจริยธรรม.pdf', description: 'Exactly as the client sent it' }) originalName!: string;
  @ApiProperty({ example: 'application/pdf', description: 'Detected from the bytes' }) contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'Lower-case hex SHA-256, computed while the file streamed in' }) sha256!: string;
  @ApiProperty({ format: 'uuid' }) uploadedByPersonId!: string;
  @ApiProperty() uploadedAt!: string;
  @ApiProperty({ enum: ['ACTIVE', 'DELETED'] }) status!: 'ACTIVE' | 'DELETED';
  @ApiPropertyOptional({ nullable: true }) removedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) removedReason!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'When MinIO put the object under legal hold (its document was approved)' }) lockedAt!: string | null;
  @ApiProperty({ type: [EvidenceAttachmentDto] }) attachments!: EvidenceAttachmentDto[];
}

export class DownloadUrlDto {
  @ApiProperty({ description: 'A presigned MinIO URL for this file version; it sends the RFC 6266 Content-Disposition itself' }) url!: string;
  @ApiProperty() expiresAt!: string;
}

export class AttachEvidenceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  evidenceId!: string;
}

export class RemoveEvidenceDto {
  @ApiProperty({ example: 'แนบไฟล์ผิดฉบับ', description: 'Why the file is removed (kept in the audit trail)' })
  @IsString()
  @MinLength(1)
  @MaxLength(1_000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
