import { Body, Controller, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChangeRoute, Problems, ReadRoute } from '@app/core';
import { Allow, BUREAU_ROLES } from '@app/access';
import { WorkingCalendarYearBody, WorkingCalendarYearView } from './working-calendar.dto';
import { WorkingCalendarAdminService } from './working-calendar-admin.service';

const FIRST_YEAR = 1949;
const LAST_YEAR = 2200;

/** A year path parameter; anything else is a field-level 400. */
const YearParam = () =>
  Param(
    'year',
    new ParseIntPipe({ exceptionFactory: () => Problems.invalid([{ field: 'year', message: 'year must be a year, e.g. 2026' }]) }),
    {
      transform: (year: number) => {
        if (year < FIRST_YEAR || year > LAST_YEAR) throw Problems.invalid([{ field: 'year', message: `year must be between ${FIRST_YEAR} and ${LAST_YEAR}` }]);
        return year;
      },
    },
  );

@ApiTags('admin')
@Controller('admin/working-calendar')
export class WorkingCalendarController {
  constructor(private readonly admin: WorkingCalendarAdminService) {}

  @ReadRoute(':year', { summary: "A year of the working calendar: public holidays and working weekend days (调休); 404 for a year not entered (it counts Monday to Friday)", type: WorkingCalendarYearView })
  @Allow('system_admin', ...BUREAU_ROLES)
  get(@YearParam() year: number): Promise<WorkingCalendarYearView> {
    return this.admin.get(year);
  }

  @ChangeRoute('PUT', ':year', { summary: 'Replace (or enter, with version 0) a year of the working calendar; deadlines computed from then on follow it', type: WorkingCalendarYearView })
  @Allow('system_admin')
  put(@YearParam() year: number, @Body() body: WorkingCalendarYearBody): Promise<WorkingCalendarYearView> {
    return this.admin.replace(year, body);
  }
}
