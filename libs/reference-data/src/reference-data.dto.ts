import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const PHONE_NUMBER = /^\+?[0-9][0-9 -]{1,30}$/;
const SOURCE_URL = /^https?:\/\/[^\s]{3,500}$/;
const COUNTRY = /^[A-Z]{2}$/;

export class HelpLineRequest {
  /** As dialled: `12333`, `+86-10-12308`. */
  @Matches(PHONE_NUMBER, { message: 'number must be a telephone number of digits, spaces and dashes' }) number: string;
  @Transform(trim) @IsString() @Length(1, 100) nameZh: string;
  @Transform(trim) @IsString() @Length(1, 100) nameEn: string;
  @Transform(trim) @IsString() @Length(1, 1000) descriptionZh: string;
  @Transform(trim) @IsString() @Length(1, 1000) descriptionEn: string;
  /** Where the number is published (http or https). */
  @Matches(SOURCE_URL, { message: 'sourceUrl must be an http(s) address' }) sourceUrl: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000) sortOrder?: number;
}

export class UpdateHelpLineRequest extends HelpLineRequest {
  /** The version you read; a stale one is refused with 409. */
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class CountryNoteRequest {
  /** ISO 3166-1 alpha-2; null for advice that holds for every destination. */
  @ApiPropertyOptional({ nullable: true, type: String, example: 'SG' })
  @ValidateIf((_object, value) => value !== null)
  @Matches(COUNTRY, { message: 'countryCode must be an ISO 3166-1 alpha-2 code, or null' })
  countryCode: string | null;

  @Transform(trim) @IsString() @Length(1, 200) titleZh: string;
  @Transform(trim) @IsString() @Length(1, 200) titleEn: string;
  @Transform(trim) @IsString() @Length(1, 2000) bodyZh: string;
  @Transform(trim) @IsString() @Length(1, 2000) bodyEn: string;
  @Matches(SOURCE_URL, { message: 'sourceUrl must be an http(s) address' }) sourceUrl: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000) sortOrder?: number;
}

export class UpdateCountryNoteRequest extends CountryNoteRequest {
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class VersionQuery {
  /** The version you read; a stale one is refused with 409. */
  @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class CountryNotesQuery {
  /** ISO 3166-1 alpha-2: this country's notes and those for every destination. Without it, all notes. */
  @IsOptional() @Matches(COUNTRY, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country?: string;
}

export class PublicHelpLine {
  @ApiProperty() id: string;
  @ApiProperty({ example: '12333' }) number: string;
  /** In the request's language (Accept-Language; Chinese by default). */
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() sourceUrl: string;
  @ApiProperty() sortOrder: number;
}

export class PublicHelpLines {
  @ApiProperty({ type: [PublicHelpLine] }) items: PublicHelpLine[];
}

export class PublicCountryNote {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) countryCode: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty() sourceUrl: string;
}

export class PublicCountryNotes {
  @ApiProperty({ type: [PublicCountryNote] }) items: PublicCountryNote[];
}

export class AdminHelpLine {
  @ApiProperty() id: string;
  @ApiProperty() number: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() descriptionZh: string;
  @ApiProperty() descriptionEn: string;
  @ApiProperty() sourceUrl: string;
  @ApiProperty() sortOrder: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class AdminHelpLines {
  @ApiProperty({ type: [AdminHelpLine] }) items: AdminHelpLine[];
}

export class AdminCountryNote {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) countryCode: string | null;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() bodyZh: string;
  @ApiProperty() bodyEn: string;
  @ApiProperty() sourceUrl: string;
  @ApiProperty() sortOrder: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class AdminCountryNotes {
  @ApiProperty({ type: [AdminCountryNote] }) items: AdminCountryNote[];
}
