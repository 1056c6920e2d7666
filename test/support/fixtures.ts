import * as argon2 from 'argon2';
import { withUsccCheck } from '@app/agencies';
import { TestApp } from './test-app';

export const PASSWORD = 'correct-horse-battery-staple';

let passwordHash: Promise<string> | undefined;
const hashOnce = () => (passwordHash ??= argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 }));

export interface World {
  bureaus: Record<'ministry' | 'fujian' | 'fuzhou' | 'xiamen' | 'liaoning', string>;
  users: Record<string, string>;
  /** Agencies: `fuzhou` (of the agency user agency-fj-1), `xiamen`, `shenyang`. */
  agencies: Record<'fuzhou' | 'xiamen' | 'shenyang', string>;
  /** The agency of the agency user. */
  agencyId: string;
}

let usccCounter = 0;

/** A valid, unique USCC registered in a division (tests and demo data). */
export function testUscc(division = '350100'): string {
  usccCounter += 1;
  const serial = `${process.pid % 1000}`.padStart(3, '0') + `${usccCounter}`.padStart(6, '0');
  return withUsccCheck(`91${division}${serial}`);
}

const AGENCIES = [
  { key: 'fuzhou', name: '福州海峡人力资源有限公司', code: '350100' },
  { key: 'xiamen', name: '厦门鹭岛劳务合作有限公司', code: '350200' },
  { key: 'shenyang', name: '沈阳北方人力资源服务有限公司', code: '210100' },
] as const;

const BUREAUS = [
  { key: 'ministry', name: 'MOHRSS', level: 'ministry', code: null },
  { key: 'fujian', name: 'Fujian HRSS', level: 'province', code: '350000' },
  { key: 'fuzhou', name: 'Fuzhou HRSS', level: 'city', code: '350100' },
  { key: 'xiamen', name: 'Xiamen HRSS', level: 'city', code: '350200' },
  { key: 'liaoning', name: 'Liaoning HRSS', level: 'province', code: '210000' },
] as const;

/** username → [role, bureau key]; every role, at every level the tests compare. */
export const USERS: Record<string, [string, keyof World['bureaus'] | null]> = {
  admin: ['system_admin', null],
  ministry: ['ministry_official', 'ministry'],
  'fj-admin': ['bureau_admin', 'fujian'],
  'fj-inspector': ['inspector', 'fujian'],
  'fz-admin': ['bureau_admin', 'fuzhou'],
  'fz-inspector': ['inspector', 'fuzhou'],
  'xm-admin': ['bureau_admin', 'xiamen'],
  'ln-admin': ['bureau_admin', 'liaoning'],
  'agency-fj-1': ['agency_user', null],
};

/** Bureaus and one user of each role, written straight to the database (fast, unaudited). */
export async function seedWorld(t: TestApp): Promise<World> {
  const hash = await hashOnce();
  const agencies = {} as World['agencies'];
  for (const agency of AGENCIES) {
    const [row] = (await t.db.query(
      `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type, contact_email)
       VALUES ($1, $2, $3, '张三', '某路1号', $4, 'overseas_placement', 'office@example.cn') RETURNING id`,
      [testUscc(agency.code), agency.name, `${agency.key} agency`, agency.code],
    )) as { id: string }[];
    agencies[agency.key] = row.id;
  }
  const agencyId = agencies.fuzhou;
  const bureaus = {} as World['bureaus'];
  for (const bureau of BUREAUS) {
    const [row] = (await t.db.query(`INSERT INTO bureaus (name, level, jurisdiction_code) VALUES ($1, $2, $3) RETURNING id`, [
      bureau.name,
      bureau.level,
      bureau.code,
    ])) as { id: string }[];
    bureaus[bureau.key] = row.id;
  }
  const users: Record<string, string> = {};
  for (const [username, [role, bureau]] of Object.entries(USERS)) {
    const [row] = (await t.db.query(
      `INSERT INTO users (username, display_name, password_hash, role, bureau_id, agency_id) VALUES ($1, $1, $2, $3, $4, $5) RETURNING id`,
      [username, hash, role, bureau ? bureaus[bureau] : null, role === 'agency_user' ? agencyId : null],
    )) as { id: string }[];
    users[username] = row.id;
  }
  return { bureaus, users, agencies, agencyId };
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export async function login(t: TestApp, username: string, password = PASSWORD): Promise<Tokens> {
  const response = await t.http().post('/api/auth/login').send({ username, password });
  if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Tokens;
}

/** Signs every fixture user in; returns their bearer headers by username. */
export async function signInAll(t: TestApp): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  for (const username of Object.keys(USERS)) {
    headers[username] = `Bearer ${(await login(t, username)).accessToken}`;
  }
  return headers;
}

export function expectProblem(body: { type?: string; status?: number; title?: string }, status: number): void {
  expect(body.status).toBe(status);
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
}
