import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID } from 'class-validator';

export const DOCUMENT_KINDS = ['MEMO', 'ORDER', 'ANNOUNCEMENT', 'REPORT'] as const;

export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'บันทึกข้อความ / คำสั่ง / ประกาศ / รายงาน' })
  @IsIn(DOCUMENT_KINDS)
  kind!: (typeof DOCUMENT_KINDS)[number];

  @ApiProperty({
    example: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
    description: 'Stored trimmed; empty or only spaces → 400 TITLE_EMPTY, over 500 characters → 400 TITLE_TOO_LONG',
  })
  @IsString()
  title!: string;

  @ApiProperty({
    description:
      'The document content (version 1), structured by kind (ADR 0016): MEMO, ORDER, ANNOUNCEMENT and the ITA REPORT are validated field by field (400 INVALID_DOCUMENT_CONTENT naming each path and code); `fields` inside it is what route conditions read',
  })
  @IsObject()
  content!: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only when you hold several positions: the one you draft in' })
  @IsOptional()
  @IsUUID()
  positionId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The register that numbers it (at sign-off); by default the office’s only register for the kind. Needed when the office keeps several. Not one of your office’s registers → 400 REGISTER_UNKNOWN.',
  })
  @IsOptional()
  @IsUUID()
  registerId?: string;
}

export class CreatedDocumentDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ format: 'uuid' }) routeId!: string;
  @ApiProperty() documentVersionNo!: number;
  @ApiProperty() contentHash!: string;
}
