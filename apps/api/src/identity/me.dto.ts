import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HeldPositionDto {
  @ApiProperty({ format: 'uuid' }) positionId!: string;
  @ApiProperty({ example: 'หัวหน้าฝ่ายอำนวยการ' }) titleTh!: string;
  @ApiPropertyOptional({ example: 'ฝ่ายอำนวยการ', nullable: true }) unitTh!: string | null;
  @ApiProperty({ enum: ['SUBSTANTIVE', 'ACTING', 'DELEGATED'], description: 'ดำรงตำแหน่ง / รักษาราชการแทน / ปฏิบัติราชการแทน' })
  capacity!: string;
  @ApiPropertyOptional({ nullable: true, description: 'The order behind an acting or delegated assignment' }) orderRef!: string | null;
  @ApiProperty() since!: string;
  @ApiPropertyOptional({ nullable: true }) until!: string | null;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'นางสาวกนกพร โภชนพันธ์', description: 'Name as printed: honorific glued to the given name' })
  displayNameTh!: string;
  @ApiPropertyOptional({ nullable: true, example: 'ร้อยโท' }) rank!: string | null;
  @ApiProperty({ example: 'องค์การบริหารส่วนตำบลป่าตึง' }) officeTh!: string;
  @ApiProperty({ type: [HeldPositionDto] }) positions!: HeldPositionDto[];
}

export class MeDto {
  @ApiProperty({ description: 'Keycloak subject (user id)' }) subject!: string;
  @ApiPropertyOptional({ nullable: true }) username!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'patueng' }) officeCode!: string | null;
  @ApiProperty({ type: [String], example: ['official'] }) roles!: string[];
  @ApiProperty() tokenExpiresAt!: string;
  @ApiPropertyOptional({ type: PersonDto, nullable: true, description: 'Null when the account is not linked to a person of an office' })
  person!: PersonDto | null;
}
