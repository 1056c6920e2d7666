import { backupBaseName, retainedBackups } from './backup-files';

const at = (iso: string) => `/b/${backupBaseName(new Date(iso))}.dump`;

describe('backup retention', () => {
  const now = new Date('2026-06-30T02:00:00Z');

  it('keeps the newest BACKUP_KEEP, every backup of the last BACKUP_KEEP_DAYS and the newest of each of 13 weeks', () => {
    const daily = Array.from({ length: 120 }, (_, i) => at(new Date(now.getTime() - (119 - i) * 86_400_000).toISOString()));
    const kept = retainedBackups(daily, { keep: 3, keepDays: 14 }, now);
    // 14 days, plus one in each of the 11 older weeks of the quarter.
    expect(kept.size).toBe(14 + 11);
    expect(daily.slice(-14).every((dump) => kept.has(dump))).toBe(true);
    expect(kept.has(daily[0])).toBe(false);
  });

  it('keeps the older history when a burst of backups follows it (counting alone kept only the burst)', () => {
    const history = ['2026-06-01T01:30:00Z', '2026-06-10T01:30:00Z', '2026-06-20T01:30:00Z'].map(at);
    const burst = Array.from({ length: 15 }, (_, i) => at(new Date(now.getTime() - 15_000 + i * 1000).toISOString()));
    const kept = retainedBackups([...history, ...burst], { keep: 3, keepDays: 14 }, now);
    expect(history.every((dump) => kept.has(dump))).toBe(true);
    expect(burst.every((dump) => kept.has(dump))).toBe(true);
  });
});
