import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { PUBLIC_REGISTER_CHANNEL } from '@app/agencies';
import { AppConfig } from '@app/core';

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
  private listener: Client | undefined;
  private listening = false;
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
  }

  /** The generation to pass to `set` after a look-up that started now. */
  begin(): number {
    return this.generation;
  }

  get<T>(key: string): T | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.storedAt > TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  set<T>(key: string, value: T, dependsOn: string[], generation: number): void {
    if (!this.listening || generation !== this.generation) return;
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

  private async listen(): Promise<void> {
    const url = this.config.appDatabaseUrl;
    if (!url || this.closed) return;
    const client = new Client({ connectionString: url, application_name: 'agency-registry-cache-listener' });
    client.on('notification', (message) => this.evict((message.payload ?? '*').split(' ')));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_REGISTER_CHANNEL}`);
      this.listener = client;
      this.listening = true;
      // Anything cached before (re)connecting may have missed a notification.
      this.evict(['*']);
    } catch (error) {
      this.logger.warn(`Verification cache off until the database answers: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.retryLater();
    }
  }

  private lost(client: Client): void {
    if (this.listener !== client) return;
    this.listening = false;
    this.listener = undefined;
    this.evict(['*']);
    this.retryLater();
  }

  private retryLater(): void {
    if (!this.closed) setTimeout(() => void this.listen(), 2_000).unref();
  }
}
