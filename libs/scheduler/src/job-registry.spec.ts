import { AppConfig } from '@app/core';
import { JobRegistry } from './job-registry';

const job = (name: string, cron = '0 8 * * *') => ({ name, cron, description: { en: 'test', zh: '测试' }, run: async () => ({}) });

describe('JobRegistry', () => {
  it('lists registered jobs by name', () => {
    const registry = new JobRegistry();
    registry.register(job('licence-expiry'));
    registry.register(job('a-job'));
    expect(registry.all().map((j) => j.name)).toEqual(['a-job', 'licence-expiry']);
    expect(registry.get('licence-expiry')?.cron).toBe('0 8 * * *');
    expect(registry.get('nope')).toBeUndefined();
  });

  it('refuses a job registered twice', () => {
    const registry = new JobRegistry();
    registry.register(job('twice'));
    expect(() => registry.register(job('twice'))).toThrow(/registered twice/);
  });

  it('refuses a malformed cron or name at registration, not at run time', () => {
    const registry = new JobRegistry();
    expect(() => registry.register(job('bad-cron', 'every morning'))).toThrow();
    expect(() => registry.register(job('Bad Name'))).toThrow(/kebab-case/);
  });

  it('takes a cron from JOB_CRON_OVERRIDES over the default, and names overrides of unknown jobs', () => {
    const config = { get: (key: string) => (key === 'JOB_CRON_OVERRIDES' ? 'fast=* * * * * *; missing=0 1 * * *' : undefined) } as unknown as AppConfig;
    const registry = new JobRegistry(config);
    registry.register(job('fast'));
    registry.register(job('untouched'));
    expect(registry.get('fast')?.cron).toBe('* * * * * *');
    expect(registry.isOverridden('fast')).toBe(true);
    expect(registry.get('untouched')?.cron).toBe('0 8 * * *');
    expect(registry.unknownOverrides()).toEqual(['missing']);
  });

  it('refuses a malformed override cron at registration', () => {
    const config = { get: () => 'fast=every second' } as unknown as AppConfig;
    expect(() => new JobRegistry(config).register(job('fast'))).toThrow();
  });
});
