import { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';

/** What a ThrottlerStorage answers for one hit (the package does not export the type). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  endsAt: number;
}

/**
 * Fixed-window counters in this process's memory: one map entry per key, read and bumped once
 * per request (no list of hits to scan). Windows that have ended are dropped by a sweep once a
 * minute, so memory follows the number of callers seen in the last minute.
 */
export class MemoryWindowCounters implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number = Date.now,
    sweepEveryMs = 60_000,
  ) {
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs).unref();
  }

  increment(key: string, windowMs: number, limit: number): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.hit(key, windowMs, limit));
  }

  hit(key: string, windowMs: number, limit: number): ThrottlerStorageRecord {
    const now = this.now();
    let window = this.windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return recordOf(window.hits, window.endsAt - now, limit);
  }

  /** Keys with a window still open (the sweep's effect is visible through it). */
  get size(): number {
    return this.windows.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) {
      if (window.endsAt <= now) this.windows.delete(key);
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}

/** The record @nestjs/throttler's storages answer with; times in whole seconds. */
export function recordOf(hits: number, msLeft: number, limit: number): ThrottlerStorageRecord {
  const secondsLeft = Math.max(1, Math.ceil(msLeft / 1000));
  const isBlocked = hits > limit;
  return { totalHits: hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
}
