import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { BackupService } from './backup.service';
import { PgTools } from './pg-tools';
import { RestoreService } from './restore.service';

/** pg_dump backups with a manifest, and restores checked against it (`npm run backup`, `npm run restore`). */
@Module({
  imports: [AuditModule],
  providers: [BackupService, RestoreService, PgTools],
  exports: [BackupService, RestoreService],
})
export class BackupModule {}
