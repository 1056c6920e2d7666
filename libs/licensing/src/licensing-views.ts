import { agencyNames } from '@app/agencies';
import { bureauName } from '@app/jurisdictions';
import { combineJoins } from '@app/core';
import { licenceNumber } from './licence-sql';

/** A licence's agency and issuing bureau by name. */
export const LICENCE_NAMES = combineJoins(
  agencyNames('l.agency_id'),
  bureauName<'issuedByBureauName', string>('l.issued_by_bureau_id', 'view_issuer', 'issuedByBureauName'),
);

/**
 * An application's agency by name, and the number of its licence: the one renewed or varied, or
 * the one its approval issued.
 */
export const APPLICATION_NAMES = combineJoins(
  agencyNames('app.agency_id'),
  licenceNumber('coalesce(app.resulting_licence_id, app.licence_id)', 'view_licence', 'licenceNumber'),
);
