import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery, namedEnum } from '@app/core';
import { Answer, ANSWERS } from '@app/inspections';
import { SELF_ASSESSMENT_STATUSES, SelfAssessmentStatus } from './self-assessment.entity';

/** `?overdue=true` and the like: only the literal words true and false. */
const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class OpenRoundRequest {
  /** The year assessed. */
  @IsInt() @Min(2000) @Max(2100) period: number;
  @IsDateString({ strict: true }) dueOn: string;
  /** One agency; every agency with a licence in force in your jurisdiction when omitted. */
  @IsOptional() @IsUUID() agencyId?: string;
  /** A published self-assessment checklist; the newest published one when omitted. */
  @IsOptional() @IsUUID() templateId?: string;
}

export class AnswerInput {
  @IsString() @Length(1, 40) itemCode: string;
  @ApiProperty(namedEnum('SelfAssessmentAnswer', ANSWERS)) @IsIn(ANSWERS) answer: Answer;
  @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class PutAnswersRequest {
  /** The answers so far (a draft may be partial; submission needs every item). Replaces what was saved. */
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => AnswerInput) answers: AnswerInput[];
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class VersionRequest {
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class ReviewRequest {
  @ApiProperty(namedEnum('SelfAssessmentReviewDecision', ['accept', 'return'])) @IsIn(['accept', 'return']) decision: 'accept' | 'return';
  /** Required when returning: what the agency must change. */
  @IsOptional() @IsString() @Length(3, 4000) note?: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class SelfAssessmentQuery extends PageQuery {
  @IsOptional() @IsUUID() agencyId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) period?: number;
  @ApiPropertyOptional(namedEnum('SelfAssessmentStatus', SELF_ASSESSMENT_STATUSES)) @IsOptional() @IsIn(SELF_ASSESSMENT_STATUSES) status?: SelfAssessmentStatus;
  /** Still a draft or returned, past the due date. */
  @IsOptional() @Transform(booleanQuery) @IsBoolean() overdue?: boolean;
  /** Returned for changes and not yet resubmitted. */
  @IsOptional() @Transform(booleanQuery) @IsBoolean() returned?: boolean;
  /** With at least one discrepancy against an inspection within 12 months. */
  @IsOptional() @Transform(booleanQuery) @IsBoolean() withDiscrepancies?: boolean;
}

export class SelfAssessmentView {
  @ApiProperty() id: string;
  @ApiProperty() agencyId: string;
  @ApiPropertyOptional({ description: "The agency's Chinese name (in lists)" }) agencyNameZh?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The agency's English name, when it has one (in lists)" }) agencyNameEn?: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() templateId: string;
  @ApiProperty() period: number;
  @ApiProperty() dueOn: string;
  @ApiProperty(namedEnum('SelfAssessmentStatus', SELF_ASSESSMENT_STATUSES)) status: SelfAssessmentStatus;
  @ApiPropertyOptional({ nullable: true, type: Number }) score: number | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewNote: string | null;
  @ApiProperty() version: number;
}

export class AnswerView {
  @ApiProperty() itemCode: string;
  @ApiProperty() section: string;
  @ApiProperty() text: string;
  @ApiProperty() textZh: string;
  @ApiProperty() textEn: string;
  @ApiPropertyOptional({ nullable: true, ...namedEnum('SelfAssessmentAnswer', ANSWERS), description: 'null while unanswered' }) answer: Answer | null;
  @ApiPropertyOptional({ nullable: true, type: String }) comment: string | null;
}

export class DiscrepancyView {
  @ApiProperty() itemCode: string;
  @ApiProperty() inspectionId: string;
  @ApiProperty() inspectionDate: string;
}

export class SelfAssessmentDetailView extends SelfAssessmentView {
  @ApiProperty({ type: [AnswerView] }) answers: AnswerView[];
  @ApiProperty({ type: [DiscrepancyView], description: 'Items answered yes that an inspection within 12 months found non-compliant' })
  discrepancies: DiscrepancyView[];
}

export class OpenRoundView {
  @ApiProperty({ description: 'Self-assessments opened now' }) created: number;
  @ApiProperty({ description: 'Agencies that already had one for the period' }) skipped: number;
  @ApiProperty({ type: [SelfAssessmentView] }) items: SelfAssessmentView[];
}
