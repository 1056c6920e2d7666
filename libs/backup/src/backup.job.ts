import { Injectable } from '@nestjs/common';
import { JobCounts, ScheduledJob } from '@app/scheduler';
import { BackupService } from './backup.service';

/**
 * `backup`, daily at 01:30 Asia/Shanghai, before the other nightly jobs write. Only where
 * BACKUP_DIR is set (it is by default with the embedded database).
 */
@Injectable()
export class BackupJob {
  constructor(private readonly backups: BackupService) {}

  @ScheduledJob({
    name: 'backup',
    cron: '30 1 * * *',
    description: {
      en: 'pg_dump of the database to BACKUP_DIR with a manifest (counts, audit chain head); keeps the newest BACKUP_KEEP, those of the last BACKUP_KEEP_DAYS days and one a week for 13 weeks',
      zh: '用 pg_dump 把数据库备份到 BACKUP_DIR,附清单(计数、审计链头);保留最近 BACKUP_KEEP 份、最近 BACKUP_KEEP_DAYS 天内的全部备份,以及 13 周内每周一份',
    },
    enabled: (config) => Boolean(config.get('BACKUP_DIR')),
    // Each run keeps its dump for BACKUP_KEEP_DAYS: a burst by hand would fill the disk.
    manualIntervalSeconds: (config) => config.get('BACKUP_MANUAL_INTERVAL_MINUTES') * 60,
  })
  async run(): Promise<JobCounts> {
    const { manifest, pruned } = await this.backups.backup();
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    return { bytes: manifest.sizeBytes, tables: Object.keys(manifest.tables).length, rows, pruned: pruned.length };
  }
}

