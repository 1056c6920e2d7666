import { MemoryWindowCounters } from './memory-window-counters';

describe('MemoryWindowCounters', () => {
  let now: number;
  let counters: MemoryWindowCounters;

  beforeEach(() => {
    now = 1_000_000;
    counters = new MemoryWindowCounters(() => now);
  });
  afterEach(() => counters.onApplicationShutdown());

  it('counts hits of a key within its window and blocks past the limit until the window ends', () => {
    expect(counters.hit('k', 60_000, 2)).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    now += 30_000;
    expect(counters.hit('k', 60_000, 2)).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(counters.hit('k', 60_000, 2)).toEqual({ totalHits: 3, timeToExpire: 30, isBlocked: true, timeToBlockExpire: 30 });
  });

  it('starts a new window once the old one has ended', () => {
    counters.hit('k', 60_000, 1);
    counters.hit('k', 60_000, 1);
    now += 60_000;
    expect(counters.hit('k', 60_000, 1)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('keeps keys apart', () => {
    counters.hit('a', 60_000, 1);
    expect(counters.hit('b', 60_000, 1)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('drops ended windows when it sweeps, and only those', () => {
    counters.hit('old', 1_000, 5);
    now += 500;
    counters.hit('new', 1_000, 5);
    now += 600;
    counters.sweep();
    expect(counters.size).toBe(1);
    expect(counters.hit('new', 1_000, 5)).toMatchObject({ totalHits: 2 });
  });
});
