import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgenciesService, withUsccCheck } from '@app/agencies';
import { AnnualReportsService } from '@app/annual-reports';
import { AnnualReportDeadlinesJob } from '@app/annual-reports';
import { Actor } from '@app/access';
import { addDays, Clock } from '@app/core';
import { LicenceApplicationsService } from '@app/licensing';
import { ReserveFundsService } from '@app/reserve-funds';
import type { DemoContext } from './demo-steps';

const PROVINCES = [
  { prefix: '35', bureau: 'fujian', admin: 'fj-admin' },
  { prefix: '21', bureau: 'liaoning', admin: 'ln-admin' },
  { prefix: '37', bureau: 'shandong', admin: 'sd-admin' },
] as const;

/** What happens to last year's report of the n-th licensed agency of a province (the rest never file: overdue). */
const REPORT_PLAN = ['accepted', 'accepted_fee', 'returned', 'submitted', 'accepted', 'submitted'] as const;

const PLACEMENTS = [
  [{ country: 'SG', workers: 46 }, { country: 'MY', workers: 21 }],
  [{ country: 'JP', workers: 38 }, { country: 'KR', workers: 17 }],
  [{ country: 'AE', workers: 25 }, { country: 'SA', workers: 12 }, { country: 'QA', workers: 8 }],
  [{ country: 'DE', workers: 9 }, { country: 'PL', workers: 14 }],
  [{ country: 'SG', workers: 30 }],
  [],
];

/**
 * The yearly duties' demo, through the services: last year's annual reports in each province
 * (accepted, one with a fee charged to workers placed abroad, returned, awaiting review; the
 * agencies that never filed recorded overdue by the deadline job), a labour service cooperation
 * agency's reserve fund drawn below its minimum with a top-up running, and a licence approved on
 * commitment whose on-site check is still to come. agency-fj-1's agency is left to file its own.
 */
export async function seedDuties(app: INestApplicationContext, context: DemoContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const reports = app.get(AnnualReportsService);
  const funds = app.get(ReserveFundsService);
  const clock = app.get(Clock);
  const today = clock.today();
  const year = Number(today.slice(0, 4)) - 1;
  const [{ agencyId: ownAgency }] = (await dataSource.query(`SELECT agency_id AS "agencyId" FROM users WHERE username = 'agency-fj-1'`)) as { agencyId: string }[];
  const admin = (province: (typeof PROVINCES)[number]): Actor => ({
    userId: context.userIds.get(province.admin) as string,
    username: province.admin,
    role: 'bureau_admin',
    bureauId: context.bureauIds.get(province.bureau) as string,
    agencyId: null,
    jurisdictionPrefix: province.prefix,
  });
  const agencyActor = (agencyId: string): Actor => ({ userId: context.systemActor.userId, username: 'demo-agency', role: 'agency_user', bureauId: null, agencyId, jurisdictionPrefix: null });

  for (const province of PROVINCES) {
    const agencies = (await dataSource.query(
      `SELECT a.id FROM agencies a
        WHERE a.jurisdiction_code LIKE $1 AND a.id <> $2
          AND EXISTS (SELECT 1 FROM licences l WHERE l.agency_id = a.id AND l.status IN ('active', 'suspended'))
        ORDER BY a.created_at, a.id`,
      [`${province.prefix}%`, ownAgency],
    )) as { id: string }[];
    for (const [index, plan] of REPORT_PLAN.entries()) {
      const agency = agencies[index];
      if (!agency) break;
      const actor = agencyActor(agency.id);
      const placements = PLACEMENTS[index];
      const abroad = placements.reduce((sum, p) => sum + p.workers, 0);
      const feeAbroad = plan === 'accepted_fee' ? 180_000 : 0;
      const created = await reports.create(actor, {
        year,
        workersPlacedDomestic: 80 + index * 37,
        workersPlacedAbroad: abroad,
        placementsAbroad: placements,
        employersServed: 12 + index * 5,
        feesFromEmployersFen: (1_200_000 + index * 350_000) * 100,
        feesChargedToWorkersFen: feeAbroad,
        feesChargedToWorkersAbroadFen: feeAbroad,
        complaintsReceived: index % 3,
        staffCount: 8 + index * 3,
      });
      const submitted = await reports.submit(actor, created.id, { version: created.version });
      if (plan === 'submitted') continue;
      const decision = plan === 'returned' ? { decision: 'return' as const, note: '境外派出人数与合同备案不符，请核对后重新提交' } : { decision: 'accept' as const };
      await reports.review(admin(province), created.id, { ...decision, version: submitted.version });
    }
  }
  // Past 31 March the agencies that never filed are recorded overdue, as the daily job does.
  await app.get(AnnualReportDeadlinesJob).run({ runId: 'demo-seed', startedAt: clock.now(), today });

  // A labour service cooperation agency paid workers out of its reserve fund and must top it up.
  const fujian = admin(PROVINCES[0]);
  const lsc = (await dataSource.query(
    `SELECT a.id, a.jurisdiction_code AS code FROM agencies a
      WHERE a.agency_type = 'labour_service_cooperation'
        AND EXISTS (SELECT 1 FROM licences l WHERE l.agency_id = a.id AND l.licence_type = 'labour_service_cooperation' AND l.status = 'active')
      ORDER BY a.created_at, a.id`,
  )) as { id: string; code: string }[];
  for (const [index, agency] of lsc.entries()) {
    const province = PROVINCES.find((p) => agency.code.startsWith(p.prefix)) ?? PROVINCES[0];
    await funds.addEntry(admin(province), agency.id, {
      kind: 'deposit',
      amount: 300_000_000,
      occurredOn: addDays(today, -180 - index * 30),
      evidence: `中国工商银行 备用金专户 回单 ${String(20250001 + index)}`,
      reason: '缴存对外劳务合作备用金',
    });
    if (index === 0) {
      await funds.addEntry(fujian, agency.id, {
        kind: 'draw',
        amount: 42_000_000,
        occurredOn: addDays(today, -6),
        evidence: '中国工商银行 划款凭证 20261124-0031',
        reason: '支付被拖欠的劳动者工资',
      });
    }
  }

  // A Fuzhou agency licensed on its written commitment; the on-site check is due within a month.
  const agenciesService = app.get(AgenciesService);
  const applications = app.get(LicenceApplicationsService);
  const agency = await agenciesService.create(fujian, {
    uscc: withUsccCheck('91350100CMT00001'.padEnd(17, '0')),
    nameZh: '福州榕城承诺制人力资源有限公司',
    nameEn: 'Fuzhou Rongcheng HR Services (commitment)',
    legalRepresentative: '林晓',
    address: '福州市鼓楼区五四路88号',
    jurisdictionCode: '350100',
    agencyType: 'overseas_placement',
    contactName: '业务部',
    contactPhone: '0591-87650000',
    contactEmail: 'contact@rongcheng-demo.cn',
  });
  const application = await applications.create(fujian, {
    agencyId: agency.id,
    kind: 'new',
    licenceType: 'overseas_employment',
    scope: { activities: ['overseas_placement', 'pre_departure_training'], destinationCountries: ['SG', 'JP'] },
    procedure: 'commitment',
    commitment: {
      signatory: '林晓',
      statement: '本机构承诺已具备境外就业中介许可条件，所提交材料真实有效；如承诺不实，自愿接受撤销许可。',
      signedOn: addDays(today, -3),
    },
  });
  await applications.decide(fujian, application.id, { decision: 'approve' });
}
