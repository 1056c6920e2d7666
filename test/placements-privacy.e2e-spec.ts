import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { BackupService, createBackupContext, RestoreService } from '@app/backup';
import { FieldCrypto, parseDataKey } from '@app/placements';
import { randomBytes } from 'node:crypto';
import { seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { placementBody, residentId } from './support/placement-fixtures';
import { startTestApp, TEST_DATA_KEY, TestApp, withAdminClient } from './support/test-app';

class CapturedLog extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    done();
  }
}

const ID = residentId('19880808', 321);
const PHONE = '13912345678';

/** Workers' ID numbers and phones: encrypted at rest, masked everywhere else, and readable again from a restored backup with the key. */
describe('placements: personal data at rest', () => {
  const log = new CapturedLog();
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let placementId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'info', BACKUP_DIR: mkdtempSync(join(tmpdir(), 'registry-backups-')) }, logStream: log });
    t.clock.set('2026-12-07T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou });
    await t.db.query(`UPDATE licences SET scope = '{"activities":[],"destinationCountries":["KR"]}' WHERE id = $1`, [licence.id]);
    const filed = await t.http().post('/api/placements').set('authorization', as['agency-fj-1']).send(placementBody({ worker: { idNumber: ID, phone: PHONE } })).expect(201);
    placementId = filed.body.id;
    await t.http().get('/api/placements').set('authorization', as['fj-admin']).set('accept', 'text/csv').expect(200);
    await t.http().post(`/api/placements/${placementId}/return`).set('authorization', as['agency-fj-1']).send({ returnedOn: '2026-12-07', reason: 'other', version: filed.body.version }).expect(400);
  });
  afterAll(() => t.close());

  it('keeps no plaintext ID number or phone in any table, the audit trail included', async () => {
    const tables = (await t.db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)) as { tablename: string }[];
    const holding: string[] = [];
    for (const { tablename } of tables) {
      const [row] = (await t.db.query(`SELECT count(*)::int AS n FROM "${tablename}" x WHERE x::text LIKE $1 OR x::text LIKE $2`, [`%${ID}%`, `%${PHONE}%`])) as { n: number }[];
      if (row.n > 0) holding.push(tablename);
    }
    expect(holding).toEqual([]);
    const [stored] = (await t.db.query(`SELECT worker_id_encrypted AS id, worker_phone_encrypted AS phone, worker_id_masked AS masked FROM placements WHERE id = $1`, [placementId])) as { id: string; phone: string; masked: string }[];
    expect(stored.id).toMatch(/^v1\./);
    expect(stored.masked).toBe(`350102********${ID.slice(-4)}`);
    const [audit] = (await t.db.query(`SELECT after::text AS after FROM audit_events WHERE action = 'placement.file'`)) as { after: string }[];
    expect(audit.after).toContain(`350102********${ID.slice(-4)}`);
    expect(audit.after).not.toMatch(/workerIdEncrypted|workerIdHash|workerPhoneEncrypted/);
  });

  it('writes no full ID number or phone to the logs', () => {
    const text = log.lines.join('');
    expect(text).toContain('"url":"/api/placements"');
    expect(text).not.toContain(ID);
    expect(text).not.toContain(PHONE);
  });

  it('decrypts from a backup restored into another database with the same key, and not with another', async () => {
    const { dumpPath } = await t.app.get(BackupService).backup();
    const name = `registry_restore_${randomBytes(5).toString('hex')}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(process.env.REGISTRY_TEST_ADMIN_URL as string);
    url.pathname = `/${name}`;
    const context = await createBackupContext(url.toString(), { LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    try {
      expect((await context.get(RestoreService).restore(dumpPath)).ok).toBe(true);
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      const { rows } = await client.query(`SELECT worker_id_encrypted AS id, worker_phone_encrypted AS phone FROM placements WHERE id = $1`, [placementId]);
      await client.end();
      const crypto = new FieldCrypto(parseDataKey(TEST_DATA_KEY));
      expect(crypto.decrypt(rows[0].id as string)).toBe(ID);
      expect(crypto.decrypt(rows[0].phone as string)).toBe(PHONE);
      expect(() => new FieldCrypto(parseDataKey('11'.repeat(32))).decrypt(rows[0].id as string)).toThrow();
    } finally {
      await context.close();
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });
});
