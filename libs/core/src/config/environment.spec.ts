import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, validateEnvironment } from './environment';

/** What production needs to know the API sits behind a TLS proxy. */
const PRODUCTION_TLS = { PUBLIC_BASE_URL: 'https://registry.example.cn', TRUST_PROXY: 'true' };

describe('validateEnvironment', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'env-spec-'));

  it('applies defaults and converts types', () => {
    const env = validateEnvironment({ PORT: '8080', DATA_DIR: dataDir(), TRUST_PROXY: 'true' });
    expect(env).toMatchObject({ PORT: 8080, NODE_ENV: 'development', DB_POOL_SIZE: 10, JWT_ACCESS_TTL_SECONDS: 900, TRUST_PROXY: true });
  });

  it('turns on the demo seed and in-process jobs only for the embedded database', () => {
    expect(validateEnvironment({ DATA_DIR: dataDir() })).toMatchObject({ DEMO_SEED: true, RUN_JOBS: true });
    expect(validateEnvironment({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://x@h/db' })).toMatchObject({ DEMO_SEED: false, RUN_JOBS: false });
  });

  it('backs up to DATA_DIR/backups by default only for the embedded database', () => {
    const dir = dataDir();
    expect(validateEnvironment({ DATA_DIR: dir })).toMatchObject({ BACKUP_DIR: join(dir, 'backups'), BACKUP_KEEP: 14 });
    expect(validateEnvironment({ DATA_DIR: dir, DATABASE_URL: 'postgres://x@h/db' }).BACKUP_DIR).toBeUndefined();
    expect(validateEnvironment({ DATA_DIR: dir, DATABASE_URL: 'postgres://x@h/db', BACKUP_DIR: '/mnt/b' }).BACKUP_DIR).toBe('/mnt/b');
  });

  it('generates a development JWT secret once and keeps it under DATA_DIR', () => {
    const dir = dataDir();
    const first = validateEnvironment({ DATA_DIR: dir }).JWT_SECRET;
    expect(first).toHaveLength(64);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(validateEnvironment({ DATA_DIR: dir }).JWT_SECRET).toBe(first);
  });

  it('refuses to start in production without a database and a strong secret', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(ConfigurationError);
    try {
      validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'short', DATA_DIR: dataDir() });
    } catch (error) {
      expect((error as Error).message).toMatch(/DATABASE_URL: required/);
      expect((error as Error).message).toMatch(/JWT_SECRET must be at least 32 bytes/);
    }
    expect(() => validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'short', DATA_DIR: dataDir() })).toThrow(/JWT_SECRET/);
    expect(validateEnvironment({ ...PRODUCTION_TLS, NODE_ENV: 'production', DATABASE_URL: 'postgres://db/registry', JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: 'a'.repeat(64) }).NODE_ENV).toBe('production');
  });

  it('refuses to start in production without an https PUBLIC_BASE_URL behind a trusted TLS proxy (the refresh cookie would not be Secure)', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/registry', JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: 'a'.repeat(64), DATA_DIR: dataDir() };
    expect(() => validateEnvironment(production)).toThrow(/PUBLIC_BASE_URL: must be an https address[\s\S]*TRUST_PROXY: must be true when NODE_ENV=production/);
    expect(() => validateEnvironment({ ...production, PUBLIC_BASE_URL: 'https://registry.example.cn' })).toThrow(/TRUST_PROXY: must be true/);
    expect(() => validateEnvironment({ ...production, TRUST_PROXY: 'true' })).toThrow(/PUBLIC_BASE_URL: must be an https address/);
    expect(validateEnvironment({ ...production, ...PRODUCTION_TLS })).toMatchObject({ TRUST_PROXY: true, PUBLIC_BASE_URL: 'https://registry.example.cn' });
    // Development and tests serve plain HTTP on their own.
    expect(validateEnvironment({ DATA_DIR: dataDir() }).TRUST_PROXY).toBe(false);
  });

  it('names every invalid variable', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', DB_POOL_SIZE: '0', LOG_LEVEL: 'loud', DATA_DIR: dataDir() })).toThrow(
      /PORT[\s\S]*DB_POOL_SIZE[\s\S]*LOG_LEVEL/,
    );
  });

  it('refuses the retired HOLIDAYS instead of ignoring holidays someone counts on', () => {
    expect(() => validateEnvironment({ HOLIDAYS: '2026-10-01', DATA_DIR: dataDir() })).toThrow(/HOLIDAYS: retired.*working-calendar/);
    expect(validateEnvironment({ HOLIDAYS: '', DATA_DIR: dataDir() }).NODE_ENV).toBe('development');
  });

  it('checks the shape of JOB_CRON_OVERRIDES', () => {
    expect(validateEnvironment({ JOB_CRON_OVERRIDES: 'notification-delivery=* * * * * *;complaint-sla=0 */2 * * *', DATA_DIR: dataDir() }).JOB_CRON_OVERRIDES).toMatch(/^notification/);
    expect(() => validateEnvironment({ JOB_CRON_OVERRIDES: 'notification-delivery', DATA_DIR: dataDir() })).toThrow(/JOB_CRON_OVERRIDES/);
  });

  it('takes DATABASE_REPLICA_URLS as postgres:// addresses separated by commas, and nothing else', () => {
    const env = validateEnvironment({ DATABASE_REPLICA_URLS: 'postgres://app:pw@replica-1:5432/registry, postgresql://app:pw@replica-2/registry', DATA_DIR: dataDir() });
    expect(env.DATABASE_REPLICA_URLS).toMatch(/^postgres:/);
    expect(env.REPLICA_MAX_LAG_SECONDS).toBe(30);
    expect(() => validateEnvironment({ DATABASE_REPLICA_URLS: 'replica-1:5432', DATA_DIR: dataDir() })).toThrow(/DATABASE_REPLICA_URLS must be postgres:\/\/ addresses separated by commas/);
    expect(() => validateEnvironment({ REPLICA_MAX_LAG_SECONDS: '0', DATA_DIR: dataDir() })).toThrow(/REPLICA_MAX_LAG_SECONDS/);
  });
});
