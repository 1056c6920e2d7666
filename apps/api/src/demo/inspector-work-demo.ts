import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@app/access';
import { ComplaintsService } from '@app/complaints';
import type { DemoContext } from './demo-steps';

/** How many open Fuzhou complaints fj-admin gives the Fuzhou inspector. */
const ASSIGNED = 6;

/**
 * The Fuzhou inspector's desk: fj-admin assigns open Fuzhou complaints to fz-inspector through the
 * real service (events, notification, audit), the most recent and the longest waiting, so that
 * /complaints/assigned shows every SLA colour on the first sign-in.
 */
export async function seedInspectorWork(app: INestApplicationContext, context: DemoContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const complaints = app.get(ComplaintsService);
  const inspectorId = context.userIds.get('fz-inspector');
  const adminId = context.userIds.get('fj-admin');
  if (!inspectorId || !adminId) return;
  const admin: Actor = { userId: adminId, username: 'fj-admin', role: 'bureau_admin', bureauId: context.bureauIds.get('fujian') as string, agencyId: null, jurisdictionPrefix: '35' };
  const rows = (await dataSource.query(
    `(SELECT id, version FROM complaints WHERE jurisdiction_code LIKE '3501%' AND status IN ('received', 'triaged', 'investigating') AND assignee_id IS NULL
       ORDER BY received_at DESC, id LIMIT $1)
     UNION
     (SELECT id, version FROM complaints WHERE jurisdiction_code LIKE '3501%' AND status IN ('triaged', 'investigating') AND assignee_id IS NULL
       ORDER BY received_at, id LIMIT $2)`,
    [ASSIGNED - 2, 2],
  )) as { id: string; version: number }[];
  for (const row of rows) await complaints.assign(admin, row.id, { assigneeId: inspectorId, version: row.version });
}
