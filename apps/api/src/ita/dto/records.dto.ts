import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PROGRESS } from '@kasian/ita';
const NOT_BLANK = /\S/;
const TEXT = 20_000;

export class MeasureFieldsDto {
  @ApiPropertyOptional({ example: '๑', description: 'The number as printed' }) @IsOptional() @IsString() @MaxLength(20) label?: string;
  @ApiPropertyOptional({ example: 'มาตรการกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) @Matches(NOT_BLANK) titleTh?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) method?: string;
  @ApiPropertyOptional({ example: 'ตลอดปีงบประมาณ' }) @IsOptional() @IsString() @MaxLength(500) timeframe?: string;
  @ApiPropertyOptional({ example: '๑. งานพัสดุ กองคลัง', description: 'ผู้รับผิดชอบ exactly as it is to be printed' }) @IsOptional() @IsString() @MaxLength(2000) responsibleText?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) summary?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) outcome?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) followUp?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) result?: string;
  @ApiPropertyOptional({ type: [String], description: 'Units of your office that answer for it (replaces the links)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  unitIds?: string[];
}

export class CreateMeasureDto extends MeasureFieldsDto {
  @ApiProperty({ example: 'มาตรการเผยแพร่ข้อมูลต่อสาธารณะ' }) @IsString() @MinLength(1) @MaxLength(2000) @Matches(NOT_BLANK) declare titleTh: string;
}

export class StatusDto {
  @ApiProperty({ enum: PROGRESS, description: 'ยังไม่ได้ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการแล้ว' }) @IsIn(PROGRESS) status!: (typeof PROGRESS)[number];
}

export class AssignmentFieldsDto {
  @ApiPropertyOptional({ example: 'งานนิติการ สำนักปลัด' }) @IsOptional() @IsString() @MaxLength(2000) responsibleText?: string;
  @ApiPropertyOptional({ enum: PROGRESS }) @IsOptional() @IsIn(PROGRESS) status?: (typeof PROGRESS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) progress?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsUUID('all', { each: true }) unitIds?: string[];
}

export class CreateAssignmentDto extends AssignmentFieldsDto {
  @ApiProperty({ example: 'O๑', description: 'The item code as the year publishes it (any way of writing O)' }) @IsString() @MinLength(1) @MaxLength(10) code!: string;
  @ApiPropertyOptional({ example: 1, description: 'Which row, when the year prints the code twice (I-11)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) occurrence?: number;
}

export const SCORE_SCOPES = ['OVERALL', 'INSTRUMENT', 'INDICATOR', 'OIT_ITEM'] as const;

export class ScoreDto {
  @ApiProperty({ enum: SCORE_SCOPES }) @IsIn(SCORE_SCOPES) scope!: (typeof SCORE_SCOPES)[number];
  @ApiPropertyOptional({ example: '8', description: 'IIT/EIT/OIT, an indicator number (๘, ๙.๔) or an item code (O๑๒); none for OVERALL' }) @IsOptional() @IsString() @MaxLength(10) code?: string;
  @ApiProperty({ example: '๙๘.๘๐', description: 'As published, Thai or Arabic digits' }) @IsString() @MinLength(1) @MaxLength(20) score!: string;
  @ApiPropertyOptional({ example: 'ผ่านดี' }) @IsOptional() @IsString() @MaxLength(100) level?: string;
  @ApiPropertyOptional({ example: 'บันทึกข้อความ ชร ๗๓๕๐๑/ ๑๘๖๕' }) @IsOptional() @IsString() @MaxLength(500) source?: string;
}

export class ScoresDto {
  @ApiProperty({ type: [ScoreDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ScoreDto) scores!: ScoreDto[];
}

export class EvidenceLinkDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The measure it proves (or assignmentId)' }) @IsOptional() @IsUUID() measureId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The OIT assignment it proves (or measureId)' }) @IsOptional() @IsUUID() assignmentId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'An evidence file (or documentId)' }) @IsOptional() @IsUUID() evidenceId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A Kasian document, e.g. the approved memo (or evidenceId)' }) @IsOptional() @IsUUID() documentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}
