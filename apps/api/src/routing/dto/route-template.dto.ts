import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DOCUMENT_KINDS } from './create-document.dto';

export class DecisionWordDto {
  @ApiProperty({ example: 'อนุมัติ' }) @IsString() @MinLength(1) @MaxLength(100) word!: string;
  @ApiProperty({ enum: ['positive', 'neutral', 'negative'] }) @IsIn(['positive', 'neutral', 'negative']) outcome!: 'positive' | 'neutral' | 'negative';
}

export class CompletionDto {
  @ApiProperty({ enum: ['ALL', 'ANY', 'K_OF_N'] }) @IsIn(['ALL', 'ANY', 'K_OF_N']) rule!: 'ALL' | 'ANY' | 'K_OF_N';
  @ApiPropertyOptional({ description: 'For K_OF_N' }) @IsOptional() @IsInt() @Min(1) k?: number;
}

export class StepTemplateDto {
  @ApiProperty({ example: 'palad' }) @IsString() @MinLength(1) @MaxLength(60) key!: string;
  @ApiProperty({ example: 'ความเห็นของปลัดองค์การบริหารส่วนตำบลป่าตึง' }) @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiProperty({ enum: ['SEQUENTIAL', 'PARALLEL', 'DISTRIBUTION'] }) @IsIn(['SEQUENTIAL', 'PARALLEL', 'DISTRIBUTION']) kind!: 'SEQUENTIAL' | 'PARALLEL' | 'DISTRIBUTION';
  @ApiProperty({ type: [String], description: 'Position ids of the office' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('4', { each: true })
  addressees!: string[];
  @ApiProperty({ type: CompletionDto }) @ValidateNested() @Type(() => CompletionDto) completion!: CompletionDto;
  @ApiProperty({ type: [DecisionWordDto] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => DecisionWordDto) words!: DecisionWordDto[];
  @ApiProperty({ enum: ['NONE', 'OPTIONAL', 'REQUIRED'] }) @IsIn(['NONE', 'OPTIONAL', 'REQUIRED']) comment!: 'NONE' | 'OPTIONAL' | 'REQUIRED';
  @ApiPropertyOptional({ description: 'Condition on document fields (libs/workflow Condition)' }) @IsOptional() @IsObject() when?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() drafterMayDecide?: boolean;
}

export class CreateRouteTemplateDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) @IsIn(DOCUMENT_KINDS) documentKind!: (typeof DOCUMENT_KINDS)[number];
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) name!: string;
  @ApiProperty({ type: [StepTemplateDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => StepTemplateDto) steps!: StepTemplateDto[];
  @ApiProperty({ enum: ['RESUME', 'RESTART'] }) @IsIn(['RESUME', 'RESTART']) onResubmit!: 'RESUME' | 'RESTART';
}

export class RouteTemplateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() documentKind!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [StepTemplateDto] }) steps!: StepTemplateDto[];
  @ApiProperty() onResubmit!: string;
}
