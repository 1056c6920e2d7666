import { NotificationListener, NotificationListenerOptions } from './notification-listener';

export interface ListenedCacheOptions extends Omit<NotificationListenerOptions, 'onMessage' | 'onGapInHearing'> {
  /** Beyond it the oldest entry makes room. */
  maxEntries: number;
  /** How long an entry may be served; none: until evicted. */
  ttlMs?: number;
  /**
   * The tags a notification's payload evicts (see `set`); undefined: everything. Without this
   * option every notification evicts everything.
   */
  tagsOf?(payload: string | undefined): readonly string[] | undefined;
}

interface Entry<V> {
  value: V;
  storedAt: number;
  tags: readonly string[] | undefined;
}

/**
 * An in-memory cache kept coherent across API processes by PostgreSQL LISTEN/NOTIFY: a change is
 * NOTIFYed in the transaction that makes it, so every process evicts at commit, and the process
 * that made it calls `evict` at once. While the LISTEN connection is down (or before `start`)
 * nothing is served or stored, since a notification may be missed. A look-up takes `begin()`
 * before reading and hands it to `set`, so an answer read before an eviction is not stored.
 */
export class ListenedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private generation = 0;
  /** When everything was last evicted, and each tag (bounded): see `evictedWithin`. */
  private everythingEvictedAt = 0;
  private readonly tagEvictedAt = new Map<string, number>();
  private readonly listener: NotificationListener;

  constructor(private readonly options: ListenedCacheOptions) {
    this.listener = new NotificationListener({
      ...options,
      onMessage: (payload) => this.evict(options.tagsOf?.(payload)),
      onGapInHearing: () => this.evict(),
    });
  }

  /** Starts listening; until the LISTEN connection is up the cache keeps nothing. */
  start(): Promise<void> {
    return this.listener.start();
  }

  close(): Promise<void> {
    return this.listener.close();
  }

  /** The generation to pass to `set` after a look-up that started now. */
  begin(): number {
    return this.generation;
  }

  /** On the hot path of public verification: synchronous, and allocates nothing. */
  get(key: K): V | undefined {
    if (!this.listener.hearing) return undefined;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.options.ttlMs !== undefined && Date.now() - entry.storedAt > this.options.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * Stores a value unless something was evicted since `generation` was taken or the channel is
   * not heard. `tags` name what the value depends on, for evictions of some entries only.
   */
  set(key: K, value: V, generation: number, tags?: readonly string[]): void {
    if (!this.listener.hearing || generation !== this.generation) return;
    if (this.entries.size >= this.options.maxEntries && !this.entries.has(key)) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, storedAt: this.options.ttlMs === undefined ? 0 : Date.now(), tags });
  }

  /**
   * Whether everything, or one of `tags`, was evicted in the last `ms`: a read replica may not have
   * replayed that change yet (NOTIFY comes from the primary), so such a look-up reads the primary.
   */
  evictedWithin(ms: number, tags: readonly string[]): boolean {
    const since = Date.now() - ms;
    if (this.everythingEvictedAt > since) return true;
    return tags.some((tag) => (this.tagEvictedAt.get(tag) ?? 0) > since);
  }

  /** Drops an entry if it still holds this value (e.g. a cached promise that rejected). */
  drop(key: K, value: V): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }

  /** Drops the entries tagged with one of `tags`, or every entry without them; a look-up under way will not store. */
  evict(tags?: readonly string[]): void {
    this.generation += 1;
    const now = Date.now();
    if (tags === undefined) {
      this.everythingEvictedAt = now;
      this.tagEvictedAt.clear();
      this.entries.clear();
      return;
    }
    if (this.tagEvictedAt.size + tags.length > this.options.maxEntries) {
      // Forgetting the tags is safe only if every look-up counts as just evicted for a while.
      this.tagEvictedAt.clear();
      this.everythingEvictedAt = now;
    }
    for (const tag of tags) {
      this.tagEvictedAt.delete(tag);
      this.tagEvictedAt.set(tag, now);
    }
    const wanted = new Set(tags);
    for (const [key, entry] of this.entries) {
      if (entry.tags?.some((tag) => wanted.has(tag))) this.entries.delete(key);
    }
  }
}
