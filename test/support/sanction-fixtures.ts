import { login, testUscc, World } from './fixtures';
import { submittedInspection } from './case-fixtures';
import { insertLicence } from './licence-fixtures';
import { TestApp } from './test-app';

export interface DecidedSanction {
  agencyId: string;
  uscc: string;
  licenceId: string;
  caseId: string;
  caseNumber: string;
  version: number;
}

/**
 * A 30-day suspension decided through the real routes (case, notice, waiver, decision) on a new
 * Fuzhou agency with one licence; the fixtures' agency user is moved to that agency to waive.
 * The clock must stand on a working day (the notice's deadlines count them).
 */
export async function decidedSuspension(t: TestApp, world: World, as: Record<string, string>): Promise<DecidedSanction> {
  const call = async (user: string, path: string, body?: Record<string, unknown>) => {
    const response = body === undefined ? await t.http().get(path).set('authorization', as[user]) : await t.http().post(path).set('authorization', as[user]).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; version: number; caseNumber: string };
  };
  const uscc = testUscc('350100');
  const [agency] = (await t.db.query(
    `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type) VALUES ($1, '处罚测试公司', 'Sanction test agency', '李某', '某路', '350100', 'overseas_placement') RETURNING id`,
    [uscc],
  )) as { id: string }[];
  const licence = await insertLicence(t, { agencyId: agency.id, bureauId: world.bureaus.fujian });
  await t.db.query(`UPDATE users SET agency_id = $1 WHERE username = 'agency-fj-1'`, [agency.id]);
  as['agency-fj-1'] = `Bearer ${(await login(t, 'agency-fj-1')).accessToken}`;
  const opened = await call('fz-inspector', '/api/cases', {
    agencyId: agency.id,
    grounds: [{ kind: 'inspection', reference: await submittedInspection(t, agency.id) }],
    licenceIds: [licence.id],
    proposedSanction: 'suspension',
    suspensionDays: 30,
    legalBasis: '人力资源市场暂行条例 第四十五条',
    facts: 'The agency held the passports of 12 workers.',
  });
  const read = await call('fj-admin', `/api/cases/${opened.id}`);
  const served = await call('fj-admin', `/api/cases/${opened.id}/notice`, { version: read.version });
  const waived = await call('agency-fj-1', `/api/cases/${opened.id}/waiver`, { version: served.version, statement: 'We waive representations and a hearing.' });
  const decided = await call('fj-admin', `/api/cases/${opened.id}/decision`, { version: waived.version, sanction: 'suspension', suspensionDays: 30, reasons: 'Passports held; no answer given.' });
  return { agencyId: agency.id, uscc, licenceId: licence.id, caseId: opened.id, caseNumber: opened.caseNumber, version: decided.version };
}
