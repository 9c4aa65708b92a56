import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StepSummaryDto {
  @ApiProperty({ example: 'palad' }) key!: string;
  @ApiProperty({ example: 'ความเห็นของปลัดองค์การบริหารส่วนตำบลป่าตึง' }) title!: string;
  @ApiProperty({ enum: ['PENDING', 'OPEN', 'DONE', 'SKIPPED', 'REJECTED'] }) status!: string;
}

export class CurrentStepDto {
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String], description: 'Addressed positions that have not acted yet' }) waitingOnPositionIds!: string[];
}

export class RouteStateDto {
  @ApiProperty({ format: 'uuid' }) routeId!: string;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ enum: ['DRAFT', 'IN_ROUTE', 'RETURNED', 'COMPLETED', 'REJECTED', 'CANCELLED'] }) status!: string;
  @ApiProperty({ description: 'Send it back as expectedVersion to refuse acting on a stale view' }) version!: number;
  @ApiProperty() round!: number;
  @ApiProperty({ format: 'uuid' }) documentVersionId!: string;
  @ApiPropertyOptional({ type: CurrentStepDto, nullable: true }) currentStep!: CurrentStepDto | null;
  @ApiProperty({ type: [StepSummaryDto] }) steps!: StepSummaryDto[];
}
