import { Injectable, Module, Scope } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { AppConfig } from '@app/core';
import { JobContext, JobCounts } from './job';
import { JobDiscovery } from './job-discovery';
import { JobRegistry } from './job-registry';
import { ScheduledJob } from './scheduled-job.decorator';

/** A job declared by the decorator alone: no registration code anywhere. */
@Injectable()
class TallyJob {
  private runs = 0;

  @ScheduledJob({ name: 'tally', cron: '15 6 * * *', description: { en: 'Counts its runs', zh: '计数' } })
  async run(context: JobContext): Promise<JobCounts> {
    this.runs += 1;
    return { runs: this.runs, day: Number(context.today.slice(-2)) };
  }

  @ScheduledJob({ name: 'only-with-backup-dir', cron: '0 1 * * *', description: { en: 'Conditional', zh: '有条件' }, enabled: (config) => Boolean(config.get('BACKUP_DIR')) })
  async conditional(): Promise<JobCounts> {
    return {};
  }

  /** Not a job: a plain method beside them. */
  helper(): number {
    return this.runs;
  }
}

@Injectable({ scope: Scope.REQUEST })
class PerRequestJob {
  @ScheduledJob({ name: 'per-request', cron: '0 1 * * *', description: { en: 'Invalid', zh: '无效' } })
  async run(): Promise<JobCounts> {
    return {};
  }
}

const config = { get: () => undefined } as unknown as AppConfig;

async function contextWith(...jobs: (new (...args: never[]) => unknown)[]) {
  @Module({ imports: [DiscoveryModule], providers: [JobRegistry, JobDiscovery, { provide: AppConfig, useValue: config }, ...jobs] })
  class TestModule {}
  return NestFactory.createApplicationContext(TestModule, { logger: false });
}

describe('JobDiscovery', () => {
  it('registers a @ScheduledJob method of any provider at init, and running it calls the method on that instance', async () => {
    const app = await contextWith(TallyJob);
    try {
      const registry = app.get(JobRegistry);
      expect(registry.all().map((job) => job.name)).toEqual(['tally']);
      const job = registry.get('tally')!;
      expect(job).toMatchObject({ cron: '15 6 * * *', description: { en: 'Counts its runs', zh: '计数' } });
      const context = { runId: '1', startedAt: new Date(), today: '2026-05-07' };
      expect(await job.run(context)).toEqual({ runs: 1, day: 7 });
      expect(await job.run(context)).toEqual({ runs: 2, day: 7 });
      expect(app.get(TallyJob).helper()).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('refuses to start with a job on a provider that is not a singleton', async () => {
    await expect(contextWith(PerRequestJob)).rejects.toThrow(/per-request.*not a singleton/);
  });
});
