import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LicenceCount {
  @ApiProperty({ description: 'Province code, e.g. 350000' }) province: string;
  @ApiProperty() status: string;
  @ApiProperty() licences: number;
}

export class Coverage {
  @ApiProperty({ description: 'Agencies counted (the denominator)' }) of: number;
  @ApiProperty() count: number;
  @ApiPropertyOptional({ nullable: true, description: 'count / of; null when nothing to count or the data is not kept yet' }) rate: number | null;
}

export class ComplaintCounts {
  @ApiProperty() open: number;
  @ApiProperty({ description: 'Open and past the acknowledgement or resolution deadline now' }) overdue: number;
  @ApiProperty({ description: 'Complaints that ever breached a deadline' }) breachedEver: number;
}

/** Published sanctions (decided fines, suspensions and revocations not annulled) of one province. */
export class SanctionCount {
  @ApiProperty({ description: 'Province code, e.g. 350000' }) province: string;
  @ApiProperty() fine: number;
  @ApiProperty() suspension: number;
  @ApiProperty() revocation: number;
}

export class SanctionsInPeriod {
  @ApiProperty({ description: 'First day counted (effective on), Asia/Shanghai: a year before asOf' }) from: string;
  @ApiProperty({ description: 'Last day counted (asOf)' }) to: string;
  @ApiProperty({ type: [SanctionCount], description: 'By province, in your jurisdiction; provinces without one left out' }) byProvince: SanctionCount[];
}

export class Overview {
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [LicenceCount] }) licencesByStatusAndProvince: LicenceCount[];
  @ApiProperty({ type: Coverage, description: 'Agencies with an active licence inspected (submitted or closed) in the last 12 months' })
  inspectionCoverage: Coverage;
  @ApiProperty({ type: Coverage, description: 'Self-assessments due in the last 12 months that were submitted' })
  selfAssessmentSubmission: Coverage;
  @ApiProperty({ type: ComplaintCounts }) complaints: ComplaintCounts;
  @ApiProperty({ type: SanctionsInPeriod, description: 'Sanctions published in the last 12 months, counted in SQL (the public list pages them)' })
  sanctions: SanctionsInPeriod;
}
