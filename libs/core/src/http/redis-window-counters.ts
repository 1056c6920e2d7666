import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { recordOf, ThrottlerStorageRecord } from './memory-window-counters';

/** One round trip: bump the window's counter, start its expiry with the first hit, read what is left. */
const WINDOW_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return {hits, left}`;

type WindowClient = Redis & { rateWindow(key: string, windowMs: number): Promise<[number, number]> };

/**
 * Fixed-window counters in Redis, shared by every API process that points at the same server:
 * INCR of one key per window, so a request costs one script call whatever the traffic. Commands
 * fail at once while the connection is down (no offline queue) and after 250 ms on a server that
 * does not answer; the guard then lets the request through or refuses it, per budget.
 */
export class RedisWindowCounters implements ThrottlerStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: WindowClient;
  private reachable = true;

  constructor(
    url: string,
    private readonly keyPrefix: string,
  ) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      enableAutoPipelining: true,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      connectTimeout: 1_000,
      // Keep trying to come back, once a second, for as long as the process lives.
      retryStrategy: () => 1_000,
    }) as WindowClient;
    this.redis.defineCommand('rateWindow', { numberOfKeys: 1, lua: WINDOW_SCRIPT });
    this.redis.on('error', (error: Error) => {
      if (!this.reachable) return;
      this.reachable = false;
      this.logger.warn(`Redis for rate limits unreachable (${error.message}): sign-in refused, other routes unlimited until it is back`);
    });
    this.redis.on('ready', () => {
      if (this.reachable) return;
      this.reachable = true;
      this.logger.log('Redis for rate limits reachable again');
    });
  }

  /** Waits briefly for the first connection, so the first sign-ins are not refused; starts without it otherwise. */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, 2_000);
      this.redis.once('ready', done);
    });
  }

  async increment(key: string, windowMs: number, limit: number): Promise<ThrottlerStorageRecord> {
    const [hits, msLeft] = await this.redis.rateWindow(this.keyPrefix + key, windowMs);
    return recordOf(hits, msLeft, limit);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
