import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class DocumentListQueryDto {
  @ApiPropertyOptional({ description: 'Words to find anywhere in the title or text, Thai included (substring, trigram index)' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['MEMO', 'ORDER', 'ANNOUNCEMENT', 'REPORT'] })
  @IsOptional()
  @IsIn(['MEMO', 'ORDER', 'ANNOUNCEMENT', 'REPORT'])
  kind?: string;

  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class DocumentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() currentVersionNo!: number;
  @ApiPropertyOptional({ nullable: true }) routeStatus!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class DocumentPageDto {
  @ApiProperty({ type: [DocumentSummaryDto] }) items!: DocumentSummaryDto[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}

export class VersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() versionNo!: number;
  @ApiProperty({ description: 'SHA-256 of the RFC 8785 canonical content' }) contentHash!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdByTh!: string;
  @ApiPropertyOptional({ description: 'Only when one version is asked for' }) content?: Record<string, unknown>;
}

export class DocumentDto extends DocumentSummaryDto {
  @ApiProperty({ type: VersionDto }) currentVersion!: VersionDto;
}

export class VersionDiffDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ description: 'Field changes with Thai word diffs for changed text' }) changes!: unknown[];
}
