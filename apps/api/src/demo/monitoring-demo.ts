import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@app/access';
import { ChecklistsService } from '@app/checklists';
import { addDays, Clock } from '@app/core';
import { Answer, CorrectiveActionsService, FindingResult, InspectionsService, RiskService, Sanction, SanctionsService } from '@app/inspections';
import { SelfAssessmentsService } from '@app/self-assessments';
import type { DemoContext } from './demo-steps';

const PROVINCES = [
  { prefix: '35', bureau: 'fujian', admin: 'fj-admin', inspector: 'fj-inspector' },
  { prefix: '21', bureau: 'liaoning', admin: 'ln-admin', inspector: 'ln-inspector' },
  { prefix: '37', bureau: 'shandong', admin: 'sd-admin', inspector: 'sd-inspector' },
] as const;

/**
 * What the first agencies of each province get, in order: one inspection of every outcome
 * (checklist items named are non-compliant), days before today, and the sanction decided.
 */
const INSPECTION_PLAN: { nonCompliant: string[]; daysAgo: number; decision?: { sanction: Sanction; fineAmount?: number } }[] = [
  { nonCompliant: ['FEE-1', 'PRO-1'], daysAgo: 60, decision: { sanction: 'fine', fineAmount: 50_000 } },
  { nonCompliant: ['LIC-3', 'FEE-2'], daysAgo: 120 },
  { nonCompliant: ['GOV-2'], daysAgo: 180, decision: { sanction: 'warning' } },
  { nonCompliant: [], daysAgo: 240, decision: { sanction: 'none' } },
];

/**
 * Inspections of every outcome with their corrective actions (answered, verified, open), a
 * planned visit and the follow-up a serious violation plans, and last year's self-assessment
 * round in Fujian with submitted, returned, accepted, overdue and discrepant ones; then every
 * agency's risk score. Runs through the services, so everything is audited as in real use.
 */
export async function seedMonitoring(app: INestApplicationContext, context: DemoContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const inspections = app.get(InspectionsService);
  const sanctions = app.get(SanctionsService);
  const correctiveActions = app.get(CorrectiveActionsService);
  const checklists = app.get(ChecklistsService);
  const today = app.get(Clock).today();
  const { template, items } = await checklists.forUse('inspection', undefined);

  const official = (username: string, role: 'bureau_admin' | 'inspector', bureau: string, prefix: string): Actor => ({
    userId: context.userIds.get(username) as string,
    username,
    role,
    bureauId: context.bureauIds.get(bureau) as string,
    agencyId: null,
    jurisdictionPrefix: prefix,
  });
  const agencyActor = (agencyId: string): Actor => ({ userId: context.systemActor.userId, username: 'demo-agency', role: 'agency_user', bureauId: null, agencyId, jurisdictionPrefix: null });

  for (const province of PROVINCES) {
    const inspector = official(province.inspector, 'inspector', province.bureau, province.prefix);
    const admin = official(province.admin, 'bureau_admin', province.bureau, province.prefix);
    const agencies = (await dataSource.query(`SELECT id FROM agencies WHERE jurisdiction_code LIKE $1 ORDER BY created_at, id LIMIT 5`, [`${province.prefix}%`])) as { id: string }[];

    for (const [index, plan] of INSPECTION_PLAN.entries()) {
      const agency = agencies[index];
      if (!agency) break;
      const created = await inspections.create(inspector, { agencyId: agency.id, type: 'routine', inspectionDate: addDays(today, -plan.daysAgo), templateId: template.id });
      const findings = items.map((item) => ({
        itemCode: item.code,
        result: (plan.nonCompliant.includes(item.code) ? 'non_compliant' : 'compliant') as FindingResult,
        note: plan.nonCompliant.includes(item.code) ? '现场抽查发现问题' : undefined,
      }));
      const filed = await inspections.putFindings(inspector, created.id, { findings, version: created.version });
      const submitted = await inspections.submit(inspector, created.id, { version: filed.version });
      if (plan.decision) await sanctions.decide(admin, created.id, { ...plan.decision, reason: '依据检查报告作出', version: submitted.version });
    }

    // Corrective actions: the critical case's first one answered, the minor case's verified.
    const actions = (await dataSource.query(
      `SELECT c.id, c.agency_id AS "agencyId", c.version FROM corrective_actions c WHERE c.jurisdiction_code LIKE $1 ORDER BY c.created_at, c.item_code`,
      [`${province.prefix}%`],
    )) as { id: string; agencyId: string; version: number }[];
    const critical = actions.find((a) => a.agencyId === agencies[0]?.id);
    if (critical) await correctiveActions.patch(agencyActor(critical.agencyId), critical.id, { action: 'submit', response: '已全额退还收费并整改', version: critical.version });
    const minor = actions.find((a) => a.agencyId === agencies[2]?.id);
    if (minor) {
      const answered = await correctiveActions.patch(agencyActor(minor.agencyId), minor.id, { action: 'submit', response: '已组织全员培训', version: minor.version });
      await correctiveActions.patch(inspector, minor.id, { action: 'verify', note: '培训记录已核实', version: answered.version });
    }
    if (agencies[4]) await inspections.create(inspector, { agencyId: agencies[4].id, type: 'thematic', inspectionDate: addDays(today, 7), templateId: template.id });
  }

  await seedSelfAssessmentRound(app, official('fj-admin', 'bureau_admin', 'fujian', '35'), agencyActor);
  await app.get(RiskService).recomputeAll();
}

/** Last year's round in Fujian: its due date has passed, so the ones still in draft are overdue. */
async function seedSelfAssessmentRound(app: INestApplicationContext, admin: Actor, agencyActor: (agencyId: string) => Actor): Promise<void> {
  const selfAssessments = app.get(SelfAssessmentsService);
  const checklists = app.get(ChecklistsService);
  const dataSource = app.get(DataSource);
  const today = app.get(Clock).today();
  const { items } = await checklists.forUse('self_assessment', undefined);
  const round = await selfAssessments.openRound(admin, { period: Number(today.slice(0, 4)) - 1, dueOn: today });
  // The round was opened a while ago: its deadline is 30 days past (opening one today refuses a past date).
  await dataSource.query(`UPDATE self_assessments SET due_on = $2 WHERE id = ANY($1::uuid[])`, [round.items.map((s) => s.id), addDays(today, -30)]);
  const ordered = (await dataSource.query(`SELECT s.id, s.agency_id AS "agencyId" FROM self_assessments s JOIN agencies a ON a.id = s.agency_id WHERE s.id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`, [
    round.items.map((s) => s.id),
  ])) as { id: string; agencyId: string }[];

  // First: all yes, though its inspection found fees and held passports (discrepancies); second: returned; third: accepted.
  const plans: { answers: Record<string, Answer>; review?: 'accept' | 'return' }[] = [
    { answers: {} },
    { answers: { 'FEE-4': 'no', 'PRO-4': 'partly' }, review: 'return' },
    { answers: { 'GOV-3': 'partly', 'PRO-3': 'not_applicable' }, review: 'accept' },
  ];
  for (const [index, plan] of plans.entries()) {
    const target = ordered[index];
    if (!target) break;
    const agency = agencyActor(target.agencyId);
    const answers = items.map((item) => ({ itemCode: item.code, answer: plan.answers[item.code] ?? ('yes' as Answer), comment: plan.answers[item.code] ? '正在整改' : undefined }));
    const filled = await selfAssessments.putAnswers(agency, target.id, { answers, version: 1 });
    const submitted = await selfAssessments.submit(agency, target.id, { version: filled.version });
    if (plan.review) {
      await selfAssessments.review(admin, target.id, { decision: plan.review, note: plan.review === 'return' ? '请说明收据管理情况' : undefined, version: submitted.version });
    }
  }
}
