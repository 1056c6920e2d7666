import { nonCompliantFindingsSql } from '@app/inspections';

/**
 * The date a self-assessment is compared at: the day it was submitted (Asia/Shanghai), or its
 * due date while it has not been.
 */
const REFERENCE_DATE = `COALESCE((s.submitted_at AT TIME ZONE 'Asia/Shanghai')::date, s.due_on)`;

/**
 * Discrepancies of the self-assessments `s` in the surrounding query: an item the agency answered
 * yes that a submitted inspection of the same agency within 12 months either side found
 * non_compliant. Inspections, findings and self-assessments are compared in SQL (the partial
 * indexes on yes answers and non-compliant findings serve it) so that lists can filter on it.
 * The findings come from the inspections lib's nonCompliantFindingsSql, joined into this statement:
 * a join, not a second round trip.
 */
export const DISCREPANCIES_OF_S = `
  SELECT ans.item_code, f.inspection_id, f.inspection_date
    FROM self_assessment_answers ans
    JOIN (${nonCompliantFindingsSql('s.agency_id', `${REFERENCE_DATE} - interval '12 months'`, `${REFERENCE_DATE} + interval '12 months'`)}) f ON f.item_code = ans.item_code
   WHERE ans.self_assessment_id = s.id AND ans.answer = 'yes'`;
