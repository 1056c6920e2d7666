import { DataSource } from 'typeorm';

/**
 * The live-session check's read (LiveSessions in access, which sits below auth): a user's status
 * and the sign-ins ended other than by rotation after `since`, in one query.
 */
export async function readSessionState(dataSource: DataSource, userId: string, since: Date): Promise<{ active: boolean; ended: string[] }> {
  const rows = (await dataSource.query(
    `SELECT u.status, coalesce(array_agg(r.family_id) FILTER (WHERE r.family_id IS NOT NULL), '{}') AS ended
       FROM users u
       LEFT JOIN refresh_tokens r ON r.user_id = u.id AND r.revoked_reason <> 'rotated' AND r.revoked_at > $2
      WHERE u.id = $1
      GROUP BY u.status`,
    [userId, since],
  )) as { status: string; ended: string[] }[];
  return { active: rows[0]?.status === 'active', ended: rows[0]?.ended ?? [] };
}

/** How many active users belong to the bureau: a bureau with some may not close (BureausService in jurisdictions). */
export async function countActiveMembers(dataSource: DataSource, bureauId: string): Promise<number> {
  const [{ active }] = (await dataSource.query(`SELECT count(*)::int AS active FROM users WHERE bureau_id = $1 AND status = 'active'`, [bureauId])) as { active: number }[];
  return active;
}
