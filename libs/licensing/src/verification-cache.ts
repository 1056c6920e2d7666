import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PUBLIC_REGISTER_CHANNEL } from '@app/agencies';
import { AppConfig } from '@app/core';
import { ListenedCache } from '@app/database';

/** In a notification's payload or an eviction: every answer, not only those of some licences. */
const EVERYTHING = '*';

/**
 * Answers of public verification, kept in memory for a minute at most and evicted by the public
 * register's NOTIFY (payload: the licence numbers and USCCs that changed, space-separated) or
 * right after commit in this process (see ListenedCache: nothing is kept while the channel is not
 * heard, and a look-up that raced a change does not store its stale answer).
 */
@Injectable()
export class VerificationCache implements OnModuleInit, OnModuleDestroy {
  private readonly cache: ListenedCache<string, unknown>;

  constructor(config: AppConfig) {
    this.cache = new ListenedCache({
      url: config.appDatabaseUrl,
      channel: PUBLIC_REGISTER_CHANNEL,
      applicationName: 'agency-registry-cache-listener',
      whileDeaf: 'Verification cache off',
      logger: new Logger(VerificationCache.name),
      maxEntries: 50_000,
      ttlMs: 60_000,
      tagsOf: (payload) => everythingOr((payload ?? EVERYTHING).split(' ')),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.cache.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache.close();
  }

  /** The generation to pass to `set` after a look-up that started now. */
  begin(): number {
    return this.cache.begin();
  }

  get<T>(key: string): T | undefined {
    return this.cache.get(key) as T | undefined;
  }

  /** `dependsOn`: the licence numbers and USCCs the answer depends on, its key among them. */
  set<T>(key: string, value: T, dependsOn: string[], generation: number): void {
    this.cache.set(key, value, generation, dependsOn);
  }

  /** Whether the answers of `key` (or all) were evicted in the last `ms` (see ListenedCache.evictedWithin). */
  evictedWithin(ms: number, key: string): boolean {
    return this.cache.evictedWithin(ms, [key]);
  }

  /** Drops every answer that depends on one of these licence numbers or USCCs ('*': everything). */
  evict(keys: string[]): void {
    this.cache.evict(everythingOr(keys));
  }
}

const everythingOr = (keys: readonly string[]): readonly string[] | undefined => (keys.includes(EVERYTHING) ? undefined : keys);
