import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '@app/core';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';
import { JobScheduler } from './job-scheduler';

/** Only the setting the scheduler reads; the runner is never called (no tick happens here). */
const config = (runJobs: boolean) => ({ get: (key: string) => (key === 'RUN_JOBS' ? runJobs : undefined) }) as unknown as AppConfig;
const unusedRunner = {} as JobRunner;

function schedulerWith(runJobs: boolean) {
  const registry = new JobRegistry();
  registry.register({ name: 'daily-at-eight', cron: '0 8 * * *', description: { en: 'test', zh: '测试' }, run: async () => ({}) });
  const crons = new SchedulerRegistry();
  return { scheduler: new JobScheduler(config(runJobs), registry, unusedRunner, crons), crons };
}

describe('JobScheduler', () => {
  it('starts a cron per job in Asia/Shanghai when RUN_JOBS is on, and stops them on shutdown', async () => {
    const { scheduler, crons } = schedulerWith(true);
    scheduler.onApplicationBootstrap();
    const cron = crons.getCronJob('daily-at-eight');
    expect(cron.isActive).toBe(true);
    // 08:00 in Shanghai is 00:00 UTC.
    expect(cron.nextDate().toUTC().hour).toBe(0);
    expect(cron.nextDate().setZone('Asia/Shanghai').hour).toBe(8);
    await scheduler.beforeApplicationShutdown();
    expect(cron.isActive).toBe(false);
  });

  it('starts nothing when RUN_JOBS is off (the API with a separate worker, and the tests)', () => {
    const { scheduler, crons } = schedulerWith(false);
    scheduler.onApplicationBootstrap();
    expect(crons.getCronJobs().size).toBe(0);
  });
});
