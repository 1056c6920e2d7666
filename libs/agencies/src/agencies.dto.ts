import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery, namedEnum } from '@app/core';
import { AGENCY_TYPES, AgencyType, RiskFactor } from './agency.entity';
import { IsUscc } from './uscc';

export const LICENCE_STATUSES = ['active', 'suspended', 'revoked', 'surrendered', 'expired'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

const CITY_CODE = /^\d{6}$/;

export class AgencyQuery extends PageQuery {
  /** Part of the Chinese or English name. */
  @IsOptional() @IsString() @Length(1, 100) name?: string;
  /** The USCC, whole or its beginning. */
  @IsOptional() @Matches(/^[0-9A-HJ-NP-RTUW-Y]{1,18}$/, { message: 'uscc must be up to 18 USCC characters' }) uscc?: string;
  /** A division code or its prefix: `35` Fujian, `3501` Fuzhou. */
  @IsOptional() @Matches(/^\d{2,6}$/, { message: 'jurisdiction must be 2 to 6 digits of a division code' }) jurisdiction?: string;
  @ApiPropertyOptional(namedEnum('AgencyType', AGENCY_TYPES)) @IsOptional() @IsIn(AGENCY_TYPES) agencyType?: AgencyType;
  /** Agencies holding at least one licence in this status. */
  @ApiPropertyOptional(namedEnum('LicenceStatus', LICENCE_STATUSES)) @IsOptional() @IsIn(LICENCE_STATUSES) licenceStatus?: LicenceStatus;
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(100) minRisk?: number;
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(100) maxRisk?: number;
}

export class CreateAgencyRequest {
  /** Unified social credit code, 18 characters, check character verified. */
  @IsUscc() uscc: string;
  @IsString() @Length(1, 200) nameZh: string;
  @IsOptional() @IsString() @MaxLength(200) nameEn?: string;
  @IsString() @Length(1, 100) legalRepresentative: string;
  @IsString() @Length(1, 300) address: string;
  /** City-level division code, e.g. `350100`. */
  @Matches(CITY_CODE, { message: 'jurisdictionCode must be a 6-digit division code' }) jurisdictionCode: string;
  @ApiProperty(namedEnum('AgencyType', AGENCY_TYPES)) @IsIn(AGENCY_TYPES) agencyType: AgencyType;
  @IsOptional() @IsString() @MaxLength(100) contactName?: string;
  @IsOptional() @Matches(/^[0-9+()\- ]{5,30}$/, { message: 'contactPhone must be a phone number' }) contactPhone?: string;
  @IsOptional() @IsEmail() @MaxLength(254) contactEmail?: string;
}

export class UpdateAgencyRequest {
  /** The version you read; a stale one is refused with 409. */
  @Type(() => Number) @IsInt() @Min(1) version: number;
  @IsOptional() @IsString() @Length(1, 200) nameZh?: string;
  @IsOptional() @IsString() @MaxLength(200) nameEn?: string;
  @IsOptional() @IsString() @Length(1, 100) legalRepresentative?: string;
  @IsOptional() @IsString() @Length(1, 300) address?: string;
  @IsOptional() @Matches(CITY_CODE, { message: 'jurisdictionCode must be a 6-digit division code' }) jurisdictionCode?: string;
  @ApiPropertyOptional(namedEnum('AgencyType', AGENCY_TYPES)) @IsOptional() @IsIn(AGENCY_TYPES) agencyType?: AgencyType;
  @IsOptional() @IsString() @MaxLength(100) contactName?: string;
  @IsOptional() @Matches(/^[0-9+()\- ]{5,30}$/, { message: 'contactPhone must be a phone number' }) contactPhone?: string;
  @IsOptional() @IsEmail() @MaxLength(254) contactEmail?: string;
}

/** Fields an agency's own staff may change; the rest is the bureau's to change. */
export const AGENCY_SELF_SERVICE_FIELDS = ['version', 'nameEn', 'address', 'contactName', 'contactPhone', 'contactEmail'] as const;

export class RiskFactorView implements RiskFactor {
  @ApiProperty({ example: 'substantiated_complaints' }) factor: string;
  @ApiProperty() points: number;
  @ApiProperty() detail: string;
}

export class AgencyView {
  @ApiProperty() id: string;
  @ApiProperty() uscc: string;
  @ApiProperty() nameZh: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty() legalRepresentative: string;
  @ApiProperty() address: string;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty(namedEnum('AgencyType', AGENCY_TYPES)) agencyType: AgencyType;
  @ApiPropertyOptional({ nullable: true, type: String }) contactName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactPhone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactEmail: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) riskScore: number | null;
  @ApiPropertyOptional({ nullable: true, type: [RiskFactorView] }) riskFactors: RiskFactorView[] | null;
  /** When riskScore was last worked out (the lists send it). */
  @ApiPropertyOptional({ nullable: true, type: Date }) riskComputedAt?: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional() updatedAt?: Date;
  @ApiProperty() version: number;
}

export class ImportProblem {
  /** Line of the file (the header is line 1). */
  @ApiProperty() line: number;
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

export class ImportResult {
  @ApiProperty() imported: number;
}
