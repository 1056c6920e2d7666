import { Pool } from 'pg';

/**
 * The raw server's SLA moment, as the API computes it (now, and the business date 2 working days
 * of the official calendar after today, from which a deadline is "due soon"): the calendar read
 * once, the date worked out once per day.
 */
export interface RawSlaMoment {
  now: Date;
  dueSoonUntil: string;
}

const businessDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export function slaMoments(pool: Pool): () => Promise<RawSlaMoment> {
  let days: Promise<{ holidays: Set<string>; workingDays: Set<string> }> | undefined;
  let known: { today: string; dueSoonUntil: string } | undefined;
  const load = async () => {
    const { rows } = await pool.query<{ holidays: { date: string }[]; working_days: { date: string }[] }>(`SELECT holidays, working_days FROM working_calendar_years`);
    return {
      holidays: new Set(rows.flatMap((r) => r.holidays.map((d) => d.date))),
      workingDays: new Set(rows.flatMap((r) => r.working_days.map((d) => d.date))),
    };
  };
  return async () => {
    const now = new Date();
    const today = businessDate.format(now);
    if (known?.today !== today) {
      const calendar = await (days ??= load());
      let date = today;
      for (let left = 2; left > 0; ) {
        date = nextDay(date);
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (calendar.workingDays.has(date) || (!calendar.holidays.has(date) && weekday !== 0 && weekday !== 6)) left -= 1;
      }
      known = { today, dueSoonUntil: date };
    }
    return { now, dueSoonUntil: known.dueSoonUntil };
  };
}

/** A deadline's business date (Asia/Shanghai). */
export const businessDateOf = (instant: Date): string => businessDate.format(instant);
