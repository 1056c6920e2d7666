import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { namedEnum, PageQuery } from '@app/core';
import { PLACEMENT_STATUSES, PlacementStatus, RETURN_REASONS, ReturnReason } from './placement.entity';
import { RETURN_TRAVEL_PAYERS, ReturnTravelPayer } from './rules/contract-clauses';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const COUNTRY = /^[A-Z]{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PlacementWorkerRequest {
  @Transform(trim) @IsString() @Length(1, 100) name: string;
  /** 18-character resident ID number (GB 11643); stored encrypted, shown masked. */
  @ApiProperty({ example: '350102199001011234' })
  @Transform(upper) @Matches(/^\d{17}[\dX]$/, { message: 'idNumber must be an 18-character resident ID number' })
  idNumber: string;
  /** Stored encrypted, shown masked. */
  @Transform(trim) @Matches(/^\+?[0-9][0-9 -]{6,19}$/, { message: 'phone must be a telephone number' }) phone: string;
}

export class PlacementEmployerRequest {
  @Transform(trim) @IsString() @Length(1, 200) name: string;
  @Transform(upper) @Matches(COUNTRY, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country: string;
  @Transform(trim) @IsString() @Length(1, 500) address: string;
}

export class PlacementContractRequest {
  /** In `currency`; checked against the destination's minimum where one is configured. */
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100_000_000) monthlyWage?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'SGD' }) @IsOptional() @Transform(upper) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' }) currency?: string | null;
  @Type(() => Number) @IsNumber({ maxDecimalPlaces: 1 }) @Min(0) @Max(168) hoursPerWeek: number;
  @Type(() => Number) @IsInt() @Min(0) @Max(7) restDaysPerWeek: number;
  @Type(() => Number) @IsInt() @Min(0) @Max(240) durationMonths: number;
  /** Whether the employer insures the worker (work injury and medical care). */
  @IsBoolean() insurance: boolean;
  @ApiProperty(namedEnum('ReturnTravelPayer', RETURN_TRAVEL_PAYERS)) @IsIn(RETURN_TRAVEL_PAYERS) returnTravelPaidBy: ReturnTravelPayer;
  /** Must be 0: the employer pays (ILO C181 Art. 7). */
  @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100_000_000) feesChargedToWorker: number;
  @IsBoolean() documentsRetainedByEmployer: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(0, 1000) disputeResolution?: string | null;
  @Matches(DATE, { message: 'signedOn must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) signedOn: string;
}

export class PlacementTrainingRequest {
  @Matches(DATE, { message: 'completedOn must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) completedOn: string;
  @Type(() => Number) @IsNumber({ maxDecimalPlaces: 1 }) @Min(0) @Max(2000) hours: number;
  /** destination_laws, rights_and_contract, safety, help_lines (all required), and any others. */
  @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) @Length(1, 40, { each: true }) topics: string[];
}

export class CreatePlacementRequest {
  @ValidateNested() @Type(() => PlacementWorkerRequest) worker: PlacementWorkerRequest;
  @ApiProperty({ example: 'SG' }) @Transform(upper) @Matches(COUNTRY, { message: 'destinationCountry must be an ISO 3166-1 alpha-2 code' }) destinationCountry: string;
  @ValidateNested() @Type(() => PlacementEmployerRequest) employer: PlacementEmployerRequest;
  @Transform(trim) @IsString() @Length(1, 200) jobTitle: string;
  @ValidateNested() @Type(() => PlacementContractRequest) contract: PlacementContractRequest;
  @ValidateNested() @Type(() => PlacementTrainingRequest) training: PlacementTrainingRequest;
  @Matches(DATE, { message: 'departureDate must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) departureDate: string;
}

export class RecordReturnRequest {
  @Matches(DATE, { message: 'returnedOn must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) returnedOn: string;
  @ApiProperty(namedEnum('PlacementReturnReason', RETURN_REASONS)) @IsIn(RETURN_REASONS) reason: ReturnReason;
  @IsOptional() @Transform(trim) @IsString() @Length(1, 2000) note?: string;
  /** The version you read; a stale one is refused with 409. */
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class PlacementQuery extends PageQuery {
  @IsOptional() @IsUUID() agencyId?: string;
  /** The placement a complaint names by its code. */
  @IsOptional() @Transform(upper) @Matches(/^[A-Z0-9]{10}$/, { message: 'checkCode must be the 10-character code of a placement' }) checkCode?: string;
  @IsOptional() @Transform(upper) @Matches(COUNTRY, { message: 'destinationCountry must be an ISO 3166-1 alpha-2 code' }) destinationCountry?: string;
  @ApiPropertyOptional(namedEnum('PlacementStatus', PLACEMENT_STATUSES)) @IsOptional() @IsIn(PLACEMENT_STATUSES) status?: PlacementStatus;
  @ApiPropertyOptional(namedEnum('PlacementReturnReason', RETURN_REASONS)) @IsOptional() @IsIn(RETURN_REASONS) returnReason?: ReturnReason;
  /** Departures on or after this date. */
  @IsOptional() @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) from?: string;
  /** Departures on or before this date. */
  @IsOptional() @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) to?: string;
}

export const SUMMARY_GROUPS = ['destination', 'province', 'month', 'agency'] as const;
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number];

export class PlacementSummaryQuery {
  @ApiProperty(namedEnum('PlacementSummaryGroup', SUMMARY_GROUPS)) @IsIn(SUMMARY_GROUPS) groupBy: SummaryGroup;
  @IsOptional() @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) from?: string;
  @IsOptional() @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' }) @IsDateString({ strict: true }) to?: string;
  @IsOptional() @Transform(upper) @Matches(COUNTRY, { message: 'destinationCountry must be an ISO 3166-1 alpha-2 code' }) destinationCountry?: string;
}

export class PublicPlacementQuery {
  /** The last four characters of the worker's ID number. */
  @ApiProperty({ example: '1234' }) @Transform(upper) @Matches(/^\d{3}[\dX]$/, { message: 'idLast4 must be the last four characters of the ID number' }) idLast4: string;
}

const CLAUSE_KINDS = ['monthly_wage_minimum', 'max_hours_per_week', 'min_rest_days_per_week', 'duration_months', 'insurance', 'return_travel_employer', 'no_worker_fees', 'documents_not_retained', 'dispute_resolution', 'signed_before_departure'] as const;

export class ClauseRequest {
  @ApiProperty({ ...namedEnum('PlacementClauseKind', CLAUSE_KINDS), example: 'max_hours_per_week' }) @IsIn(CLAUSE_KINDS)
  kind: string;
  /** `max`, `min`, `minLength` as the kind reads them. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) @IsOptional() params?: Record<string, number>;
  @Transform(trim) @IsString() @Length(1, 200) titleZh: string;
  @Transform(trim) @IsString() @Length(1, 200) titleEn: string;
  @Transform(trim) @IsString() @Length(1, 500) sourceTitle: string;
  @Matches(/^https?:\/\/[^\s]{3,500}$/, { message: 'sourceUrl must be an http(s) address' }) sourceUrl: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000) sortOrder?: number;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateClauseRequest extends ClauseRequest {
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'code must be 2 to 40 lower-case letters, digits and dashes' }) code: string;
}

export class UpdateClauseRequest extends ClauseRequest {
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class DestinationRequest {
  @Transform(trim) @IsString() @Length(1, 100) nameZh: string;
  @Transform(trim) @IsString() @Length(1, 100) nameEn: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0.01) minimumMonthlyWage?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'wageCurrency must be an ISO 4217 code' }) wageCurrency?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(/^https?:\/\/[^\s]{3,500}$/, { message: 'wageSourceUrl must be an http(s) address' }) wageSourceUrl?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(/^\+?[0-9][0-9 -]{1,30}$/, { message: 'helpLineNumber must be a telephone number' }) helpLineNumber?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(1, 100) helpLineNameZh?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(1, 100) helpLineNameEn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(/^https?:\/\/[^\s]{3,500}$/, { message: 'helpLineSourceUrl must be an http(s) address' }) helpLineSourceUrl?: string | null;
  /** The version you read when changing a destination; omit it to add one. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}
