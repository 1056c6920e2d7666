export * from './backup.module';
export * from './backup.job';
export * from './backup.service';
export * from './restore.service';
export * from './backup-files';
export * from './pg-tools';
export * from './backup-cli';
