import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Client } from 'pg';
import { AuditService } from '@app/audit';
import { BackupManifest, BackupService, createBackupContext, manifestPathOf, RestoreService, sha256Of } from '@app/backup';
import { SettableClock } from '@app/core';
import { JobRunner } from '@app/scheduler';
import { seedWorld, signInAll } from './support/fixtures';
import { startTestApp, TestApp, withAdminClient } from './support/test-app';

/** A fresh, empty database on the test server, and a restore context on it. */
async function freshDatabase(): Promise<{ url: string; context: INestApplicationContext; drop(): Promise<void> }> {
  const name = `registry_restore_${randomBytes(5).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(process.env.REGISTRY_TEST_ADMIN_URL as string);
  url.pathname = `/${name}`;
  const context = await createBackupContext(url.toString(), { LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  return {
    url: url.toString(),
    context,
    async drop() {
      await context.close();
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function countsIn(url: string): Promise<{ tables: number; auditHead: { seq: string; hash: string } | undefined }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    const head = await client.query(`SELECT seq::text AS seq, hash FROM audit_events a ORDER BY a.seq DESC LIMIT 1`).catch(() => ({ rows: [] }));
    return { tables: tables.rows[0].n as number, auditHead: head.rows[0] as { seq: string; hash: string } | undefined };
  } finally {
    await client.end();
  }
}

describe('backups and the restore drill', () => {
  let t: TestApp;
  let backups: BackupService;
  let backupDir: string;
  let auth: Record<string, string>;
  const clock = new SettableClock('2026-06-01T17:30:00Z');
  const mode = (path: string) => statSync(path).mode & 0o777;

  beforeAll(async () => {
    backupDir = mkdtempSync(join(tmpdir(), 'registry-backups-'));
    // As an earlier version left it: open to every local user.
    chmodSync(backupDir, 0o755);
    t = await startTestApp({ clock, env: { BACKUP_DIR: backupDir, BACKUP_KEEP: '3', BACKUP_KEEP_DAYS: '5' } });
    await seedWorld(t);
    auth = await signInAll(t);
    backups = t.app.get(BackupService);
  });

  afterAll(async () => {
    await t.close();
  });

  it('backs up while writes go on: the manifest counts the very snapshot the dump holds, and a fresh database restores to it', async () => {
    const audit = t.app.get(AuditService);
    const count = async (table: string) => Number(((await t.db.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0].n);
    const [runsBefore, eventsBefore] = [await count('job_runs'), await count('audit_events')];
    // Each write adds one job_runs row and its audit event in one transaction.
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await t.db.transaction(async (manager) => {
          const [{ id }] = (await manager.query(
            `INSERT INTO job_runs (job_name, status, triggered_by, started_at, finished_at) VALUES ('test-writer', 'succeeded', 'test', now(), now()) RETURNING id::text AS id`,
          )) as { id: string }[];
          await audit.record(manager, { action: 'test.write', entityType: 'job_run', entityId: id });
        });
        writes += 1;
      }
    })();
    while (writes < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    const writesAtStart = writes;
    const result = await backups.backup();
    const writesDuring = writes - writesAtStart;
    await new Promise((resolve) => setTimeout(resolve, 50));
    writing = false;
    await writer;

    expect(writesDuring).toBeGreaterThan(0);
    const manifest = result.manifest;
    expect(basename(result.dumpPath)).toBe('agency-registry-20260601T173000Z.dump');
    expect(JSON.parse(readFileSync(result.manifestPath, 'utf8'))).toEqual(manifest);
    expect(manifest.sha256).toBe(await sha256Of(result.dumpPath));
    expect(manifest.migrations.applied).toBeGreaterThanOrEqual(7);
    // The closest pg_dump not older than the server: 15 for the machine's server, 18 (bundled) for the embedded one.
    expect(manifest.pgDump.major).toBe(Math.floor(manifest.database.serverVersionNum / 10_000));
    // Snapshot-consistent: as many writer rows as writer events, and the head's seq is the count (seq has no gaps).
    expect(manifest.tables.job_runs - runsBefore).toBe(manifest.tables.audit_events - eventsBefore);
    expect(manifest.tables.job_runs - runsBefore).toBeGreaterThanOrEqual(writesAtStart);
    expect(manifest.audit?.lastSeq).toBe(String(manifest.tables.audit_events));
    expect(await count('job_runs')).toBeGreaterThan(manifest.tables.job_runs);

    const target = await freshDatabase();
    try {
      const report = await target.context.get(RestoreService).restore(result.dumpPath);
      expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
        ['row counts equal', true],
        ['audit chain verifies', true],
        ['audit chain head', true],
      ]);
      expect(report.ok).toBe(true);
      expect(report.migrationsApplied).toEqual([]);
      const restored = await countsIn(target.url);
      expect(restored.tables).toBe(Object.keys(manifest.tables).length);
      expect(restored.auditHead).toEqual({ seq: manifest.audit?.lastSeq, hash: manifest.audit?.lastHash });
      // Every table, counted independently of the restore's own check.
      const client = new Client({ connectionString: target.url });
      await client.connect();
      for (const [table, rows] of Object.entries(manifest.tables)) {
        const { rows: found } = await client.query(`SELECT count(*)::int AS n FROM "${table}"`);
        expect([table, found[0].n]).toEqual([table, rows]);
      }
      await client.end();
    } finally {
      await target.drop();
    }
  });

  it('keeps backups from other local users: BACKUP_DIR 0700 (tightened at start), dump and manifest 0600', async () => {
    expect(mode(backupDir)).toBe(0o700);
    const files = readdirSync(backupDir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const name of files) expect([name, mode(join(backupDir, name))]).toEqual([name, 0o600]);
  });

  it('tightens the backups an earlier version left readable at start, and refuses to start on a BACKUP_DIR other users can read', async () => {
    const old = mkdtempSync(join(tmpdir(), 'registry-old-backups-'));
    chmodSync(old, 0o755);
    const dump = join(old, 'agency-registry-20260101T013000Z.dump');
    writeFileSync(dump, 'old dump', { mode: 0o644 });
    writeFileSync(manifestPathOf(dump), '{}', { mode: 0o644 });
    const second = await startTestApp({ sharingDatabaseOf: t, env: { BACKUP_DIR: old } });
    await second.close();
    expect([mode(old), mode(dump), mode(manifestPathOf(dump))]).toEqual([0o700, 0o600, 0o600]);
    // A shared directory (sticky, like /tmp) is not taken over: the start is refused, saying why.
    const shared = mkdtempSync(join(tmpdir(), 'registry-shared-'));
    chmodSync(shared, 0o1777);
    await expect(startTestApp({ sharingDatabaseOf: t, env: { BACKUP_DIR: shared } })).rejects.toThrow(/BACKUP_DIR .*registry-shared-.* is open to other users \(mode 1777.*chmod 700/);
  });

  it('refuses a corrupted backup file (checksum mismatch), restoring nothing', async () => {
    clock.set('2026-06-02T17:30:00Z');
    const { dumpPath } = await backups.backup();
    const bytes = readFileSync(dumpPath);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(dumpPath, bytes);
    const target = await freshDatabase();
    try {
      await expect(target.context.get(RestoreService).restore(dumpPath)).rejects.toThrow(/is corrupted: its sha256 is [0-9a-f]{64}, the manifest recorded [0-9a-f]{64}\. Nothing was restored/);
      expect((await countsIn(target.url)).tables).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it('refuses a file pg_restore cannot read even when its checksum matches, leaving the database empty', async () => {
    clock.set('2026-06-03T17:30:00Z');
    const { dumpPath, manifest } = await backups.backup();
    const truncated = join(mkdtempSync(join(tmpdir(), 'registry-bad-')), basename(dumpPath));
    writeFileSync(truncated, readFileSync(dumpPath).subarray(0, Math.floor(manifest.sizeBytes * 0.6)));
    writeFileSync(manifestPathOf(truncated), JSON.stringify({ ...manifest, sha256: await sha256Of(truncated) }));
    const target = await freshDatabase();
    try {
      await expect(target.context.get(RestoreService).restore(truncated)).rejects.toThrow(/pg_restore could not restore .* Nothing was restored/);
      expect((await countsIn(target.url)).tables).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it('refuses a backup without its manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-lone-'));
    const [latest] = readdirSync(backupDir).filter((n) => n.endsWith('.dump')).reverse();
    copyFileSync(join(backupDir, latest), join(dir, latest));
    const target = await freshDatabase();
    try {
      await expect(target.context.get(RestoreService).restore(join(dir, latest))).rejects.toThrow(/No manifest beside/);
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore into a non-empty database unless told --replace, and then replaces it', async () => {
    clock.set('2026-06-04T17:30:00Z');
    const { dumpPath, manifest } = await backups.backup();
    const target = await freshDatabase();
    try {
      const restore = target.context.get(RestoreService);
      expect((await restore.restore(dumpPath)).ok).toBe(true);
      await expect(restore.restore(dumpPath)).rejects.toThrow(/is not empty .* pass --replace .* Nothing was restored/);
      await target.context.get(AuditService).verify();
      const replaced = await restore.restore(dumpPath, { replace: true });
      expect(replaced.ok).toBe(true);
      expect((await countsIn(target.url)).auditHead?.hash).toBe(manifest.audit?.lastHash);
    } finally {
      await target.drop();
    }
    // The live database is never restored over without --replace either.
    const live = await createBackupContext(t.databaseUrl, { LOG_LEVEL: 'silent' });
    try {
      await expect(live.get(RestoreService).restore(dumpPath)).rejects.toThrow(/is not empty/);
    } finally {
      await live.close();
    }
  });

  it('never overwrites a backup, and keeps the newest BACKUP_KEEP, those of the last BACKUP_KEEP_DAYS and one a week', async () => {
    clock.set('2026-06-10T17:30:00Z');
    await backups.backup();
    await expect(backups.backup()).rejects.toThrow(/agency-registry-20260610T173000Z\.dump already exists: a backup is never overwritten/);
    for (const day of ['11', '12']) {
      clock.set(`2026-06-${day}T17:30:00Z`);
      await backups.backup();
    }
    const files = readdirSync(backupDir).sort();
    expect(files).toEqual([
      // The newest of the week before: June 1-3 went.
      'agency-registry-20260604T173000Z.dump',
      'agency-registry-20260604T173000Z.manifest.json',
      'agency-registry-20260610T173000Z.dump',
      'agency-registry-20260610T173000Z.manifest.json',
      'agency-registry-20260611T173000Z.dump',
      'agency-registry-20260611T173000Z.manifest.json',
      'agency-registry-20260612T173000Z.dump',
      'agency-registry-20260612T173000Z.manifest.json',
    ]);
  });

  it('exits with a clear message when BACKUP_DIR cannot be used', async () => {
    const notADirectory = join(mkdtempSync(join(tmpdir(), 'registry-file-')), 'file');
    writeFileSync(notADirectory, 'not a directory');
    // Checked as the backup process starts, before any dump.
    await expect(createBackupContext(t.databaseUrl, { BACKUP_DIR: join(notADirectory, 'backups'), LOG_LEVEL: 'silent' })).rejects.toThrow(/Cannot use the backup directory .*file\/backups/);
  });

  it('runs as the scheduled backup job, recorded in job_runs', async () => {
    clock.set('2026-06-20T17:30:00Z');
    const run = await t.app.get(JobRunner).runJob('backup');
    expect(run).toMatchObject({ jobName: 'backup', status: 'succeeded', error: null });
    const counts = (run as { counts: Record<string, number> }).counts;
    expect(counts.bytes).toBeGreaterThan(0);
    expect(counts.pruned).toBe(1);
    expect(existsSync(join(backupDir, 'agency-registry-20260620T173000Z.dump'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(backupDir, 'agency-registry-20260620T173000Z.manifest.json'), 'utf8')) as BackupManifest;
    expect(counts.rows).toBe(Object.values(manifest.tables).reduce((a, b) => a + b, 0));
    const [row] = (await t.db.query(`SELECT status, counts FROM job_runs WHERE job_name = 'backup'`)) as { status: string; counts: Record<string, number> }[];
    expect(row).toEqual({ status: 'succeeded', counts });
  });

  it('keeps the older history through fifteen backups a second apart, and lets an admin start one by hand once in BACKUP_MANUAL_INTERVAL_MINUTES', async () => {
    for (let second = 0; second < 15; second += 1) {
      clock.set(new Date(Date.parse('2026-06-21T09:00:00Z') + second * 1000).toISOString());
      await backups.backup();
    }
    const after = readdirSync(backupDir).filter((name) => name.endsWith('.dump'));
    // BACKUP_KEEP is 3: counting alone kept the last three of the burst. The newest of each earlier
    // week stays (June 11 went by age: older than BACKUP_KEEP_DAYS, and June 12 is its week's), and so does the burst.
    expect(after.slice(0, 3)).toEqual(['agency-registry-20260604T173000Z.dump', 'agency-registry-20260612T173000Z.dump', 'agency-registry-20260620T173000Z.dump']);
    expect(after).toHaveLength(3 + 15);

    clock.set('2026-06-21T10:00:00Z');
    const run = () => t.http().post('/api/admin/jobs/backup/run').set('authorization', auth.admin);
    expect((await run().expect(200)).body.status).toBe('succeeded');
    clock.set('2026-06-21T10:04:00Z');
    const refused = await run().expect(429);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.headers['retry-after']).toBe('360');
    expect(refused.body.detail).toMatch(/run by hand less than 10 minutes ago/);
    clock.set('2026-06-21T10:10:00Z');
    expect((await run().expect(200)).body.status).toBe('succeeded');
  });
});
