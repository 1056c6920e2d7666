/** A year of China's official calendar as a migration seeds it: [date, name in Chinese, name in English]. */
export interface SeedCalendarYear {
  year: number;
  /** Where the data came from, kept on the row. */
  source: string;
  /** Public holidays, weekend days inside a holiday included. */
  holidays: readonly (readonly [string, string, string])[];
  /** Weekend days declared working days (调休), with the holiday they make up for. */
  workingDays: readonly (readonly [string, string, string])[];
}
