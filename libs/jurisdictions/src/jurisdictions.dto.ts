import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery, namedEnum } from '@app/core';
import { BUREAU_LEVELS, BUREAU_STATUSES, BureauLevel, BureauStatus } from './bureau.entity';

export class JurisdictionQuery {
  @ApiPropertyOptional(namedEnum('JurisdictionLevel', ['province', 'city', 'county'])) @IsOptional() @IsIn(['province', 'city', 'county']) level?: 'province' | 'city' | 'county';
  /** Children of this division, e.g. `350000` for Fujian's cities. */
  @IsOptional() @Matches(/^\d{6}$/, { message: 'parentCode must be a 6-digit division code' }) parentCode?: string;
}

export class BureauQuery extends PageQuery {
  @ApiPropertyOptional(namedEnum('BureauLevel', BUREAU_LEVELS)) @IsOptional() @IsIn(BUREAU_LEVELS) level?: BureauLevel;
  /** Bureaus whose division code starts with this (2 digits: a province and its cities). */
  @IsOptional() @Matches(/^\d{2,6}$/, { message: 'jurisdiction must be 2 to 6 digits of a division code' }) jurisdiction?: string;
}

export class CreateBureauRequest {
  /** The Chinese (official) name. */
  @IsString() @Length(1, 200) name: string;
  /** The English name, shown on English pages. */
  @IsOptional() @IsString() @Length(1, 200) nameEn?: string;
  @ApiProperty(namedEnum('BureauLevel', BUREAU_LEVELS)) @IsIn(BUREAU_LEVELS) level: BureauLevel;
  /** The division the bureau governs; omitted for the ministry. */
  @IsOptional() @Matches(/^\d{6}$/, { message: 'jurisdictionCode must be a 6-digit division code' }) jurisdictionCode?: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class UpdateBureauRequest {
  /** The version you read; a stale one is refused with 409. */
  @Type(() => Number) @IsInt() @Min(1) version: number;
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  /** The English name; null removes it. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @Length(1, 200) nameEn?: string | null;
  /** The bureau's address for notices; null removes it. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsEmail() @MaxLength(254) email?: string | null;
  /** Disabling is refused while active users belong to the bureau: move or disable them first. */
  @ApiPropertyOptional(namedEnum('BureauStatus', BUREAU_STATUSES)) @IsOptional() @IsIn(BUREAU_STATUSES) status?: BureauStatus;
}

export class BureauView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The Chinese (official) name', example: '福建省人力资源和社会保障厅' }) name: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The English name', example: 'Fujian HRSS Department' }) nameEn: string | null;
  @ApiProperty(namedEnum('BureauLevel', BUREAU_LEVELS)) level: BureauLevel;
  @ApiPropertyOptional({ nullable: true, type: String }) jurisdictionCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiProperty(namedEnum('BureauStatus', BUREAU_STATUSES)) status: BureauStatus;
  @ApiProperty() createdAt: Date;
  @ApiProperty() version: number;
}
