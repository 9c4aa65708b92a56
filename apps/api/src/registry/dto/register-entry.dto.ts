import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { MAX_BE_YEAR, MIN_BE_YEAR, toArabicDigits } from '@kasian/thai';

const NOT_BLANK = /\S/;
const arabicNumber = ({ value }: { value: unknown }) => (typeof value === 'string' ? Number(toArabicDigits(value.trim())) : value);

export class IssueNumberDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The Kasian document to number (its kind must match the register)' })
  @IsOptional()
  @IsUUID()
  documentId?: string;

  @ApiPropertyOptional({ example: 'ขอส่งรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมฯ', description: 'เรื่อง; required without documentId' })
  @ValidateIf((body: IssueNumberDto) => body.documentId === undefined || body.subject !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(NOT_BLANK, { message: 'subject must not be blank' })
  subject?: string;
}

export class RecordEntryDto {
  @ApiProperty({ example: 'ขร ๗๓๕๐๑/๑๖๕๖', description: 'As printed; Thai or Arabic digits, spaces around "/" and prefix aliases are accepted' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  number!: string;

  @ApiPropertyOptional({ example: 2568, description: 'Register year (BE). Orders print it; for memos it defaults to the register year of issuedAt' })
  @IsOptional()
  @Transform(arabicNumber)
  @IsInt()
  @Min(MIN_BE_YEAR)
  @Max(MAX_BE_YEAR)
  year?: number;

  @ApiPropertyOptional({ example: '2025-10-21', description: 'The document date (ISO 8601; a date alone is that day in Bangkok). Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  issuedAt?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() documentId?: string;

  @ApiPropertyOptional({ example: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' })
  @ValidateIf((body: RecordEntryDto) => body.documentId === undefined || body.subject !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(NOT_BLANK, { message: 'subject must not be blank' })
  subject?: string;

  @ApiPropertyOptional({ enum: ['MANUAL', 'IMPORTED'], default: 'MANUAL', description: 'IMPORTED for history taken from the paper register' })
  @IsOptional()
  @IsIn(['MANUAL', 'IMPORTED'])
  source?: 'MANUAL' | 'IMPORTED';
}

export class CancelEntryDto {
  @ApiProperty({ example: 'ออกเลขซ้ำกับหนังสือที่ส่งไปแล้ว', description: 'เหตุผลที่ยกเลิก' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

export class EntriesQueryDto {
  @ApiPropertyOptional({ example: 2568, description: 'Register year (BE); all years when absent' })
  @IsOptional()
  @Transform(arabicNumber)
  @IsInt()
  @Min(MIN_BE_YEAR)
  @Max(MAX_BE_YEAR)
  year?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class CsvQueryDto {
  @ApiPropertyOptional({ example: 2568, description: 'Register year (BE); all years when absent' })
  @IsOptional()
  @Transform(arabicNumber)
  @IsInt()
  @Min(MIN_BE_YEAR)
  @Max(MAX_BE_YEAR)
  year?: number;
}

export class NumberWarningDto {
  @ApiProperty({ example: 'W-DOCNO-PREFIX-MISMATCH' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty() messageTh!: string;
  @ApiPropertyOptional({ type: Object }) details?: Record<string, unknown>;
}

export class RegisterEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) registerId!: string;
  @ApiProperty({ example: 2568 }) year!: number;
  @ApiProperty({ example: 1656 }) number!: number;
  @ApiProperty({ example: 'ชร ๗๓๕๐๑/๑๖๕๖', description: 'Canonical form' }) numberText!: string;
  @ApiProperty({ example: 'ขร ๗๓๕๐๑/๑๖๕๖', description: 'As printed / entered' }) printedText!: string;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) documentId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'เรื่อง: the subject entered, else the document title' }) subject!: string | null;
  @ApiProperty({ enum: ['ALLOCATED', 'MANUAL', 'IMPORTED'] }) source!: string;
  @ApiProperty({ enum: ['ISSUED', 'CANCELLED'] }) status!: string;
  @ApiPropertyOptional({ nullable: true }) cancelledReason!: string | null;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ example: '๒๑ ตุลาคม ๒๕๖๘' }) issuedDateTh!: string;
}

export class RecordedEntryDto extends RegisterEntryDto {
  @ApiProperty({ type: [NumberWarningDto] }) warnings!: NumberWarningDto[];
}

export class RegisterEntryPageDto {
  @ApiProperty({ type: [RegisterEntryDto] }) items!: RegisterEntryDto[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}
