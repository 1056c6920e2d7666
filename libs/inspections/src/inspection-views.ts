import { breachTexts } from '@app/checklists';
import { agencyLicenceNumbers, agencyNames } from '@app/agencies';
import { userDisplayName } from '@app/auth';
import { combineJoins, joinColumns } from '@app/core';
import { bureauName } from '@app/jurisdictions';

/** An inspection's agency (names, licences in force), lead inspector and bureau by name. */
export const INSPECTION_NAMES = combineJoins(
  agencyNames('i.agency_id'),
  agencyLicenceNumbers('i.agency_id'),
  userDisplayName('i.lead_inspector_id', 'view_lead', 'leadInspectorName'),
  bureauName('i.bureau_id', 'view_bureau', 'bureauName'),
);

/** A corrective action's agency (names, licences in force). */
export const CORRECTIVE_ACTION_NAMES = combineJoins(agencyNames('c.agency_id'), agencyLicenceNumbers('c.agency_id'), breachTexts('c.item_code'));

/**
 * The inspection of a record naming one in `inspectionIdColumn` (a commitment check): its status,
 * outcome and lead inspector, joined into the record list's one query (primary keys).
 */
export function inspectionSummary(inspectionIdColumn: string) {
  return combineJoins(
    joinColumns<'inspectionStatus', string>('inspections', 'view_inspection', `view_inspection.id = ${inspectionIdColumn}`, { inspectionStatus: 'status' }),
    joinColumns('inspections', 'view_outcome', `view_outcome.id = ${inspectionIdColumn}`, { inspectionOutcome: 'outcome', leadInspectorId: 'lead_inspector_id' }),
    userDisplayName('view_outcome.lead_inspector_id', 'view_lead', 'leadInspectorName'),
  );
}
