import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ enum: ['oldest', 'newest'], default: 'oldest', description: 'By waiting-since (inbox) or last change (outbox)' })
  @IsOptional()
  @IsIn(['oldest', 'newest'])
  sort?: 'oldest' | 'newest';
}

export class PositionRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() titleTh!: string;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ description: 'The drafter, as a name' }) senderTh!: string;
  @ApiProperty() stepKey!: string;
  @ApiProperty() stepTitle!: string;
  @ApiProperty({ type: PositionRefDto, description: 'The addressed position you would act for' }) onBehalfOf!: PositionRefDto;
  @ApiProperty({ enum: ['HOLDER', 'ACTING', 'DELEGATED'] }) capacity!: string;
  @ApiPropertyOptional({ nullable: true }) orderRef!: string | null;
  @ApiProperty({ type: [String] }) words!: string[];
  @ApiProperty() mayReturn!: boolean;
  @ApiProperty() waitingSince!: string;
  @ApiPropertyOptional({ nullable: true, description: 'No due dates are set yet' }) dueAt!: string | null;
  @ApiProperty() routeVersion!: number;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}

export class OutboxItemDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional({ nullable: true }) currentStepTitle!: string | null;
  @ApiProperty({ type: [PositionRefDto] }) waitingOn!: PositionRefDto[];
  @ApiProperty() updatedAt!: string;
}

export class OutboxPageDto {
  @ApiProperty({ type: [OutboxItemDto] }) items!: OutboxItemDto[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}

export class TimelineEntryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['CREATED', 'SUBMITTED', 'DECIDED', 'RETURNED', 'REJECTED', 'RECALLED', 'RESUBMITTED', 'CANCELLED'] }) type!: string;
  @ApiProperty() at!: string;
  @ApiProperty() round!: number;
  @ApiPropertyOptional({ nullable: true }) stepKey!: string | null;
  @ApiPropertyOptional({ nullable: true }) stepTitle!: string | null;
  @ApiProperty() actorNameTh!: string;
  @ApiPropertyOptional({ type: PositionRefDto, nullable: true, description: 'The position the actor acted in' }) actingPosition!: PositionRefDto | null;
  @ApiPropertyOptional({ type: PositionRefDto, nullable: true, description: 'The addressed position acted for' }) onBehalfOf!: PositionRefDto | null;
  @ApiPropertyOptional({ nullable: true, description: 'Who held the addressed post then, when someone acted for it' }) onBehalfOfHolderNameTh!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['HOLDER', 'ACTING', 'DELEGATED'] }) capacity!: string | null;
  @ApiPropertyOptional({ nullable: true }) orderRef!: string | null;
  @ApiPropertyOptional({ nullable: true }) word!: string | null;
  @ApiPropertyOptional({ nullable: true }) comment!: string | null;
  @ApiPropertyOptional({ nullable: true }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true }) returnedTo!: string | null;
  @ApiProperty() documentVersionId!: string;
  @ApiPropertyOptional({ nullable: true, description: 'The version the action was taken on (1, 2, …)' }) documentVersionNo!: number | null;
  @ApiProperty() documentHash!: string;
  @ApiPropertyOptional({ nullable: true, description: 'Signature block as printed at decision time' }) signature!: unknown;
}

export class TimelineDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [TimelineEntryDto] }) entries!: TimelineEntryDto[];
}
