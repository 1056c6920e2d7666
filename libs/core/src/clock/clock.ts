import { Injectable } from '@nestjs/common';

/** Licence dates and deadlines are calendar dates in this zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const dateFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let lastMinute = NaN;
let lastDate = '';

/**
 * The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. Days there start on a whole
 * minute, so the date is formatted once a minute at most (it is asked on every verification).
 */
export function businessDateOf(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = dateFormatter.format(instant);
    lastMinute = minute;
  }
  return lastDate;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Where all time comes from, so tests can move "today". */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in Asia/Shanghai. */
  today(): string {
    return businessDateOf(this.now());
  }
}

/** A clock the tests set by hand. */
export class SettableClock extends Clock {
  private current: Date;

  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start);
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
