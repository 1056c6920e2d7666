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
      en: 'pg_dump of the database to BACKUP_DIR with a manifest (counts, audit chain head); keeps the last BACKUP_KEEP',
      zh: '用 pg_dump 把数据库备份到 BACKUP_DIR,附清单(计数、审计链头),保留最近 BACKUP_KEEP 份',
    },
    enabled: (config) => Boolean(config.get('BACKUP_DIR')),
  })
  async run(): Promise<JobCounts> {
    const { manifest, pruned } = await this.backups.backup();
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    return { bytes: manifest.sizeBytes, tables: Object.keys(manifest.tables).length, rows, pruned: pruned.length };
  }
}

