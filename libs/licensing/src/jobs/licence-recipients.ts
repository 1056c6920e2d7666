import { RecipientsPolicy, told } from '@app/notifications';

/** Told about a licence `l`: the agency's users and the admins of the bureau that issued it. */
export const LICENCE_RECIPIENTS_LATERAL = told(RecipientsPolicy.agency('l.agency_id'), RecipientsPolicy.responsible({ bureauId: 'l.issued_by_bureau_id', jurisdictionCode: 'l.jurisdiction_code' }));
