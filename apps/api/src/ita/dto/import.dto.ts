import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ImportQueryDto {
  @ApiPropertyOptional({ description: 'Save even though the file shows inconsistencies of severity E or W (they are stored with the import). Without it such a file is answered 422 with the list.' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean()
  acceptWarnings?: boolean;

  @ApiPropertyOptional({ description: 'CSV plan imports: the report title as printed', example: 'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๘' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  title?: string;

  @ApiPropertyOptional({ description: 'CSV framework imports: the name of the year’s ITA' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  nameTh?: string;

  @ApiPropertyOptional({ description: 'CSV framework imports: where the list was transcribed from' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;
}
