import { DataSource } from 'typeorm';
import { Actor, applyScope } from '@app/access';

/**
 * The self-assessments due after `since` up to `today` (`of`) and how many of them were submitted,
 * whatever their review, in the actor's jurisdiction: one aggregate, for read models (the overview
 * report) on the database they read from.
 */
export async function selfAssessmentSubmissionCounts(db: DataSource, actor: Actor, since: string, today: string): Promise<{ of: number; count: number }> {
  const qb = db
    .createQueryBuilder()
    .from('self_assessments', 's')
    .select('count(*)', 'of')
    .addSelect('count(*) FILTER (WHERE s.submitted_at IS NOT NULL)', 'count')
    .where('s.due_on > :since AND s.due_on <= :today', { since, today });
  applyScope(qb, actor, { jurisdiction: 's.jurisdiction_code', agency: 's.agency_id' });
  const row = (await qb.getRawOne()) as { of: string; count: string };
  return { of: Number(row.of), count: Number(row.count) };
}
