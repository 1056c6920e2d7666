import { Logger } from '@nestjs/common';
import { ListenedCache, ListenedCacheOptions } from '@app/database';
import { withAdminClient } from './support/test-app';

/** The cache shared by public verification, public sanctions and the working calendar, against real PostgreSQL. */
describe('ListenedCache', () => {
  const url = process.env.REGISTRY_TEST_ADMIN_URL;
  // NOTIFY is per database and server: a channel of this run's own, so runs sharing a server do not meet.
  const channel = `listened_cache_test_${process.pid}`;
  const applicationName = `listened-cache-test-${process.pid}`;
  const caches: ListenedCache<string, string>[] = [];

  const cacheOf = async (options: Partial<ListenedCacheOptions> = {}) => {
    const cache = new ListenedCache<string, string>({ url, channel, applicationName, whileDeaf: 'Test cache off', logger: new Logger('ListenedCacheTest'), maxEntries: 10, ...options });
    caches.push(cache);
    await cache.start();
    return cache;
  };
  const notify = (payload: string) => withAdminClient((client) => client.query(`SELECT pg_notify($1, $2)`, [channel, payload]));
  const eventually = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    return check();
  };

  afterAll(async () => {
    await Promise.all(caches.map((cache) => cache.close()));
  });

  it('keeps a value until a NOTIFY on its channel evicts it, in every process that listens', async () => {
    const [one, other] = [await cacheOf(), await cacheOf()];
    one.set('a', 'A', one.begin());
    other.set('a', 'A', other.begin());
    expect(one.get('a')).toBe('A');
    await notify('anything');
    expect(await eventually(() => one.get('a') === undefined && other.get('a') === undefined)).toBe(true);
  });

  it('evicts only the entries tagged with what a payload names, when told how to read payloads', async () => {
    const cache = await cacheOf({ tagsOf: (payload) => payload?.split(' ') });
    cache.set('licence-1', 'one', cache.begin(), ['licence-1', 'uscc-1']);
    cache.set('licence-2', 'two', cache.begin(), ['licence-2', 'uscc-2']);
    await notify('uscc-1 something-else');
    expect(await eventually(() => cache.get('licence-1') === undefined)).toBe(true);
    expect(cache.get('licence-2')).toBe('two');
    cache.evict();
    expect(cache.get('licence-2')).toBeUndefined();
  });

  it('does not store a value read before an eviction (a look-up that raced a change)', async () => {
    const cache = await cacheOf();
    const generation = cache.begin();
    // The change commits and is announced while the look-up still reads the old row.
    cache.evict();
    cache.set('a', 'stale', generation);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'fresh', cache.begin());
    expect(cache.get('a')).toBe('fresh');
  });

  it('keeps nothing while it cannot hear the channel, and drops all it held on losing it', async () => {
    const deaf = await cacheOf({ url: 'postgres://nobody@127.0.0.1:1/none' });
    deaf.set('a', 'A', deaf.begin());
    expect(deaf.get('a')).toBeUndefined();

    const cache = await cacheOf({ applicationName: `${applicationName}-cut` });
    cache.set('a', 'A', cache.begin());
    const generation = cache.begin();
    await withAdminClient((client) => client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`${applicationName}-cut`]));
    expect(await eventually(() => cache.get('a') === undefined)).toBe(true);
    cache.set('b', 'B', cache.begin());
    expect(cache.get('b')).toBeUndefined();
    // It reconnects within seconds; what it held before the gap stays gone, and a look-up from before the gap does not store.
    expect(await eventually(() => (cache.set('c', 'C', cache.begin()), cache.get('c') === 'C'))).toBe(true);
    expect(cache.get('a')).toBeUndefined();
    cache.set('d', 'D', generation);
    expect(cache.get('d')).toBeUndefined();
  });

  it('serves an entry for its time to live only, and makes room by dropping the oldest', async () => {
    const cache = await cacheOf({ ttlMs: 100, maxEntries: 2 });
    cache.set('a', 'A', cache.begin());
    cache.set('b', 'B', cache.begin());
    cache.set('c', 'C', cache.begin());
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'B', 'C']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(cache.get('b')).toBeUndefined();
  });
});
