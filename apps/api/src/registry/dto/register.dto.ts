import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { toArabicDigits } from '@kasian/thai';

export const DOCUMENT_KINDS = ['MEMO', 'ORDER', 'ANNOUNCEMENT', 'REPORT'] as const;
export const YEAR_KINDS = ['CALENDAR', 'FISCAL'] as const;
export const FORMATS = ['MEMO_STYLE', 'ORDER_STYLE'] as const;
export const ISSUE_AT = ['SIGN_OFF', 'SUBMIT'] as const;

const PREFIX = /^[ก-ฮ]{2}$/;
const PREFIX_HINT = { message: '$property must be two Thai letters, e.g. ชร' };

export class CreateRegisterDto {
  @ApiProperty({ example: 'outgoing', description: 'Stable code within the office: lower-case letters, digits, hyphens' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/)
  code!: string;

  @ApiProperty({ example: 'ทะเบียนหนังสือส่ง' }) @IsString() @MinLength(1) @MaxLength(200) @Matches(/\S/) nameTh!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) @IsIn(DOCUMENT_KINDS) documentKind!: (typeof DOCUMENT_KINDS)[number];
  @ApiProperty({ enum: YEAR_KINDS, description: 'Numbers restart on 1 January (CALENDAR) or 1 October (FISCAL), Asia/Bangkok' })
  @IsIn(YEAR_KINDS)
  yearKind!: (typeof YEAR_KINDS)[number];
  @ApiProperty({ enum: FORMATS, description: 'MEMO_STYLE "ชร ๗๓๕๐๑/๑๖๕๖" or ORDER_STYLE "๑๕๒/๒๕๖๖"' }) @IsIn(FORMATS) format!: (typeof FORMATS)[number];
  @ApiPropertyOptional({ example: 'ชร', description: 'MEMO_STYLE only' }) @IsOptional() @Matches(PREFIX, PREFIX_HINT) prefix?: string;
  @ApiPropertyOptional({ example: ['ขร'], type: [String], description: 'Other prefixes printed on this register’s documents' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(PREFIX, { each: true, ...PREFIX_HINT })
  prefixAliases?: string[];
  @ApiPropertyOptional({ example: '73501', description: 'MEMO_STYLE: five digits, Thai or Arabic' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? toArabicDigits(value.trim()) : value))
  @Matches(/^\d{5}$/, { message: 'officeCode must be five digits, e.g. 73501' })
  officeCode?: string;
  @ApiPropertyOptional({ enum: ISSUE_AT, default: 'SIGN_OFF' }) @IsOptional() @IsIn(ISSUE_AT) issueAt?: (typeof ISSUE_AT)[number];
}

export class RegisterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() nameTh!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) documentKind!: string;
  @ApiProperty({ enum: YEAR_KINDS }) yearKind!: string;
  @ApiProperty({ enum: FORMATS }) format!: string;
  @ApiPropertyOptional({ nullable: true }) prefix!: string | null;
  @ApiProperty({ type: [String] }) prefixAliases!: string[];
  @ApiPropertyOptional({ nullable: true }) officeCode!: string | null;
  @ApiProperty({ enum: ISSUE_AT }) issueAt!: string;
  @ApiProperty({ description: 'The register year today (BE)' }) currentYear!: number;
  @ApiProperty({ description: 'The last number issued or entered in the current year (0 if none)' }) lastNumber!: number;
  @ApiProperty({ example: 'ชร ๗๓๕๐๑/๑', description: 'How the next number will print' }) nextNumberText!: string;
}
