import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageQuery, namedEnum } from '@app/core';
import { BUREAU_LEVELS, BureauLevel } from './bureau.entity';

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
  @IsString() @Length(1, 200) name: string;
  @ApiProperty(namedEnum('BureauLevel', BUREAU_LEVELS)) @IsIn(BUREAU_LEVELS) level: BureauLevel;
  /** The division the bureau governs; omitted for the ministry. */
  @IsOptional() @Matches(/^\d{6}$/, { message: 'jurisdictionCode must be a 6-digit division code' }) jurisdictionCode?: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class BureauView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty(namedEnum('BureauLevel', BUREAU_LEVELS)) level: BureauLevel;
  @ApiPropertyOptional({ nullable: true, type: String }) jurisdictionCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() version: number;
}
