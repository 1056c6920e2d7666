import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService, auditHashAt, auditHead } from '@app/audit';
import { AppConfig } from '@app/core';
import { runMigrations } from '@app/database';
import { readManifest, sha256Of } from './backup-files';
import { publicObjectCount, serverInfo, tableCounts } from './database-state';
import { PgTools, runPgTool } from './pg-tools';

/** The backup was not restored: the file is bad, or the target database is not empty. */
export class RestoreRefusedError extends Error {}

export interface RestoreCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface RestoreReport {
  ok: boolean;
  file: string;
  database: string;
  pgRestore: { path: string; major: number; source: string };
  migrationsApplied: string[];
  checks: RestoreCheck[];
  durationMs: number;
}

/**
 * Restores a backup into the app's database and proves it: every table holds the count the
 * manifest recorded, the audit chain verifies and holds the recorded head.
 */
@Injectable()
export class RestoreService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly pgTools: PgTools,
  ) {}

  async restore(file: string, options: { replace?: boolean } = {}): Promise<RestoreReport> {
    const startedMs = Date.now();
    const dumpPath = resolve(file);
    if (!existsSync(dumpPath)) throw new RestoreRefusedError(`${dumpPath} does not exist`);
    let manifest;
    try {
      manifest = readManifest(dumpPath);
    } catch (error) {
      throw new RestoreRefusedError((error as Error).message);
    }
    const checksum = await sha256Of(dumpPath);
    if (checksum !== manifest.sha256) {
      throw new RestoreRefusedError(`${dumpPath} is corrupted: its sha256 is ${checksum}, the manifest recorded ${manifest.sha256}. Nothing was restored.`);
    }
    const database = await serverInfo(this.dataSource);
    const objects = await publicObjectCount(this.dataSource);
    if (objects > 0 && !options.replace) {
      throw new RestoreRefusedError(
        `The database ${database.name} is not empty (${objects} tables, views or sequences): restore into an empty database, or pass --replace to drop everything in it first. Nothing was restored.`,
      );
    }
    const tool = this.pgTools.find('pg_restore', database.serverVersionNum, manifest.pgDump.major);
    if (objects > 0) await this.emptyPublicSchema();
    try {
      // One transaction: a dump that fails half-way leaves the database as empty as it was.
      await runPgTool(tool, ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', dumpPath], this.databaseUrl());
    } catch (error) {
      throw new RestoreRefusedError(`pg_restore could not restore ${dumpPath}; the file is damaged or not a backup. Nothing was restored. (${(error as Error).message})`);
    }
    // Counted before migrations run: they may rightly add rows the dump did not hold.
    const restoredCounts = await tableCounts(this.dataSource);
    const migrationsApplied = (await runMigrations(this.dataSource)).map((m) => m.name);
    const checks = [...compareCounts(manifest.tables, restoredCounts), ...(await this.checkAuditChain(manifest.audit))];
    return {
      ok: checks.every((c) => c.ok),
      file: dumpPath,
      database: database.name,
      pgRestore: tool,
      migrationsApplied,
      checks,
      durationMs: Date.now() - startedMs,
    };
  }

  private async checkAuditChain(recorded: { lastSeq: string; lastHash: string } | null): Promise<RestoreCheck[]> {
    const verification = await this.audit.verify();
    const chain: RestoreCheck = {
      name: 'audit chain verifies',
      ok: verification.valid,
      detail: verification.valid ? `${verification.checkedEvents} events, every hash recomputed and linked` : `broken at seq ${verification.firstBrokenSeq}: ${verification.reason}`,
    };
    if (!recorded) {
      const head = await auditHead(this.dataSource);
      return [chain, { name: 'audit chain head', ok: head === null, detail: head ? `the backup recorded no events, the database has up to seq ${head.lastSeq}` : 'no events, as recorded' }];
    }
    const hash = await auditHashAt(this.dataSource, recorded.lastSeq);
    const head = await auditHead(this.dataSource);
    const ok = hash === recorded.lastHash && head?.lastSeq === recorded.lastSeq;
    return [
      chain,
      {
        name: 'audit chain head',
        ok,
        detail: ok
          ? `ends at seq ${recorded.lastSeq} with hash ${recorded.lastHash}, as recorded`
          : `recorded seq ${recorded.lastSeq} hash ${recorded.lastHash}; restored head seq ${head?.lastSeq ?? 'none'}, hash at seq ${recorded.lastSeq}: ${hash ?? 'missing'}`,
      },
    ];
  }

  private async emptyPublicSchema(): Promise<void> {
    // Extensions in the schema (pg_trgm) go with it; the dump creates them again.
    await this.dataSource.query('DROP SCHEMA public CASCADE');
    await this.dataSource.query('CREATE SCHEMA public');
  }

  private databaseUrl(): string {
    const url = this.config.get('DATABASE_URL');
    if (!url) throw new RestoreRefusedError('DATABASE_URL is not set: the database must be resolved before a restore');
    return url;
  }
}

function compareCounts(recorded: Record<string, number>, restored: Record<string, number>): RestoreCheck[] {
  const names = [...new Set([...Object.keys(recorded), ...Object.keys(restored)])].sort();
  const differing = names.filter((name) => recorded[name] !== restored[name]);
  const total = Object.values(recorded).reduce((sum, n) => sum + n, 0);
  return [
    {
      name: 'row counts equal',
      ok: differing.length === 0,
      detail:
        differing.length === 0
          ? `${names.length} tables, ${total} rows, each table as recorded`
          : differing.map((name) => `${name}: recorded ${recorded[name] ?? 'absent'}, restored ${restored[name] ?? 'absent'}`).join('; '),
    },
  ];
}
