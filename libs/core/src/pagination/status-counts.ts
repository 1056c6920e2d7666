import { ApiProperty } from '@nestjs/swagger';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Rows of a (scoped) query counted by `column` in one grouped statement: every value named, zero
 * when none. Queue counts come from here, never from the length of a page (which stops at its limit).
 */
export async function countByStatus<S extends string>(qb: SelectQueryBuilder<ObjectLiteral>, column: string, statuses: readonly S[]): Promise<Record<S, number>> {
  const rows = (await qb.select(column, 'status').addSelect('count(*)::int', 'count').groupBy(column).getRawMany()) as { status: S; count: number }[];
  const counts = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<S, number>;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

/** Exact counts of a list by state, in the caller's jurisdiction. */
export class StatusCountsView {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Every state, with how many are in it (0 when none)' }) byStatus: Record<string, number>;
  @ApiProperty({ type: 'integer', description: 'All of them' }) total: number;
}

export function statusCountsView(byStatus: Record<string, number>): StatusCountsView {
  return { byStatus, total: Object.values(byStatus).reduce((sum, n) => sum + n, 0) };
}
