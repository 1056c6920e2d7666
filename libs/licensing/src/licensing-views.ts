import { agencyNames } from '@app/agencies';
import { combineJoins, joinColumns } from '@app/core';

/** A licence's agency and issuing bureau by name. */
export const LICENCE_NAMES = combineJoins(
  agencyNames('l.agency_id'),
  joinColumns<'issuedByBureauName', string>('bureaus', 'view_issuer', 'view_issuer.id = l.issued_by_bureau_id', { issuedByBureauName: 'name' }),
);

/**
 * An application's agency by name, and the number of its licence: the one renewed or varied, or
 * the one its approval issued.
 */
export const APPLICATION_NAMES = combineJoins(
  agencyNames('app.agency_id'),
  joinColumns('licences', 'view_licence', 'view_licence.id = coalesce(app.resulting_licence_id, app.licence_id)', { licenceNumber: 'licence_number' }),
);
