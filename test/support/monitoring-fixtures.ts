import { TestApp } from './test-app';

type Result = 'compliant' | 'non_compliant' | 'not_applicable' | 'not_checked';

/** Item codes of the seeded inspection checklist (reference/checklists/inspection.csv). */
export async function seededTemplateId(t: TestApp, code = 'ILO-INSPECTION'): Promise<string> {
  const [row] = (await t.db.query(`SELECT id FROM checklist_templates WHERE code = $1 AND version = 1`, [code])) as { id: string }[];
  return row.id;
}

export async function itemCodes(t: TestApp, templateId: string): Promise<string[]> {
  const rows = (await t.db.query(`SELECT code FROM checklist_items WHERE template_id = $1 ORDER BY position`, [templateId])) as { code: string }[];
  return rows.map((r) => r.code);
}

/** Every item compliant unless named in `results`. */
export function findingsFor(codes: string[], results: Record<string, Result> = {}) {
  return codes.map((itemCode) => ({ itemCode, result: results[itemCode] ?? 'compliant', note: results[itemCode] === 'non_compliant' ? 'found wanting' : undefined }));
}

/**
 * Plans, files and submits an inspection through the API; returns the submitted inspection.
 * `results` names the items that are not compliant.
 */
export async function inspect(
  t: TestApp,
  auth: string,
  agencyId: string,
  options: { results?: Record<string, Result>; templateId?: string; inspectionDate?: string; sanctionProposal?: Record<string, unknown> } = {},
): Promise<{ id: string; outcome: string; score: number; violationPoints: number; version: number; status: string }> {
  const created = await t.http().post('/api/inspections').set('authorization', auth).send({
    agencyId,
    type: 'routine',
    inspectionDate: options.inspectionDate ?? '2026-06-10',
    ...(options.templateId ? { templateId: options.templateId } : {}),
  });
  if (created.status !== 201) throw new Error(`create inspection: ${created.status} ${JSON.stringify(created.body)}`);
  const codes = await itemCodes(t, created.body.templateId);
  const filed = await t.http().put(`/api/inspections/${created.body.id}/findings`).set('authorization', auth).send({ findings: findingsFor(codes, options.results), version: created.body.version });
  if (filed.status !== 200) throw new Error(`file findings: ${filed.status} ${JSON.stringify(filed.body)}`);
  const submitted = await t.http().post(`/api/inspections/${created.body.id}/submit`).set('authorization', auth).send({ version: filed.body.version, sanctionProposal: options.sanctionProposal });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body;
}

/** A user of a role and bureau, with the fixture password (copied from an existing fixture user). */
export async function insertUser(t: TestApp, username: string, role: string, bureauId: string | null, agencyId: string | null = null): Promise<void> {
  await t.db.query(
    `INSERT INTO users (username, display_name, password_hash, role, bureau_id, agency_id)
     SELECT $1, $1, password_hash, $2, $3, $4 FROM users WHERE username = 'fj-inspector'`,
    [username, role, bureauId, agencyId],
  );
}
