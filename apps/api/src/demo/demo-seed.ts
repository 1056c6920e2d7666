import { INestApplicationContext, LoggerService } from '@nestjs/common';
import { Actor } from '@app/access';
import { UsersService } from '@app/auth';
import { RequestContext } from '@app/core';
import { BureausService } from '@app/jurisdictions';
import { DataSource } from 'typeorm';
import { DEMO_BUREAUS, DEMO_PASSWORD, DEMO_PASSWORD_POLICY, DEMO_USERS } from './demo-data';
import { DemoContext, DEMO_STEPS } from './demo-steps';

const SEED_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'demo-seed',
  role: 'system_admin',
  bureauId: null,
  agencyId: null,
  jurisdictionPrefix: '',
};

/**
 * Seeds the demo set once (embedded mode only), through the same services the API uses, so the
 * demo data is audited like any other. A database that already has the `admin` user is left alone.
 */
export async function seedDemoData(app: INestApplicationContext, log: LoggerService): Promise<void> {
  const dataSource = app.get(DataSource);
  const [{ seeded }] = (await dataSource.query(`SELECT EXISTS (SELECT 1 FROM users WHERE username = 'admin') AS seeded`)) as { seeded: boolean }[];
  if (!seeded) {
    await RequestContext.run(
      { requestId: 'demo-seed', actor: { userId: null, username: 'demo-seed', role: 'system' } },
      () => seed(app),
    );
    log.log(`Seeded demo bureaus and users`, 'DemoSeed');
  }
  const usernames = [...DEMO_USERS.map((u) => u.username), 'agency-fj-1', 'agency-fj-2', 'agency-ln-1'];
  log.log(`Demo users (password "${DEMO_PASSWORD}"): ${usernames.join(', ')}`, 'DemoSeed');
}

/** The demo set, in dependency order. A module with demo data adds its step here. */
async function seed(app: INestApplicationContext): Promise<void> {
  const context = await seedOrganisations(app);
  for (const step of DEMO_STEPS) await step(app, context);
}

async function seedOrganisations(app: INestApplicationContext): Promise<DemoContext> {
  const bureaus = app.get(BureausService);
  const users = app.get(UsersService);
  const bureauIds = new Map<string, string>();
  for (const bureau of DEMO_BUREAUS) {
    const created = await bureaus.create({ name: bureau.name, nameEn: bureau.nameEn, level: bureau.level, jurisdictionCode: bureau.jurisdictionCode });
    bureauIds.set(bureau.key, created.id);
  }
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const created = await users.create(SEED_ACTOR, {
      username: user.username,
      displayName: user.displayName,
      password: DEMO_PASSWORD,
      role: user.role,
      bureauId: user.bureau ? bureauIds.get(user.bureau) : undefined,
    }, DEMO_PASSWORD_POLICY);
    userIds.set(user.username, created.id);
  }
  return { bureauIds, userIds, systemActor: SEED_ACTOR };
}
