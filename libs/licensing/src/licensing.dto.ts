import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LICENCE_STATUSES, LicenceStatus } from '@app/agencies';
import { PageQuery } from '@app/core';
import { APPLICATION_KINDS, APPLICATION_STATUSES, ApplicationKind, ApplicationStatus } from './licence-application.entity';
import { LICENCE_EVENT_KINDS, LICENCE_TYPES, LicenceType } from './licence.entity';

export class LicenceScopeDto {
  /** What the holder may do, e.g. `job_placement`, `overseas_placement`, `recruitment_advertising`. */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 60, { each: true })
  activities: string[];

  /** ISO 3166-1 alpha-2 codes, for placement abroad. */
  @IsArray() @ArrayMaxSize(100) @Matches(/^[A-Z]{2}$/, { each: true, message: 'each destination country must be an ISO 3166-1 alpha-2 code' })
  destinationCountries: string[];
}

export class LicenceQuery extends PageQuery {
  @IsOptional() @IsIn(LICENCE_STATUSES) status?: LicenceStatus;
  @IsOptional() @IsIn(LICENCE_TYPES) licenceType?: LicenceType;
  @IsOptional() @IsUUID() agencyId?: string;
  /** Licences expiring on or before this date (YYYY-MM-DD). */
  @IsOptional() @IsDateString({ strict: true }) expiringBefore?: string;
  @IsOptional() @Matches(/^\d{2,6}$/, { message: 'jurisdiction must be 2 to 6 digits of a division code' }) jurisdiction?: string;
}

export class TransitionRequest {
  @IsString() @Length(3, 1000) reason: string;
  /** The version you read; when given, a stale one is refused with 409. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

export class SuspendRequest extends TransitionRequest {
  /** Last day of the suspension (YYYY-MM-DD); open-ended when omitted. */
  @IsOptional() @IsDateString({ strict: true }) until?: string;
}

export class LicenceEventView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LICENCE_EVENT_KINDS }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) details: Record<string, unknown> | null;
  @ApiProperty() actorUsername: string;
  @ApiProperty() occurredAt: Date;
}

export class LicenceView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '350000-2026-000001' }) licenceNumber: string;
  @ApiProperty() agencyId: string;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty({ enum: LICENCE_TYPES }) licenceType: LicenceType;
  @ApiProperty({ type: LicenceScopeDto }) scope: LicenceScopeDto;
  @ApiProperty() issuedByBureauId: string;
  @ApiProperty({ enum: LICENCE_STATUSES }) status: LicenceStatus;
  @ApiProperty({ example: '2026-01-01' }) validFrom: string;
  @ApiProperty({ example: '2031-01-01' }) expiresOn: string;
  @ApiProperty() term: number;
  @ApiPropertyOptional({ nullable: true, type: String }) suspendedUntil: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) conditions: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) reserveFundAmount: number | null;
  @ApiProperty() version: number;
}

export class LicenceWithEvents extends LicenceView {
  @ApiProperty({ type: [LicenceEventView] }) events: LicenceEventView[];
}

export class ApplicationQuery extends PageQuery {
  @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @IsOptional() @IsIn(APPLICATION_KINDS) kind?: ApplicationKind;
  @IsOptional() @IsUUID() agencyId?: string;
}

export class CreateApplicationRequest {
  /** Required for a bureau admin; an agency user applies for its own agency. */
  @IsOptional() @IsUUID() agencyId?: string;
  @IsIn(APPLICATION_KINDS) kind: ApplicationKind;
  /** For a new licence. */
  @IsOptional() @IsIn(LICENCE_TYPES) licenceType?: LicenceType;
  /** For a renewal or a variation: the licence concerned. */
  @IsOptional() @IsUUID() licenceId?: string;
  /** Required for new licences and variations of scope; a renewal keeps the licence's scope when omitted. */
  @IsOptional() @ValidateNested() @Type(() => LicenceScopeDto) scope?: LicenceScopeDto;
  @IsOptional() @IsString() @MaxLength(2000) conditions?: string;
  /** Yuan; required for labour service cooperation. */
  @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) reserveFundAmount?: number;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ResubmitApplicationRequest {
  @Type(() => Number) @IsInt() @Min(1) version: number;
  @IsOptional() @ValidateNested() @Type(() => LicenceScopeDto) scope?: LicenceScopeDto;
  @IsOptional() @IsString() @MaxLength(2000) conditions?: string;
  @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) reserveFundAmount?: number;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class StartReviewRequest {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

export class DecisionRequest {
  @IsIn(['approve', 'refuse', 'return']) decision: 'approve' | 'refuse' | 'return';
  /** Required to refuse or return. */
  @IsOptional() @IsString() @Length(3, 2000) reason?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

export class ApplicationView {
  @ApiProperty() id: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ enum: APPLICATION_KINDS }) kind: ApplicationKind;
  @ApiProperty({ enum: LICENCE_TYPES }) licenceType: LicenceType;
  @ApiPropertyOptional({ nullable: true, type: String }) licenceId: string | null;
  @ApiProperty({ type: LicenceScopeDto }) requestedScope: LicenceScopeDto;
  @ApiPropertyOptional({ nullable: true, type: String }) requestedConditions: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) reserveFundAmount: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) decisionReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resultingLicenceId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() version: number;
}

export class PublicAgencyQuery extends PageQuery {
  /** Part of the agency's Chinese or English name, or its USCC. */
  @IsOptional() @IsString() @Length(1, 100) q?: string;
  /** Province: `35` or `350000`. */
  @IsOptional() @Matches(/^\d{2}(0000)?$/, { message: 'province must be a province code such as 35 or 350000' }) province?: string;
  /** Agencies holding a licence in this status. */
  @IsOptional() @IsIn(LICENCE_STATUSES) status?: LicenceStatus;
}

export class AgencySuggestionQuery {
  /** The start of a licence number or USCC, or part of the agency's Chinese or English name. */
  @IsString() @Length(2, 100) q: string;
}

export class AgencySuggestion {
  @ApiProperty() uscc: string;
  @ApiProperty() nameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nameEn: string | null;
  /** Newest first. */
  @ApiProperty({ type: [String] }) licenceNumbers: string[];
}

export class AgencySuggestions {
  @ApiProperty({ type: [AgencySuggestion] }) items: AgencySuggestion[];
}

export class PublicLicenceSummary {
  @ApiProperty() licenceNumber: string;
  @ApiProperty({ enum: LICENCE_TYPES }) licenceType: LicenceType;
  @ApiProperty({ enum: LICENCE_STATUSES }) status: LicenceStatus;
  @ApiProperty() expiresOn: string;
}

export class PublicAgency {
  @ApiProperty() uscc: string;
  @ApiProperty() nameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() agencyType: string;
  @ApiProperty({ type: [PublicLicenceSummary] }) licences: PublicLicenceSummary[];
}

export class LicenceVerification {
  /** Whether the holder may recruit today: the licence is active and today is within its validity. */
  @ApiProperty() valid: boolean;
  @ApiProperty() licenceNumber: string;
  @ApiProperty({ enum: LICENCE_STATUSES }) status: LicenceStatus;
  @ApiProperty() explanation: string;
  @ApiProperty({ type: PublicAgency }) agency: Omit<PublicAgency, 'licences'>;
  @ApiProperty({ enum: LICENCE_TYPES }) licenceType: LicenceType;
  @ApiProperty({ type: LicenceScopeDto }) scope: LicenceScopeDto;
  @ApiProperty() validFrom: string;
  @ApiProperty() expiresOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) suspendedUntil: string | null;
  @ApiProperty() issuingBureau: string;
  @ApiProperty({ description: 'The date (Asia/Shanghai) the answer is for' }) checkedOn: string;
  @ApiPropertyOptional({ type: [PublicLicenceSummary], description: 'Other licences of the same agency (a look-up by USCC)' })
  otherLicences?: PublicLicenceSummary[];
}
