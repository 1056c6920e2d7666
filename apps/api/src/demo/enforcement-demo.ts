import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@app/access';
import { AgenciesService, withUsccCheck } from '@app/agencies';
import { ChecklistsService } from '@app/checklists';
import { CaseDecisions, CaseProposals, DueProcessSteps, DemeritPointsService } from '@app/enforcement';
import { Clock } from '@app/core';
import { InspectionsService } from '@app/inspections';
import { LicenceApplicationsService } from '@app/licensing';
import type { DemoContext } from './demo-steps';

const BASIS = { zh: '人力资源市场暂行条例 第四十二条、第四十五条', en: 'Interim Regulation on the Human Resources Market, arts. 42 and 45' };

/** A demo story's '中文 / English' facts, each language on its own. */
const bilingual = (text: string) => {
  const [zh, en] = text.split(' / ');
  return { zh, en: en ?? zh };
};

/**
 * Enforcement cases in every state, through the services: the inspections' proposals are opened
 * cases already (the monitoring step); here a Fujian notice awaits representations, cases are
 * at hearing, decided and published, annulled on appeal, upheld and closed, withdrawn; then
 * the credit grades (A to D, the D agency with its proposed revocation case).
 */
export async function seedEnforcement(app: INestApplicationContext, context: DemoContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const cases = app.get(CaseProposals);
  const steps = app.get(DueProcessSteps);
  const decisions = app.get(CaseDecisions);
  const points = app.get(DemeritPointsService);
  const today = app.get(Clock).today();
  const official = (username: string, role: 'bureau_admin' | 'inspector', prefix = '35', bureau = 'fujian'): Actor => ({
    userId: context.userIds.get(username) as string,
    username,
    role,
    bureauId: context.bureauIds.get(bureau) as string,
    agencyId: null,
    jurisdictionPrefix: prefix,
  });
  const admin = official('fj-admin', 'bureau_admin');
  const inspector = official('fj-inspector', 'inspector');
  const agencyActor = (agencyId: string): Actor => ({ userId: context.systemActor.userId, username: 'demo-agency', role: 'agency_user', bureauId: null, agencyId, jurisdictionPrefix: null });

  // The fine proposed on Fujian's first inspected agency: its notice is served, representations awaited.
  const [proposed] = (await dataSource.query(
    `SELECT c.id, c.version FROM enforcement_cases c WHERE c.jurisdiction_code LIKE '35%' AND c.status = 'opened' AND c.proposed_sanction = 'fine' ORDER BY c.created_at LIMIT 1`,
  )) as { id: string; version: number }[];
  if (proposed) await steps.serveNotice(admin, proposed.id, { version: proposed.version });

  // Agencies of Fujian without a case yet, each for one story.
  const free = (await dataSource.query(
    `SELECT a.id FROM agencies a WHERE a.jurisdiction_code LIKE '35%' AND EXISTS (SELECT 1 FROM licences l WHERE l.agency_id = a.id AND l.status = 'active')
        AND NOT EXISTS (SELECT 1 FROM enforcement_cases c WHERE c.agency_id = a.id) ORDER BY a.created_at, a.id LIMIT 6`,
  )) as { id: string }[];
  const open = async (agencyId: string, sanction: 'warning' | 'fine' | 'suspension' | 'revocation', facts: string, extra: { fineAmount?: number; suspensionDays?: number } = {}) => {
    // Through the seam other modules use: the demo's grounds are stories, not records.
    const { id } = await cases.proposeCase({
      agencyId,
      grounds: [{ kind: 'complaint', reference: `demo-${agencyId}` }],
      proposedSanction: sanction,
      legalBasis: BASIS,
      facts: bilingual(facts),
      openedBy: { userId: inspector.userId, username: inspector.username },
      ...extra,
    });
    return steps.serveNotice(admin, id, { version: 1 });
  };
  const waiveAndDecide = async (served: { id: string; agencyId: string; version: number }, decision: { sanction: 'warning' | 'fine' | 'suspension' | 'revocation'; fineAmount?: number; suspensionDays?: number }) => {
    const waived = await steps.waive(agencyActor(served.agencyId), served.id, { version: served.version, statement: '本机构书面放弃陈述申辩和听证权利' });
    return decisions.decide(admin, served.id, { ...decision, reasons: '事实清楚，证据确凿', version: waived.version });
  };
  const stories: ((agencyId: string) => Promise<unknown>)[] = [
    // Decided and published: a 30-day suspension (grade C).
    async (id) => waiveAndDecide(await open(id, 'suspension', '扣押劳动者护照 / Workers’ passports were held', { suspensionDays: 30 }), { sanction: 'suspension', suspensionDays: 30 }),
    // Annulled on appeal: the suspension is reversed and leaves the public list.
    async (id) => {
      const decided = await waiveAndDecide(await open(id, 'suspension', '向劳动者收取中介费 / Recruitment fees were charged to workers', { suspensionDays: 15 }), { sanction: 'suspension', suspensionDays: 15 });
      return decisions.appeal(admin, decided.id, { version: decided.version, body: 'reconsideration', lodgedOn: today, outcome: 'annulled', decidedOn: today, note: '复议机关认定证据不足' });
    },
    // Revocation decided: 24 points, grade D, and the revocation proposal the grade opens.
    async (id) => waiveAndDecide(await open(id, 'revocation', '以出境就业为名实施欺诈 / Fraud under the guise of overseas placement'), { sanction: 'revocation' }),
    // A hearing requested.
    async (id) => {
      const served = await open(id, 'fine', '未公示收费标准 / Fees not displayed', { fineAmount: 2_000_000 });
      return steps.hearing(agencyActor(id), served.id, { version: served.version, reason: '我们对事实有异议' });
    },
    // Heard, awaiting the decision.
    async (id) => {
      const served = await open(id, 'fine', '未签订书面合同 / No written contracts', { fineAmount: 1_000_000 });
      const requested = await steps.hearing(agencyActor(id), served.id, { version: served.version, reason: '请求听证' });
      return steps.hearing(admin, served.id, { version: requested.version, heldOn: today, attendees: '机构负责人、律师；执法人员二人', minutes: '机构承认部分事实' });
    },
    // Withdrawn before a decision.
    async (id) => {
      const served = await open(id, 'warning', '台账不全 / Incomplete records');
      return steps.withdraw(admin, served.id, { version: served.version, reason: '已补齐台账' });
    },
  ];
  for (const [index, story] of stories.entries()) {
    if (free[index]) await story(free[index].id);
  }

  await seedWellRunAgency(app, admin, inspector);

  // Grades for every agency (complaint points too); a D agency gets its proposed revocation case.
  await dataSource.transaction(async (manager) => {
    await points.awardForComplaints(manager, null, today);
    const grades = await points.recompute(manager, null);
    await cases.proposeForGradeD(manager, grades.filter((g) => g.grade === 'D'));
  });
}

/** A newly licensed agency without complaints whose first inspection found everything compliant: grade A. */
async function seedWellRunAgency(app: INestApplicationContext, admin: Actor, inspector: Actor): Promise<void> {
  const agency = await app.get(AgenciesService).create(admin, {
    uscc: withUsccCheck('91350100GRADEA001'.replace(/[GRADE]/g, '0').slice(0, 17)),
    nameZh: '福州诚信人力资源有限公司',
    nameEn: 'Fuzhou Integrity HR Co.',
    legalRepresentative: '林诚',
    address: '福州市鼓楼区诚信路1号',
    jurisdictionCode: '350100',
    agencyType: 'domestic_placement',
    contactName: '业务部',
    contactEmail: 'contact@integrity-demo.cn',
  });
  const applications = app.get(LicenceApplicationsService);
  const application = await applications.create(admin, { agencyId: agency.id, kind: 'new', licenceType: 'human_resources_service', scope: { activities: ['job_placement'], destinationCountries: [] } });
  await applications.decide(admin, application.id, { decision: 'approve' });
  const inspections = app.get(InspectionsService);
  const { template, items } = await app.get(ChecklistsService).forUse('inspection', undefined);
  const created = await inspections.create(inspector, { agencyId: agency.id, type: 'routine', inspectionDate: app.get(Clock).today(), templateId: template.id });
  const filed = await inspections.putFindings(inspector, created.id, { findings: items.map((item) => ({ itemCode: item.code, result: 'compliant' as const })), version: created.version });
  await inspections.submit(inspector, created.id, { version: filed.version });
}
