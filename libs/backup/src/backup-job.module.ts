import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { JobCounts, JobDefinition, JobRegistry, SchedulerModule } from '@app/scheduler';
import { BackupModule } from './backup.module';
import { BackupService } from './backup.service';

/** `backup`, daily at 01:30 Asia/Shanghai, before the other nightly jobs write. */
@Injectable()
export class BackupJob {
  constructor(private readonly backups: BackupService) {}

  readonly definition: JobDefinition = {
    name: 'backup',
    cron: '30 1 * * *',
    description: {
      en: 'pg_dump of the database to BACKUP_DIR with a manifest (counts, audit chain head); keeps the last BACKUP_KEEP',
      zh: '用 pg_dump 把数据库备份到 BACKUP_DIR,附清单(计数、审计链头),保留最近 BACKUP_KEEP 份',
    },
    run: () => this.run(),
  };

  async run(): Promise<JobCounts> {
    const { manifest, pruned } = await this.backups.backup();
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    return { bytes: manifest.sizeBytes, tables: Object.keys(manifest.tables).length, rows, pruned: pruned.length };
  }
}

/**
 * Registers the backup job when BACKUP_DIR is set (it is by default with the embedded database).
 * Imported by the API and the worker.
 */
@Module({
  imports: [BackupModule, SchedulerModule],
  providers: [BackupJob],
})
export class BackupJobModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly job: BackupJob,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.get('BACKUP_DIR')) this.jobs.register(this.job.definition);
  }
}
