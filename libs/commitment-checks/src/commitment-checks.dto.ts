import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { namedEnum, PageQuery } from '@app/core';
import { COMMITMENT_CHECK_STATES, CommitmentCheckState } from './commitment-check.entity';

export class CommitmentCheckQuery extends PageQuery {
  /** pending (not yet done, not yet due), overdue (not done by the due date), passed, failed (a serious or critical violation found). */
  @ApiPropertyOptional(namedEnum('CommitmentCheckState', COMMITMENT_CHECK_STATES)) @IsOptional() @IsIn(COMMITMENT_CHECK_STATES) state?: CommitmentCheckState;
}

export class CommitmentCheckView {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() licenceId: string;
  @ApiProperty() licenceNumber: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) agencyNameEn: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() inspectionId: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The lead inspector; null while the check waits in the bureau’s queue of unassigned inspections' }) leadInspectorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The lead inspector's display name" }) leadInspectorName: string | null;
  @ApiProperty({ description: 'The inspection’s status' }) inspectionStatus: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The inspection’s outcome once submitted' }) inspectionOutcome: string | null;
  @ApiProperty({ description: 'One month after the approval' }) dueOn: string;
  @ApiProperty(namedEnum('CommitmentCheckState', COMMITMENT_CHECK_STATES)) state: CommitmentCheckState;
  @ApiPropertyOptional({ nullable: true, type: Date }) overdueAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) failedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) passedAt: Date | null;
  @ApiProperty() createdAt: Date;
}
