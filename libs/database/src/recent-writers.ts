import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/core';

/**
 * Who wrote in the last few seconds, so their next reads go to the primary (read your writes).
 * Shared through Redis (REDIS_URL) by every API process, since a user's next request may reach
 * another one; without REDIS_URL each process remembers its own. When Redis does not answer,
 * everybody counts as a recent writer: reads go to the primary, never to a stale replica.
 */
@Injectable()
export class RecentWriters implements OnApplicationShutdown {
  private readonly logger = new Logger('RecentWriters');
  private readonly local = new Map<string, number>();
  private readonly redis?: Redis;
  private readonly prefix: string;

  constructor(config: AppConfig) {
    this.prefix = `${config.get('RATE_LIMIT_KEY_PREFIX')}wrote:`;
    const url = config.get('REDIS_URL');
    // Only needed with replicas: a deployment without them opens no connection for this.
    if (url && config.get('DATABASE_REPLICA_URLS')) {
      this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 250, connectTimeout: 1_000, retryStrategy: () => 1_000, lazyConnect: false });
      this.redis.on('error', () => undefined);
    }
  }

  async note(userId: string, forMs: number): Promise<void> {
    if (!this.redis) {
      this.local.set(userId, Date.now() + forMs);
      if (this.local.size > 10_000) this.prune();
      return;
    }
    await this.redis.set(this.prefix + userId, '1', 'PX', forMs).catch((error: Error) => this.logger.warn(`Recent write not shared through Redis (${error.message})`));
  }

  async wroteRecently(userId: string): Promise<boolean> {
    if (!this.redis) return (this.local.get(userId) ?? 0) > Date.now();
    try {
      return (await this.redis.exists(this.prefix + userId)) === 1;
    } catch {
      return true;
    }
  }

  private prune(): void {
    const now = Date.now();
    for (const [user, until] of this.local) if (until <= now) this.local.delete(user);
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
