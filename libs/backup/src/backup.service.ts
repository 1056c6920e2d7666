import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chmodSync, closeSync, existsSync, linkSync, openSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@app/core';
import { auditHead } from '@app/audit';
import { BackupManifest, backupBaseName, manifestPathOf, pruneBackups, sha256Of } from './backup-files';
import { migrationLevel, serverInfo, tableCounts } from './database-state';
import { PgTools, runPgTool } from './pg-tools';
import { PRIVATE_FILE_MODE, prepareBackupDirectory } from './private-files';

export class BackupError extends Error {}

export interface BackupResult {
  dumpPath: string;
  manifestPath: string;
  manifest: BackupManifest;
  /** Older backups deleted by the retention (BACKUP_KEEP, BACKUP_KEEP_DAYS, weekly for a quarter). */
  pruned: string[];
}

/**
 * Writes a pg_dump (custom format) of the app's database to BACKUP_DIR with a manifest beside it.
 * The manifest's counts and audit head are read in the very snapshot pg_dump dumps: a REPEATABLE
 * READ transaction exports its snapshot and pg_dump imports it (--snapshot), so writes going on
 * meanwhile are in neither or both.
 */
@Injectable()
export class BackupService implements OnModuleInit {
  private readonly logger = new Logger(BackupService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly pgTools: PgTools,
  ) {}

  /**
   * Every process that backs up (API, worker, `npm run backup`) checks BACKUP_DIR at start: what
   * this user owns is tightened, and a directory other users can still read stops the start.
   */
  onModuleInit(): void {
    if (this.config.get('BACKUP_DIR')) prepareBackupDirectory(this.directory);
  }

  get directory(): string {
    return resolve(this.config.get('BACKUP_DIR') ?? join(this.config.get('DATA_DIR'), 'backups'));
  }

  async backup(): Promise<BackupResult> {
    const started = this.clock.now();
    const startedMs = Date.now();
    const dir = this.directory;
    try {
      prepareBackupDirectory(dir);
    } catch (error) {
      throw new BackupError((error as Error).message);
    }
    const base = backupBaseName(started);
    const dumpPath = join(dir, `${base}.dump`);
    const manifestPath = manifestPathOf(dumpPath);
    for (const path of [dumpPath, manifestPath]) {
      if (existsSync(path)) throw new BackupError(`${path} already exists: a backup is never overwritten`);
    }
    const partialDump = `${dumpPath}.partial`;
    const partialManifest = `${manifestPath}.partial`;
    try {
      // Created private before pg_dump writes into it (pg_dump keeps the mode of a file it truncates).
      closeSync(openSync(partialDump, 'wx', PRIVATE_FILE_MODE));
      const { state, tool } = await this.dumpInSnapshot(partialDump);
      chmodSync(partialDump, PRIVATE_FILE_MODE);
      const manifest: BackupManifest = {
        format: 'agency-registry-backup/1',
        file: basename(dumpPath),
        sha256: await sha256Of(partialDump),
        sizeBytes: statSync(partialDump).size,
        createdAt: started.toISOString(),
        durationMs: Date.now() - startedMs,
        pgDump: tool,
        ...state,
      };
      writeFileSync(partialManifest, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
      // link() fails if the name exists: the final names are claimed without overwriting anything.
      claim(partialDump, dumpPath);
      claim(partialManifest, manifestPath);
      const pruned = pruneBackups(dir, { keep: this.config.get('BACKUP_KEEP'), keepDays: this.config.get('BACKUP_KEEP_DAYS') }, this.clock.now());
      this.logger.log(`Backup ${dumpPath} written (${manifest.sizeBytes} bytes in ${manifest.durationMs} ms)${pruned.length ? `; deleted ${pruned.length} older` : ''}`);
      return { dumpPath, manifestPath, manifest, pruned };
    } finally {
      for (const path of [partialDump, partialManifest]) if (existsSync(path)) unlinkSync(path);
    }
  }

  private async dumpInSnapshot(file: string) {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // The transaction stays open, idle, while pg_dump runs: no timeout may end it.
      await runner.query(`SET LOCAL statement_timeout = 0`);
      await runner.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
      const [{ snapshot }] = (await runner.query('SELECT pg_export_snapshot() AS snapshot')) as { snapshot: string }[];
      const database = await serverInfo(runner);
      const state = { database, tables: await tableCounts(runner), audit: await auditHead(runner), migrations: await migrationLevel(runner) };
      const tool = this.pgTools.find('pg_dump', database.serverVersionNum);
      await runPgTool(tool, ['--format=custom', `--snapshot=${snapshot}`, '--lock-wait-timeout=60000', `--file=${file}`], this.databaseUrl());
      await runner.query('COMMIT');
      return { state, tool };
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error instanceof BackupError ? error : new BackupError(`The backup failed: ${(error as Error).message}`);
    } finally {
      await runner.release();
    }
  }

  private databaseUrl(): string {
    const url = this.config.get('DATABASE_URL');
    if (!url) throw new BackupError('DATABASE_URL is not set: the database must be resolved before a backup');
    return url;
  }
}

function claim(partial: string, final: string): void {
  try {
    linkSync(partial, final);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupError(`${final} already exists: a backup is never overwritten`);
    throw error;
  }
  unlinkSync(partial);
}
