import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PUBLIC_REGISTER_CHANNEL } from '@app/agencies';
import { AppConfig } from '@app/core';
import { NotificationListener } from '@app/database';

const MAX_ENTRIES = 50_000;
const TTL_MS = 60_000;

interface Entry<T> {
  value: T;
  storedAt: number;
  /** Licence numbers and USCCs the answer depends on. */
  keys: string[];
}

/**
 * Answers of public verification, kept in memory for a minute at most. A change is announced
 * with NOTIFY in the transaction that makes it (so every API process hears it at commit) and
 * evicted locally right after commit. While the LISTEN connection is down nothing is served from
 * the cache. A generation counter keeps a look-up that raced a change from storing its stale answer.
 */
@Injectable()
export class VerificationCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(VerificationCache.name);
  private readonly entries = new Map<string, Entry<unknown>>();
  private generation = 0;
  private readonly listener: NotificationListener;

  constructor(config: AppConfig) {
    this.listener = new NotificationListener({
      url: config.appDatabaseUrl,
      channel: PUBLIC_REGISTER_CHANNEL,
      applicationName: 'agency-registry-cache-listener',
      whileDeaf: 'Verification cache off',
      logger: this.logger,
      onMessage: (payload) => this.evict((payload ?? '*').split(' ')),
      onGapInHearing: () => this.evict(['*']),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.close();
  }

  /** The generation to pass to `set` after a look-up that started now. */
  begin(): number {
    return this.generation;
  }

  get<T>(key: string): T | undefined {
    if (!this.listener.hearing) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.storedAt > TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  set<T>(key: string, value: T, dependsOn: string[], generation: number): void {
    if (!this.listener.hearing || generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, storedAt: Date.now(), keys: dependsOn });
  }

  /** Drops every answer that depends on one of these licence numbers or USCCs ('*': everything). */
  evict(keys: string[]): void {
    this.generation += 1;
    if (keys.includes('*')) {
      this.entries.clear();
      return;
    }
    const wanted = new Set(keys);
    for (const [key, entry] of this.entries) {
      if (wanted.has(key) || entry.keys.some((k) => wanted.has(k))) this.entries.delete(key);
    }
  }
}
