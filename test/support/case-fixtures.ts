import { seededTemplateId } from './monitoring-fixtures';
import { TestApp } from './test-app';

/**
 * A submitted inspection of the agency, written straight to the database: the ground an official
 * names when opening a case (the jobs' kinds are not theirs to name). Returns its id.
 */
export async function submittedInspection(t: TestApp, agencyId: string, inspectionDate = '2026-02-10', outcome = 'serious_violation'): Promise<string> {
  const templateId = await seededTemplateId(t);
  const [row] = (await t.db.query(
    `INSERT INTO inspections (agency_id, jurisdiction_code, type, status, inspection_date, template_id, outcome, submitted_at)
     SELECT id, jurisdiction_code, 'routine', 'submitted', $2, $3, $4, now() FROM agencies WHERE id = $1 RETURNING id`,
    [agencyId, inspectionDate, templateId, outcome],
  )) as { id: string }[];
  return row.id;
}
