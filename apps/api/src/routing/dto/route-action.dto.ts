import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';

/** Fields every route action accepts. */
export class RouteActionDto {
  @ApiPropertyOptional({ description: 'Refuse (409 VERSION_CONFLICT) unless the route is still at this version' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only when you may act for several open positions at this step' })
  @IsOptional()
  @IsUUID()
  positionId?: string;
}

export class DecideDto extends RouteActionDto {
  @ApiProperty({ example: 'อนุมัติ', description: 'One of the step’s decision words' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  word!: string;

  @ApiPropertyOptional({ example: 'เห็นควรอนุมัติตามเสนอ', description: 'ความเห็น' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class ReturnDto extends RouteActionDto {
  @ApiProperty({ example: 'DRAFTER', description: '"DRAFTER" or the key of an earlier step' })
  @IsString()
  @MaxLength(100)
  to!: string;

  @ApiProperty({ example: 'ขอให้แก้ไขข้อ ๔.๒ ให้ระบุกรอบเวลา' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason!: string;
}

export class RejectDto extends RouteActionDto {
  @ApiProperty({ example: 'ไม่อนุมัติ' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  word!: string;

  @ApiProperty({ example: 'งบประมาณไม่เพียงพอ' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason!: string;
}

export class ResubmitDto extends RouteActionDto {
  @ApiPropertyOptional({ description: 'The revised content, stored as a new version; omit to resubmit the latest revision (PUT …/content)' })
  @IsOptional()
  @IsObject()
  content?: Record<string, unknown>;
}

export class ReviseDto {
  @ApiProperty({ description: 'The revised content: a new immutable version of the draft' })
  @IsObject()
  content!: Record<string, unknown>;
}
