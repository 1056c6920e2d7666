/**
 * A LATERAL subquery of the users told about a licence `l`: the agency's users and the issuing
 * bureau's admins. Two index lookups per licence (users by agency_id, users by bureau_id);
 * UNION ALL because the two sets cannot overlap (a user has one role), which spares a
 * de-duplication per licence.
 */
export const LICENCE_RECIPIENTS_LATERAL = `
  LATERAL (
    SELECT u.id AS user_id FROM users u WHERE u.role = 'agency_user' AND u.agency_id = l.agency_id
    UNION ALL
    SELECT u.id FROM users u WHERE u.role = 'bureau_admin' AND u.bureau_id = l.issued_by_bureau_id
  ) rcp`;
