import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { BackupService } from './backup.service';
import { PgTools } from './pg-tools';
import { RestoreService } from './restore.service';
import { BackupJob } from './backup.job';

/** pg_dump backups with a manifest, and restores checked against it (`npm run backup`, `npm run restore`). */
@Module({
  imports: [AuditModule],
  providers: [BackupService, RestoreService, PgTools, BackupJob],
  exports: [BackupService, RestoreService],
})
export class BackupModule {}
