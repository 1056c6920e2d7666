import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { JobCounts, JobDefinition, JobRegistry, SchedulerModule } from '@app/scheduler';
import { BackupModule } from './backup.module';
import { BackupService } from './backup.service';
import { prepareBackupDirectory } from './private-files';

/** `backup`, daily at 01:30 Asia/Shanghai, before the other nightly jobs write. */
@Injectable()
export class BackupJob {
  constructor(
    private readonly backups: BackupService,
    private readonly config: AppConfig,
  ) {}

  readonly definition: JobDefinition = {
    name: 'backup',
    cron: '30 1 * * *',
    // By hand at most this often: each run keeps its dump for BACKUP_KEEP_DAYS, so a burst would fill the disk.
    manualIntervalSeconds: this.config.get('BACKUP_MANUAL_INTERVAL_MINUTES') * 60,
    description: {
      en: 'pg_dump of the database to BACKUP_DIR with a manifest (counts, audit chain head); keeps the newest BACKUP_KEEP, those of the last BACKUP_KEEP_DAYS days and one a week for 13 weeks',
      zh: '用 pg_dump 把数据库备份到 BACKUP_DIR,附清单(计数、审计链头);保留最近 BACKUP_KEEP 份、最近 BACKUP_KEEP_DAYS 天内的全部备份,以及 13 周内每周一份',
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
    private readonly backups: BackupService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.get('BACKUP_DIR')) return;
    // Refuses to start on a BACKUP_DIR other users can read, after tightening what this user owns.
    prepareBackupDirectory(this.backups.directory);
    this.jobs.register(this.job.definition);
  }
}
