import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before enforcement cases, a bureau admin's sanction decision on an inspection changed the
 * licence at once. Each such decision (other than none) becomes a closed case with the inspection
 * as its ground, so that an agency's sanction history, its public sanctions and its demerit points
 * stay whole. Run once; an inspection already a ground of a case is skipped.
 */
export class InspectionSanctionsToCases1763886200001 implements MigrationInterface {
  name = 'InspectionSanctionsToCases1763886200001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      WITH decided AS (
        SELECT i.* FROM inspections i
         WHERE i.sanction_decision IN ('warning', 'fine', 'suspension', 'revocation')
           AND NOT EXISTS (SELECT 1 FROM case_grounds g WHERE g.kind = 'inspection' AND g.reference = i.id::text)
      ), cases AS (
        INSERT INTO enforcement_cases (
          agency_id, jurisdiction_code, status, proposed_sanction, proposed_fine_amount, proposed_suspension_days, legal_basis, facts,
          investigating_officer_id, opened_by_id, opened_by_username, opened_at, decision_due_on,
          decided_sanction, decided_fine_amount, decided_suspension_days, decision_reasons, deciding_officer_id, decided_at, effective_on,
          reconsideration_due_on, litigation_due_on, sanctioned_licence_ids, closed_at, created_at)
        SELECT d.agency_id, d.jurisdiction_code, 'closed', d.sanction_decision,
               CASE WHEN d.sanction_decision = 'fine' THEN greatest(round(coalesce(d.decided_fine_amount, d.proposed_fine_amount, 1) * 100), 1)::bigint END,
               CASE WHEN d.sanction_decision = 'suspension' THEN coalesce(d.decided_suspension_days, d.proposed_suspension_days, 1) END,
               'Decided on inspection ' || d.id || ' before enforcement cases existed',
               coalesce(d.sanction_proposal_reason, 'Inspection outcome: ' || d.outcome),
               coalesce(d.lead_inspector_id, d.submitted_by), d.sanction_decided_by, 'migration', coalesce(d.submitted_at, d.sanction_decided_at),
               (coalesce(d.submitted_at, d.sanction_decided_at) AT TIME ZONE 'Asia/Shanghai')::date + 90,
               d.sanction_decision,
               CASE WHEN d.sanction_decision = 'fine' THEN greatest(round(coalesce(d.decided_fine_amount, d.proposed_fine_amount, 1) * 100), 1)::bigint END,
               CASE WHEN d.sanction_decision = 'suspension' THEN coalesce(d.decided_suspension_days, d.proposed_suspension_days, 1) END,
               d.sanction_decision_reason, d.sanction_decided_by, d.sanction_decided_at, (d.sanction_decided_at AT TIME ZONE 'Asia/Shanghai')::date,
               (d.sanction_decided_at AT TIME ZONE 'Asia/Shanghai')::date + 60, ((d.sanction_decided_at AT TIME ZONE 'Asia/Shanghai')::date + interval '6 months')::date,
               coalesce(d.sanctioned_licence_ids, '{}'), d.sanction_decided_at, coalesce(d.submitted_at, d.sanction_decided_at)
          FROM decided d
        RETURNING id, decision_reasons, legal_basis
      )
      INSERT INTO case_grounds (case_id, kind, reference, note)
      SELECT c.id, 'inspection', substring(c.legal_basis FROM 'inspection ([0-9a-f-]{36})'), 'Migrated inspection sanction decision' FROM cases c`);
    await db.query(`
      INSERT INTO case_events (case_id, kind, from_status, to_status, details, actor_id, actor_username, occurred_at)
      SELECT c.id, 'migrated', NULL, 'closed', jsonb_build_object('inspectionId', g.reference), c.deciding_officer_id, 'migration', c.decided_at
        FROM enforcement_cases c JOIN case_grounds g ON g.case_id = c.id
       WHERE c.opened_by_username = 'migration' AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM case_events WHERE case_id IN (SELECT id FROM enforcement_cases WHERE opened_by_username = 'migration')`);
    await db.query(`DELETE FROM case_grounds WHERE case_id IN (SELECT id FROM enforcement_cases WHERE opened_by_username = 'migration')`);
    await db.query(`DELETE FROM enforcement_cases WHERE opened_by_username = 'migration'`);
  }
}
