import { randomBytes } from 'node:crypto';
import { asRole, prepareDatabase } from '@app/database';
import { login, seedWorld, signInAll } from './support/fixtures';
import { asOwner, startTestApp, TestApp, withAdminClient } from './support/test-app';

/**
 * The app connects as a least-privilege role. Migrations run as the
 * owner; the app's role owns nothing, has no superuser, createdb or createrole, reads and writes
 * rows, and may only INSERT and SELECT the audit trail.
 */
describe('The app\'s database role is least-privilege and cannot rewrite the audit trail', () => {
  let t: TestApp;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const appRole = () => process.env.REGISTRY_TEST_APP_ROLE as string;
  const refusal = (sql: string) => t.db.query(sql).then(
    () => 'allowed',
    (error: { code?: string; driverError?: { code?: string } }) => error.driverError?.code ?? error.code,
  );

  it('connects as a role with no superuser, createdb or createrole that owns no table', async () => {
    const [{ user }] = (await t.db.query('SELECT current_user AS user')) as { user: string }[];
    expect(user).toBe(appRole());
    const [role] = await asOwner<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean; owned: number }[]>(
      t,
      `SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned FROM pg_roles r WHERE r.rolname = $1`,
      [user],
    );
    expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, owned: 0 });
    const [{ owner }] = await asOwner<{ owner: string }[]>(t, `SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'agencies'`);
    expect(owner).not.toBe(user);
  });

  it('may not UPDATE, DELETE or TRUNCATE the audit trail, nor change the schema (permission denied, 42501)', async () => {
    const [{ before }] = (await t.db.query('SELECT count(*)::int AS before FROM audit_events')) as { before: number }[];
    expect(before).toBeGreaterThan(0);
    expect(await refusal(`UPDATE audit_events SET action = 'forged'`)).toBe('42501');
    expect(await refusal(`DELETE FROM audit_events`)).toBe('42501');
    expect(await refusal(`TRUNCATE audit_events`)).toBe('42501');
    expect(await refusal(`DROP TABLE agencies`)).toBe('42501');
    expect(await refusal(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`)).toBe('42501');
    expect(await refusal(`CREATE TABLE intruder (id int)`)).toBe('42501');
    expect(await refusal(`DELETE FROM migrations`)).toBe('42501');
    expect(await refusal(`TRUNCATE users`)).toBe('42501');
    const [{ after }] = (await t.db.query('SELECT count(*)::int AS after FROM audit_events')) as { after: number }[];
    expect(after).toBe(before);
  });

  it('serves reads, writes and the audit trail as that role', async () => {
    const created = await t.http().post('/api/users').set('authorization', as['fj-admin']).send({ username: 'role-check', displayName: 'Role Check', password: 'tidal ferry lantern ochre', role: 'inspector' }).expect(201);
    await login(t, 'role-check', 'tidal ferry lantern ochre');
    await t.http().get(`/api/users/${created.body.id}`).set('authorization', as.admin).expect(200);
    const verify = await t.http().get('/api/audit/verify').set('authorization', as.ministry).expect(200);
    expect(verify.body).toMatchObject({ valid: true });
    await t.http().get('/health/ready').expect(200);
  });

  it('refuses to start with an app role that has powers it must not have', async () => {
    const role = `registry_test_powerful_${randomBytes(4).toString('hex')}`;
    await withAdminClient((client) => client.query(`CREATE ROLE ${role} LOGIN CREATEDB PASSWORD 'x'`));
    try {
      await expect(prepareDatabase({ ownerUrl: t.databaseUrl, appUrl: asRole(t.databaseUrl, role, 'x') })).rejects.toThrow(`The app role ${role} must be least-privilege, but has: CREATEDB`);
      await expect(prepareDatabase({ ownerUrl: t.databaseUrl, appUrl: asRole(t.databaseUrl, 'registry_test_nobody', 'x') })).rejects.toThrow(/does not exist/);
    } finally {
      await withAdminClient((client) => client.query(`DROP ROLE ${role}`));
    }
  });
});
