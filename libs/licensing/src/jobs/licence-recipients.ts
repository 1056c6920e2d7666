import { RecipientsPolicy, told } from '@app/notifications';

/** Told about a licence `l`: the agency's users and the admins of the bureau that issued it. */
export const LICENCE_RECIPIENTS_LATERAL = told(RecipientsPolicy.agency('l.agency_id'), RecipientsPolicy.responsible({ bureauId: 'l.issued_by_bureau_id', jurisdictionCode: 'l.jurisdiction_code' }));

/** The agency's users alone (a renewal reminder: the officials get the run's digest instead). */
export const LICENCE_AGENCY_RECIPIENTS_LATERAL = told(RecipientsPolicy.agency('l.agency_id'));

/** The officials responsible for a licence `l` alone (the renewal digest). */
export const LICENCE_OFFICIAL_RECIPIENTS_LATERAL = told(RecipientsPolicy.responsible({ bureauId: 'l.issued_by_bureau_id', jurisdictionCode: 'l.jurisdiction_code' }));
