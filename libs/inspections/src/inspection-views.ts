import { breachTexts } from '@app/checklists';
import { agencyLicenceNumbers, agencyNames } from '@app/agencies';
import { combineJoins, joinColumns } from '@app/core';

/** An inspection's agency (names, licences in force), lead inspector and bureau by name. */
export const INSPECTION_NAMES = combineJoins(
  agencyNames('i.agency_id'),
  agencyLicenceNumbers('i.agency_id'),
  joinColumns('users', 'view_lead', 'view_lead.id = i.lead_inspector_id', { leadInspectorName: 'display_name' }),
  joinColumns('bureaus', 'view_bureau', 'view_bureau.id = i.bureau_id', { bureauName: 'name' }),
);

/** A corrective action's agency (names, licences in force). */
export const CORRECTIVE_ACTION_NAMES = combineJoins(agencyNames('c.agency_id'), agencyLicenceNumbers('c.agency_id'), breachTexts('c.item_code'));
