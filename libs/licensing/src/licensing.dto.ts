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
import { PageQuery, namedEnum, UpdatedSince } from '@app/core';
import { APPLICATION_KINDS, APPLICATION_PROCEDURES, APPLICATION_STATUSES, ApplicationKind, ApplicationProcedure, ApplicationStatus } from './licence-application.entity';
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
  @ApiPropertyOptional(namedEnum('LicenceStatus', LICENCE_STATUSES)) @IsOptional() @IsIn(LICENCE_STATUSES) status?: LicenceStatus;
  @ApiPropertyOptional(namedEnum('LicenceType', LICENCE_TYPES)) @IsOptional() @IsIn(LICENCE_TYPES) licenceType?: LicenceType;
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
  @ApiProperty(namedEnum('LicenceEventKind', LICENCE_EVENT_KINDS)) kind: string;
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
  @ApiProperty(namedEnum('LicenceType', LICENCE_TYPES)) licenceType: LicenceType;
  @ApiProperty({ type: LicenceScopeDto }) scope: LicenceScopeDto;
  @ApiProperty({ description: "The holder's Chinese name", example: '福州海峡人力资源有限公司' }) agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The holder's English name, when it has one" }) agencyNameEn: string | null;
  @ApiProperty() issuedByBureauId: string;
  @ApiProperty({ description: 'The issuing bureau by name', example: 'Fujian HRSS' }) issuedByBureauName: string;
  @ApiProperty(namedEnum('LicenceStatus', LICENCE_STATUSES)) status: LicenceStatus;
  @ApiProperty({ example: '2026-01-01' }) validFrom: string;
  @ApiProperty({ example: '2031-01-01' }) expiresOn: string;
  @ApiProperty() term: number;
  @ApiPropertyOptional({ nullable: true, type: String }) suspendedUntil: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) conditions: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) reserveFundAmount: number | null;
  @ApiProperty() version: number;
  /** When the licence was recorded and last changed (the lists send them). */
  @ApiPropertyOptional() createdAt?: Date;
  @ApiPropertyOptional() updatedAt?: Date;
}

export class LicenceWithEvents extends LicenceView {
  @ApiProperty({ type: [LicenceEventView] }) events: LicenceEventView[];
}

export class ApplicationQuery extends PageQuery {
  @ApiPropertyOptional(namedEnum('LicenceApplicationStatus', APPLICATION_STATUSES)) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @ApiPropertyOptional(namedEnum('LicenceApplicationKind', APPLICATION_KINDS)) @IsOptional() @IsIn(APPLICATION_KINDS) kind?: ApplicationKind;
  @IsOptional() @IsUUID() agencyId?: string;
}

/** The applicant's signed commitment (告知承诺书). */
export class SignedCommitmentDto {
  /** Who signed for the applicant (its legal representative). */
  @ApiProperty() @IsString() @Length(2, 100) signatory: string;
  /** What the applicant commits to: that it meets the licensing conditions, and accepts revocation if it does not. */
  @ApiProperty() @IsString() @Length(10, 4000) statement: string;
  @ApiProperty({ example: '2026-03-02' }) @IsDateString({ strict: true }) signedOn: string;
}

export class CreateApplicationRequest {
  /** Required for a bureau admin; an agency user applies for its own agency. */
  @IsOptional() @IsUUID() agencyId?: string;
  @ApiProperty(namedEnum('LicenceApplicationKind', APPLICATION_KINDS)) @IsIn(APPLICATION_KINDS) kind: ApplicationKind;
  /** For a new licence. */
  @ApiPropertyOptional(namedEnum('LicenceType', LICENCE_TYPES)) @IsOptional() @IsIn(LICENCE_TYPES) licenceType?: LicenceType;
  /** For a renewal or a variation: the licence concerned. */
  @IsOptional() @IsUUID() licenceId?: string;
  /** Required for new licences and variations of scope; a renewal keeps the licence's scope when omitted. */
  @IsOptional() @ValidateNested() @Type(() => LicenceScopeDto) scope?: LicenceScopeDto;
  @IsOptional() @IsString() @MaxLength(2000) conditions?: string;
  /** Yuan; required for labour service cooperation. */
  @IsOptional() @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) reserveFundAmount?: number;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
  /** `commitment` (告知承诺制, new licences only): approved on the signed commitment, verified on site within a month. */
  @ApiPropertyOptional(namedEnum('LicenceApplicationProcedure', APPLICATION_PROCEDURES)) @IsOptional() @IsIn(APPLICATION_PROCEDURES) procedure?: ApplicationProcedure;
  /** Required with procedure `commitment`. */
  @ApiPropertyOptional({ type: SignedCommitmentDto }) @IsOptional() @ValidateNested() @Type(() => SignedCommitmentDto) commitment?: SignedCommitmentDto;
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
  @ApiProperty(namedEnum('LicenceApplicationDecision', ['approve', 'refuse', 'return'])) @IsIn(['approve', 'refuse', 'return']) decision: 'approve' | 'refuse' | 'return';
  /** Required to refuse or return. */
  @IsOptional() @IsString() @Length(3, 2000) reason?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

export class ApplicationView {
  @ApiProperty() id: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ description: "The applicant's Chinese name" }) agencyNameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The applicant's English name, when it has one" }) agencyNameEn: string | null;
  @ApiProperty(namedEnum('LicenceApplicationKind', APPLICATION_KINDS)) kind: ApplicationKind;
  @ApiProperty(namedEnum('LicenceType', LICENCE_TYPES)) licenceType: LicenceType;
  @ApiPropertyOptional({ nullable: true, type: String }) licenceId: string | null;
  @ApiProperty({ type: LicenceScopeDto }) requestedScope: LicenceScopeDto;
  @ApiPropertyOptional({ nullable: true, type: String }) requestedConditions: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) reserveFundAmount: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty(namedEnum('LicenceApplicationProcedure', APPLICATION_PROCEDURES)) procedure: ApplicationProcedure;
  @ApiPropertyOptional({ nullable: true, type: SignedCommitmentDto }) commitment: SignedCommitmentDto | null;
  @ApiProperty(namedEnum('LicenceApplicationStatus', APPLICATION_STATUSES)) status: ApplicationStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) decisionReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resultingLicenceId: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '350000-2026-000001',
    description: 'The licence concerned: the one renewed or varied, or the one an approval issued; null for a new licence not yet approved',
  })
  licenceNumber: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() version: number;
}

export class PublicAgencyQuery extends PageQuery {
  /** Part of the agency's Chinese or English name, or its USCC. */
  @IsOptional() @IsString() @Length(1, 100) q?: string;
  /** Province: `35` or `350000`. */
  @IsOptional() @Matches(/^\d{2}(0000)?$/, { message: 'province must be a province code such as 35 or 350000' }) province?: string;
  /** Agencies holding a licence in this status. */
  @ApiPropertyOptional(namedEnum('LicenceStatus', LICENCE_STATUSES)) @IsOptional() @IsIn(LICENCE_STATUSES) status?: LicenceStatus;
  /** Agencies whose public entry (name, licences, credit grade) changed at or after this instant. */
  @UpdatedSince() updatedSince?: string;
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
  @ApiProperty(namedEnum('LicenceType', LICENCE_TYPES)) licenceType: LicenceType;
  @ApiProperty(namedEnum('LicenceStatus', LICENCE_STATUSES)) status: LicenceStatus;
  @ApiProperty() expiresOn: string;
}

/** One reason behind an agency's demerit points (a decided sanction's case number, or a substantiated complaint's severity). */
export class PublicCreditReason {
  @ApiProperty() points: number;
  @ApiProperty({ description: 'In the language of Accept-Language where the route has one (verification), else as stored' }) reason: string;
  @ApiProperty({ example: '投诉经查属实（紧急程度：高）' }) reasonZh: string;
  @ApiProperty({ example: 'Substantiated complaint (severity high)' }) reasonEn: string;
  @ApiProperty() awardedOn: string;
}

export class PublicAgency {
  @ApiProperty() uscc: string;
  @ApiProperty() nameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty() agencyType: string;
  /** Credit grade from demerit points (A best, D worst); null before the first grading. */
  @ApiPropertyOptional({ nullable: true, ...namedEnum('CreditGrade', ['A', 'B', 'C', 'D']) }) creditGrade: 'A' | 'B' | 'C' | 'D' | null;
  /** Demerit points over the last 24 months, and their reasons. */
  @ApiPropertyOptional({ nullable: true, type: Number }) creditPoints: number | null;
  @ApiProperty({ type: [PublicCreditReason] }) creditReasons: PublicCreditReason[];
  @ApiProperty({ type: [PublicLicenceSummary] }) licences: PublicLicenceSummary[];
  /** Whether the public sanctions list names this agency, so a link to it is shown only then. */
  @ApiProperty() hasSanctions: boolean;
}

/** Whether a licence lets its holder place workers in one country. */
export class DestinationCoverage {
  @ApiProperty({ example: 'JP' }) country: string;
  /** The licence is valid today and its scope names the country. */
  @ApiProperty() covered: boolean;
  /** In the reader's language, e.g. "不包括日本——不要签约". */
  @ApiProperty() explanation: string;
}

export class VerificationQuery {
  /** ISO 3166-1 alpha-2 code of the country the worker is going to. */
  @ApiPropertyOptional({ example: 'JP' }) @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'destination must be an ISO 3166-1 alpha-2 code' })
  destination?: string;
}

export class LicenceVerification {
  /** Whether the holder may recruit today: the licence is active and today is within its validity. */
  @ApiProperty() valid: boolean;
  @ApiProperty() licenceNumber: string;
  @ApiProperty(namedEnum('LicenceStatus', LICENCE_STATUSES)) status: LicenceStatus;
  @ApiProperty() explanation: string;
  @ApiProperty({ type: PublicAgency }) agency: Omit<PublicAgency, 'licences'>;
  @ApiProperty(namedEnum('LicenceType', LICENCE_TYPES)) licenceType: LicenceType;
  @ApiProperty({ type: LicenceScopeDto }) scope: LicenceScopeDto;
  @ApiProperty() validFrom: string;
  @ApiProperty() expiresOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) suspendedUntil: string | null;
  /** The day it was revoked (Asia/Shanghai), when revoked: the end of its validity, not expiresOn. */
  @ApiPropertyOptional({ nullable: true, type: String }) revokedOn: string | null;
  /** The day it was surrendered, when surrendered. */
  @ApiPropertyOptional({ nullable: true, type: String }) surrenderedOn: string | null;
  /** The last day it was valid, when it has expired. */
  @ApiPropertyOptional({ nullable: true, type: String }) expiredOn: string | null;
  /** The agency's registered office address and phone, so a fake office using a real number can be spotted. */
  @ApiProperty() registeredAddress: string;
  @ApiPropertyOptional({ nullable: true, type: String }) registeredPhone: string | null;
  @ApiPropertyOptional({ type: DestinationCoverage, description: 'With ?destination=: whether this licence covers that country' })
  destination?: DestinationCoverage;
  /** By name, in the reader's language (the Chinese name when it has no English one). */
  @ApiProperty() issuingBureau: string;
  @ApiProperty({ description: 'The date (Asia/Shanghai) the answer is for' }) checkedOn: string;
  @ApiPropertyOptional({ type: [PublicLicenceSummary], description: 'Other licences of the same agency (a look-up by USCC)' })
  otherLicences?: PublicLicenceSummary[];
}
