import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EnqueuedJobDto {
  @ApiProperty() jobId!: string;
  @ApiProperty({ description: 'Echoed back by the worker in its result' }) nonce!: string;
}

export class JobStatusDto {
  @ApiProperty() jobId!: string;
  @ApiProperty({ example: 'heartbeat' }) name!: string;
  @ApiProperty({ enum: ['waiting', 'active', 'completed', 'failed', 'delayed', 'paused', 'stuck'] }) state!: string;
  @ApiPropertyOptional({ nullable: true }) result!: unknown;
  @ApiPropertyOptional({ nullable: true }) failedReason!: string | null;
  @ApiProperty() attemptsMade!: number;
}
