import * as argon2 from 'argon2';
import { login, PASSWORD } from './fixtures';
import { TestApp } from './test-app';

/** A Shandong province bureau and its inspector (seedWorld has none), written like seedWorld does. */
export async function addShandong(t: TestApp): Promise<{ bureauId: string; inspectorId: string; inspector: string }> {
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const [bureau] = (await t.db.query(`INSERT INTO bureaus (name, level, jurisdiction_code) VALUES ('Shandong HRSS', 'province', '370000') RETURNING id`)) as {
    id: string;
  }[];
  const [user] = (await t.db.query(
    `INSERT INTO users (username, display_name, password_hash, role, bureau_id) VALUES ('sd-inspector', 'sd-inspector', $1, 'inspector', $2) RETURNING id`,
    [hash, bureau.id],
  )) as { id: string }[];
  const { accessToken } = await login(t, 'sd-inspector');
  return { bureauId: bureau.id, inspectorId: user.id, inspector: `Bearer ${accessToken}` };
}

/** A valid public complaint body; override what a test is about. */
export function complaintBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    categories: ['no_written_contract'],
    description: 'I was sent abroad without any written contract.',
    agencyName: 'Some agency',
    jurisdictionCode: '350100',
    ...overrides,
  };
}
