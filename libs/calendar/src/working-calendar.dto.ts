import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CalendarDayBody {
  /** YYYY-MM-DD, in the year of the path. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a YYYY-MM-DD date' })
  date: string;

  /** The holiday's name, e.g. 春节 (for a working day: the holiday it makes up for). */
  @IsOptional() @Transform(trim) @IsString() @Length(1, 60)
  nameZh?: string;

  /** e.g. Spring Festival. */
  @IsOptional() @Transform(trim) @IsString() @Length(1, 60)
  nameEn?: string;
}

export class WorkingCalendarYearBody {
  /** The version read with GET (0 for a year not entered yet); a stale one answers 409. */
  @IsInt() @Min(0)
  version: number;

  /** Every public holiday of the year, weekend days inside a holiday included. */
  @IsArray() @ArrayMaxSize(366) @ValidateNested({ each: true }) @Type(() => CalendarDayBody)
  holidays: CalendarDayBody[];

  /** The Saturdays and Sundays declared working days (调休). */
  @IsArray() @ArrayMaxSize(106) @ValidateNested({ each: true }) @Type(() => CalendarDayBody)
  workingDays: CalendarDayBody[];
}

export class CalendarDayView {
  @ApiProperty({ example: '2026-02-15' }) date: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '春节' }) nameZh: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Spring Festival' }) nameEn: string | null;
}

export class WorkingCalendarYearView {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ description: 'Send it back with PUT' }) version: number;
  @ApiProperty({ description: "Where the data came from: the package that seeded it, or 'edited'" }) source: string;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [CalendarDayView] }) holidays: CalendarDayView[];
  @ApiProperty({ type: [CalendarDayView] }) workingDays: CalendarDayView[];
}
