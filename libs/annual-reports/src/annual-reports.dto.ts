import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageQuery, namedEnum } from '@app/core';
import { ANNUAL_REPORT_STATUSES, AnnualReportStatus } from './annual-report.entity';

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** Counts of people and cases. */
const MAX_COUNT = 10_000_000;
/** Money in fen: far below 2^53, far above any agency's turnover. */
const MAX_FEN = 1e14;

export class PlacementInput {
  /** ISO 3166-1 alpha-2 destination country, e.g. SG. */
  @ApiProperty({ example: 'SG' }) @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' }) country: string;
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_COUNT) workers: number;
}

/** The figures of a report; null or left out while the draft is unfinished. */
export class AnnualReportFigures {
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) workersPlacedDomestic?: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) workersPlacedAbroad?: number | null;
  /** Workers placed abroad by destination country, each country once; they add up to workersPlacedAbroad. */
  @ApiPropertyOptional({ type: [PlacementInput] }) @IsOptional() @IsArray() @ArrayMaxSize(250) @ValidateNested({ each: true }) @Type(() => PlacementInput) placementsAbroad?: PlacementInput[];
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) employersServed?: number | null;
  /** Fees received from employers, in fen. */
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_FEN) feesFromEmployersFen?: number | null;
  /** All fees charged to workers, in fen. */
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_FEN) feesChargedToWorkersFen?: number | null;
  /** The part charged to workers placed abroad, in fen: above zero is flagged (ILO C181 Art. 7). */
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_FEN) feesChargedToWorkersAbroadFen?: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) complaintsReceived?: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) staffCount?: number | null;
  /** Reserve-fund balance at the end of the year, in fen (labour service cooperation). */
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_FEN) reserveFundBalanceFen?: number | null;
}

export class CreateAnnualReportRequest extends AnnualReportFigures {
  /** The calendar year reported (a year that has ended). */
  @ApiProperty() @IsInt() @Min(2000) @Max(2100) year: number;
}

export class UpdateAnnualReportRequest extends AnnualReportFigures {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class AnnualReportVersionRequest {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class AnnualReportReviewRequest {
  @ApiProperty(namedEnum('AnnualReportReviewDecision', ['accept', 'return'])) @IsIn(['accept', 'return']) decision: 'accept' | 'return';
  /** Required when returning: what the agency must correct. */
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(3, 4000) note?: string;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class AnnualReportQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional(namedEnum('AnnualReportStatus', ANNUAL_REPORT_STATUSES)) @IsOptional() @IsIn(ANNUAL_REPORT_STATUSES) status?: AnnualReportStatus;
  /** Submitted or resubmitted: waiting for the bureau. */
  @ApiPropertyOptional() @IsOptional() @Transform(booleanQuery) @IsBoolean() awaitingReview?: boolean;
  /** Fees charged to workers placed abroad above zero. */
  @ApiPropertyOptional() @IsOptional() @Transform(booleanQuery) @IsBoolean() feeFlag?: boolean;
  /** Recorded overdue (not filed by 31 March). */
  @ApiPropertyOptional() @IsOptional() @Transform(booleanQuery) @IsBoolean() overdue?: boolean;
  /** Division code prefix: 35 or 350000 for Fujian, 3501 or 350100 for Fuzhou. */
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2}(\d{2}(\d{2})?)?$/) jurisdiction?: string;
}

export class PlacementView {
  @ApiProperty() country: string;
  @ApiProperty() workers: number;
}

export class PlacementComparisonView {
  @ApiProperty() country: string;
  @ApiProperty({ description: 'Workers the report declares placed there' }) declared: number;
  @ApiProperty({ description: 'Placements the agency filed there with a departure in the year' }) filed: number;
  @ApiProperty() differs: boolean;
}

export class AnnualReportView {
  @ApiProperty() id: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) agencyNameEn: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: '31 March of the next year' }) dueOn: string;
  @ApiProperty(namedEnum('AnnualReportStatus', ANNUAL_REPORT_STATUSES)) status: AnnualReportStatus;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) workersPlacedDomestic: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) workersPlacedAbroad: number | null;
  @ApiProperty({ type: [PlacementView] }) placementsAbroad: PlacementView[];
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) employersServed: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) feesFromEmployersFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) feesChargedToWorkersFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) feesChargedToWorkersAbroadFen: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) complaintsReceived: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) staffCount: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) reserveFundBalanceFen: number | null;
  @ApiProperty({ description: 'Fees charged to workers placed abroad above zero (ILO C181 Art. 7)' }) feeFlag: boolean;
  @ApiPropertyOptional({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) firstSubmittedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewNote: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) reviewedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'When it was recorded overdue (not filed by 31 March)' }) overdueAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() version: number;
  /** One report only (not in lists): declared placements by destination against the filed ones. */
  @ApiPropertyOptional({ type: [PlacementComparisonView] }) placementComparison?: PlacementComparisonView[];
  @ApiPropertyOptional({ description: 'Whether any destination’s declared and filed counts differ (one report only)' }) placementsDiffer?: boolean;
}

export class SummaryQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  /** A province's division code (350000) or its two digits (35). */
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2}(0000)?$/, { message: 'province must be a province division code such as 350000' }) province?: string;
}

export class FilingView {
  @ApiProperty({ description: 'Agencies that owe a report: a licence in force issued by the end of the year, or a report already opened' }) obliged: number;
  @ApiProperty({ description: 'Reports ever submitted (returned ones included)' }) filed: number;
  @ApiProperty() accepted: number;
  @ApiProperty({ description: 'Submitted or resubmitted, waiting for the bureau' }) awaitingReview: number;
  @ApiProperty() returned: number;
  @ApiProperty({ description: 'Obliged agencies with nothing submitted yet' }) notFiled: number;
  @ApiProperty({ description: 'Recorded overdue (not filed by 31 March)' }) overdue: number;
  @ApiProperty({ description: 'filed / obliged, 0..1 (0 when nobody is obliged)' }) filingRate: number;
}

export class TotalsView {
  @ApiProperty({ description: 'Reports counted: submitted, resubmitted or accepted (returned ones are being corrected)' }) reports: number;
  @ApiProperty() workersPlacedDomestic: number;
  @ApiProperty() workersPlacedAbroad: number;
  @ApiProperty() employersServed: number;
  @ApiProperty() feesFromEmployersFen: number;
  @ApiProperty() feesChargedToWorkersFen: number;
  @ApiProperty() feesChargedToWorkersAbroadFen: number;
  @ApiProperty() complaintsReceived: number;
  @ApiProperty() staffCount: number;
  @ApiProperty({ description: 'Counted reports with fees charged to workers placed abroad' }) feeFlags: number;
}

export class ProvinceSummaryView {
  @ApiProperty() provinceCode: string;
  @ApiProperty() provinceNameZh: string;
  @ApiProperty() provinceNameEn: string;
  @ApiProperty({ type: FilingView }) filing: FilingView;
  @ApiProperty({ type: TotalsView }) totals: TotalsView;
}

export class FeeFlagView {
  @ApiProperty() reportId: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) agencyNameEn: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty(namedEnum('AnnualReportStatus', ANNUAL_REPORT_STATUSES)) status: AnnualReportStatus;
  @ApiProperty() feesChargedToWorkersAbroadFen: number;
}

export class AnnualReportSummaryView {
  @ApiProperty() year: number;
  @ApiPropertyOptional({ nullable: true, type: String }) province: string | null;
  @ApiProperty() dueOn: string;
  @ApiProperty({ type: FilingView }) filing: FilingView;
  @ApiProperty({ type: TotalsView }) totals: TotalsView;
  @ApiProperty({ type: [ProvinceSummaryView] }) byProvince: ProvinceSummaryView[];
  @ApiProperty({ type: [PlacementView], description: 'Workers placed abroad by destination country, most first' }) byDestination: PlacementView[];
  @ApiProperty({ type: [FeeFlagView], description: 'Counted reports with fees charged to workers placed abroad (at most 500)' }) feeFlags: FeeFlagView[];
}
