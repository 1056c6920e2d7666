import { Alert, Button, message as antMessage } from 'antd';
import { useState } from 'react';
import type { components } from '@/lib/api/schema';
import { useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useWorkingCalendar } from './api/get-working-calendar';
import { useSaveWorkingCalendar } from './api/save-working-calendar';
import '@/components/styles/dashboard.css';
import './calendar.css';

type Day = components['schemas']['CalendarDayView'];
type Kind = 'normal' | 'holiday' | 'working';
interface Draft {
  holidays: Map<string, Day>;
  workingDays: Map<string, Day>;
}

const NEXT: Record<Kind, Kind> = { normal: 'holiday', holiday: 'working', working: 'normal' };
const pad = (n: number) => String(n).padStart(2, '0');

/** A year's working calendar as twelve month grids: click a day to make it a holiday, a working weekend day, or ordinary. */
export function CalendarAdminPage() {
  const t = useT();
  const [message, messageHolder] = antMessage.useMessage();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const calendar = useWorkingCalendar(year);
  const saved = calendar.data;
  const draft: Draft = drafts[year] ?? {
    holidays: new Map((saved?.holidays ?? []).map((d) => [d.date, d])),
    workingDays: new Map((saved?.workingDays ?? []).map((d) => [d.date, d])),
  };
  const kindOf = (date: string): Kind => (draft.holidays.has(date) ? 'holiday' : draft.workingDays.has(date) ? 'working' : 'normal');

  const toggle = (date: string) => {
    const holidays = new Map(draft.holidays);
    const workingDays = new Map(draft.workingDays);
    const previous = holidays.get(date) ?? workingDays.get(date) ?? { date, nameZh: null, nameEn: null };
    holidays.delete(date);
    workingDays.delete(date);
    const next = NEXT[kindOf(date)];
    if (next === 'holiday') holidays.set(date, previous);
    if (next === 'working') workingDays.set(date, previous);
    setDrafts({ ...drafts, [year]: { holidays, workingDays } });
  };

  const save = useSaveWorkingCalendar(year, {
    onSuccess: () => {
      void message.success(t.calendarAdmin.saved);
      const rest = { ...drafts };
      delete rest[year];
      setDrafts(rest);
    },
  });
  const days = (map: Map<string, Day>) =>
    [...map.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).map((d) => ({ date: d.date, ...(d.nameZh ? { nameZh: d.nameZh } : {}), ...(d.nameEn ? { nameEn: d.nameEn } : {}) }));
  const kindName = (kind: Kind) => (kind === 'holiday' ? t.calendarAdmin.holiday : kind === 'working' ? t.calendarAdmin.workingDay : t.calendarAdmin.normal);

  return (
    <div className="stack wide-page">
      {messageHolder}
      <PageHeading title={t.calendarAdmin.title} intro={t.calendarAdmin.intro} />
      <div className="panel-heading panel">
        <div className="year-switch">
          <Button onClick={() => setYear(year - 1)} aria-label={`${t.calendarAdmin.year} ${year - 1}`}>
            ←
          </Button>
          <strong data-testid="calendar-year">{year}</strong>
          <Button onClick={() => setYear(year + 1)} aria-label={`${t.calendarAdmin.year} ${year + 1}`}>
            →
          </Button>
        </div>
        <div className="calendar-legend" aria-hidden="true">
          <span className="day holiday">{t.calendarAdmin.holiday}</span>
          <span className="day working">{t.calendarAdmin.workingDay}</span>
        </div>
        <span>
          {t.calendarAdmin.holidays(draft.holidays.size)} · {t.calendarAdmin.workingDays(draft.workingDays.size)}
          {saved && <span className="agency-meta-inline"> · {t.calendarAdmin.source(saved.source)}</span>}
        </span>
        <Button type="primary" onClick={() => save.mutate({ version: saved?.version ?? 0, holidays: days(draft.holidays), workingDays: days(draft.workingDays) })} loading={save.isPending} disabled={calendar.isPending || !drafts[year]}>
          {t.calendarAdmin.save}
        </Button>
      </div>
      {save.error && <ProblemAlert error={save.error} />}
      {calendar.isPending && <Loading />}
      {calendar.error && <ProblemAlert error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.data === null && <Alert type="info" showIcon title={t.calendarAdmin.notEntered} />}
      {calendar.data !== undefined && (
        <div className="months" data-testid="calendar">
          {Array.from({ length: 12 }, (_, m) => (
            <section key={m} className="month" aria-label={t.calendarAdmin.month(m + 1)}>
              <h2>{t.calendarAdmin.month(m + 1)}</h2>
              <div className="month-grid">
                {t.calendarAdmin.weekdays.map((w) => (
                  <span key={w} className="weekday" aria-hidden="true">
                    {w}
                  </span>
                ))}
                {monthCells(year, m).map((cell, index) => {
                  if (!cell) return <span key={`blank-${index}`} />;
                  const date = `${year}-${pad(m + 1)}-${pad(cell.day)}`;
                  const kind = kindOf(date);
                  const name = draft.holidays.get(date) ?? draft.workingDays.get(date);
                  return (
                    <button
                      type="button"
                      key={date}
                      data-date={date}
                      className={`day ${kind}${cell.weekend ? ' weekend' : ''}`}
                      aria-pressed={kind !== 'normal'}
                      aria-label={t.calendarAdmin.dayLabel(date, kindName(kind))}
                      title={name?.nameZh ?? name?.nameEn ?? undefined}
                      onClick={() => toggle(date)}
                    >
                      {cell.day}
                    </button>
                  );
                })}
              </div>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

/** A month's days laid out Monday first, blanks before the 1st. */
function monthCells(year: number, month: number): ({ day: number; weekend: boolean } | null)[] {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const lead = (first + 6) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => {
      const weekday = new Date(Date.UTC(year, month, i + 1)).getUTCDay();
      return { day: i + 1, weekend: weekday === 0 || weekday === 6 };
    }),
  ];
}
