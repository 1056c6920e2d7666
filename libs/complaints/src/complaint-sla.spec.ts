import { Complaint } from './complaint.entity';
import { slaStatusOf } from './complaint-views';

/** Deadlines end at 23:59:59.999 in Asia/Shanghai; dueSoonUntil is today + 2 working days. */
const endOf = (date: string) => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000 - 1);
const complaint = (changes: Partial<Complaint>) =>
  ({ status: 'investigating', acknowledgedAt: new Date('2026-03-02T02:00:00Z'), ackDueAt: endOf('2026-03-06'), resolveDueAt: endOf('2026-05-29'), ...changes }) as Complaint;

describe('slaStatusOf', () => {
  const now = new Date('2026-05-25T02:00:00Z'); // Monday 25 May, 10:00 in Shanghai
  it('is amber from 2 working days before the running deadline, green before', () => {
    expect(slaStatusOf(complaint({}), { now, dueSoonUntil: '2026-05-27' })).toBe('on_track');
    expect(slaStatusOf(complaint({ resolveDueAt: endOf('2026-05-27') }), { now, dueSoonUntil: '2026-05-27' })).toBe('due_soon');
  });

  it('counts the acknowledgement deadline until the complaint is acknowledged', () => {
    expect(slaStatusOf(complaint({ status: 'received', acknowledgedAt: null, ackDueAt: endOf('2026-05-26') }), { now, dueSoonUntil: '2026-05-27' })).toBe('due_soon');
  });

  it('is red when open past a deadline, stopped once disposed of', () => {
    expect(slaStatusOf(complaint({ resolveDueAt: endOf('2026-05-22') }), { now, dueSoonUntil: '2026-05-27' })).toBe('breached');
    expect(slaStatusOf(complaint({ status: 'resolved', resolveDueAt: endOf('2026-05-22') }), { now, dueSoonUntil: '2026-05-27' })).toBe('stopped');
  });
});
