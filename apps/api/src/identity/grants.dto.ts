import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class ActingGrantDto {
  @ApiProperty({ format: 'uuid', description: 'The person who acts' }) @IsUUID() personId!: string;
  @ApiProperty({ format: 'uuid', description: 'The post they act in (vacant, or its holder absent)' }) @IsUUID() positionId!: string;
  @ApiProperty({ example: 'คำสั่งองค์การบริหารส่วนตำบลป่าตึง ที่ ๑๒๓/๒๕๖๘' }) @IsString() @MinLength(1) @MaxLength(300) orderRef!: string;
  @ApiProperty({ example: '2025-11-01T00:00:00+07:00' }) @IsISO8601({ strict: true }) startsAt!: string;
  @ApiPropertyOptional({ description: 'Exclusive end; omit for until further order' }) @IsOptional() @IsISO8601({ strict: true }) endsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class DelegationGrantDto {
  @ApiProperty({ format: 'uuid', description: 'The position whose decisions are handed over' }) @IsUUID() principalPositionId!: string;
  @ApiProperty({ format: 'uuid', description: 'The position that may take them (ปฏิบัติราชการแทน)' }) @IsUUID() delegatePositionId!: string;
  @ApiPropertyOptional({ type: [String], description: 'Document kinds covered; empty = all' })
  @IsOptional()
  @IsArray()
  @IsIn(['MEMO', 'ORDER', 'ANNOUNCEMENT', 'REPORT'], { each: true })
  documentKinds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Outcomes covered (positive / neutral / negative); empty = all' })
  @IsOptional()
  @IsArray()
  @IsIn(['positive', 'neutral', 'negative'], { each: true })
  outcomes?: string[];
  @ApiProperty({ example: 'คำสั่งองค์การบริหารส่วนตำบลป่าตึง ที่ ๑๒๔/๒๕๖๘' }) @IsString() @MinLength(1) @MaxLength(300) orderRef!: string;
  @ApiProperty() @IsISO8601({ strict: true }) startsAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) endsAt?: string;
}

export class EndGrantDto {
  @ApiPropertyOptional({ description: 'When the grant stops working; default now' }) @IsOptional() @IsISO8601({ strict: true }) endsAt?: string;
}

export class GrantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['ACTING', 'DELEGATION'] }) kind!: string;
  @ApiProperty() orderRef!: string;
  @ApiProperty() startsAt!: string;
  @ApiPropertyOptional({ nullable: true }) endsAt!: string | null;
}
