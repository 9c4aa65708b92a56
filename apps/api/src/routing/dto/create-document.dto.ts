import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export const DOCUMENT_KINDS = ['MEMO', 'ORDER', 'ANNOUNCEMENT', 'REPORT'] as const;

export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'บันทึกข้อความ / คำสั่ง / ประกาศ / รายงาน' })
  @IsIn(DOCUMENT_KINDS)
  kind!: (typeof DOCUMENT_KINDS)[number];

  @ApiProperty({ example: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title!: string;

  @ApiProperty({ description: 'The document content (version 1); `fields` inside it is what route conditions read' })
  @IsObject()
  content!: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only when you hold several positions: the one you draft in' })
  @IsOptional()
  @IsUUID()
  positionId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The register that numbers it (at sign-off); by default the office’s only register for the kind. Needed when the office keeps several.',
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
