import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class PdfQueryDto {
  @ApiPropertyOptional({ description: 'The version to print (1, 2, …); the latest when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class PdfRenderingDto {
  @ApiProperty({ enum: ['RENDERING'] }) status!: 'RENDERING';
  @ApiProperty() jobId!: string;
  @ApiProperty({ description: 'Ask again after this many seconds (also in the Retry-After header)' }) retryAfterSeconds!: number;
  @ApiProperty() message!: string;
  @ApiProperty() messageTh!: string;
}
