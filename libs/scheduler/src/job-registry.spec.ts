import { JobRegistry } from './job-registry';

const job = (name: string, cron = '0 8 * * *') => ({ name, cron, description: 'test', run: async () => ({}) });

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
});
