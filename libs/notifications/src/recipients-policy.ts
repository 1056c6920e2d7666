import { coveringBureauIdsSql, provinceBureauIdsSql } from '@app/jurisdictions';

/**
 * Who is told about what: the one place that answers it, for every kind of record. Jobs write
 * their notifications set-based, so each answer is a SQL fragment over the record's columns (the
 * arguments are SQL expressions such as `t.agency_id`), producing one `user_id` column; `told()`
 * turns the answers into the LATERAL subquery a job joins. Disabled users are dropped by the outbox.
 *
 * The rule (docs/yearly-duties.md, "Who is told"):
 * - the agency: its own users, about anything that concerns it;
 * - the officials responsible: the admins of the bureau that acted on the record (issued the
 *   licence, planned the inspection, opened the round, was assigned the complaint); a record no
 *   bureau acted on (an annual report, a top-up without a licence, a credit grade, a case) goes to
 *   the bureaus covering the agency's division, its city's and its province's;
 * - the official it is assigned to (a lead inspector, a complaint's assignee);
 * - an escalation (a missed complaint deadline) goes up to the province's bureau.
 */
// Allowed cross-domain SQL: notifications sits below auth; recipients are users, chosen inside the
// outbox's own INSERT ... SELECT.
export const RecipientsPolicy = {
  /** The agency's users. */
  agency: (agencyId: string) => `SELECT u.id AS user_id FROM users u WHERE u.role = 'agency_user' AND u.agency_id = ${agencyId}`,

  /** The admins of the bureau that acted on the record; when it names none, of the bureaus covering `jurisdictionCode`. */
  responsible: (record: { bureauId?: string; jurisdictionCode: string }) =>
    record.bureauId
      ? `SELECT u.id AS user_id FROM users u WHERE u.role = 'bureau_admin' AND u.bureau_id = ${record.bureauId}
         UNION ALL ${coveringAdmins(record.jurisdictionCode, `${record.bureauId} IS NULL`)}`
      : coveringAdmins(record.jurisdictionCode, 'true'),

  /** The official the record is assigned to (none while unassigned). */
  assignee: (userId: string) => `SELECT ${userId} AS user_id WHERE ${userId} IS NOT NULL`,

  /** The admins of the province bureau above `jurisdictionCode`: where a missed deadline is escalated. */
  escalation: (jurisdictionCode: string) =>
    `SELECT u.id AS user_id FROM users u WHERE u.role = 'bureau_admin' AND u.bureau_id IN (${provinceBureauIdsSql(jurisdictionCode)})`,
} as const;

/** The admins of the city and province bureaus whose division contains `jurisdictionCode`, when `when` holds. */
function coveringAdmins(jurisdictionCode: string, when: string): string {
  return `SELECT u.id AS user_id FROM users u
           WHERE ${when} AND u.role = 'bureau_admin' AND u.bureau_id IN (${coveringBureauIdsSql(jurisdictionCode)})`;
}

/**
 * The users told, as `LATERAL (...) rcp` with one column `user_id`: join it with `CROSS JOIN` and
 * use `rcp.user_id` as the recipient. UNION ALL: the answers rarely overlap (a user has one role
 * and one bureau), and where they do the per-user dedup key keeps one notification; this spares a
 * de-duplication per record in jobs that visit many thousands.
 */
export function told(...answers: string[]): string {
  return `LATERAL (${answers.join('\n UNION ALL ')}) rcp`;
}
