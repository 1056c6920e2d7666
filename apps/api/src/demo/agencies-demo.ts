import { INestApplicationContext } from '@nestjs/common';
import { AgenciesService, AgencyType, withUsccCheck } from '@app/agencies';
import { Actor } from '@app/access';
import { UsersService } from '@app/auth';
import { Clock, addDays } from '@app/core';
import { LicenceAction, LicenceApplicationsService, LicencesService, LicenceType } from '@app/licensing';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_PASSWORD_POLICY } from './demo-data';
import { DemoContext } from './demo-steps';

interface DemoAgency {
  nameZh: string;
  nameEn: string;
  city: string;
  type: AgencyType;
  /** What happens to its licence after issue; undefined: stays active. */
  fate?: LicenceAction | 'expiring' | 'expired';
}

/** ~30 agencies across the pilot provinces, with licences in every status. */
const AGENCIES: DemoAgency[] = [
  { nameZh: '福州海峡国际人力资源有限公司', nameEn: 'Fuzhou Strait International HR Co.', city: '350100', type: 'overseas_placement' },
  { nameZh: '福州闽江劳务合作有限公司', nameEn: 'Fuzhou Minjiang Labour Cooperation Co.', city: '350100', type: 'labour_service_cooperation', fate: 'suspend' },
  { nameZh: '福州榕城职业介绍所', nameEn: 'Fuzhou Rongcheng Job Centre', city: '350100', type: 'domestic_placement', fate: 'expiring' },
  { nameZh: '厦门鹭岛国际劳务有限公司', nameEn: 'Xiamen Egret Island Labour Co.', city: '350200', type: 'overseas_placement', fate: 'revoke' },
  { nameZh: '厦门海沧人才服务有限公司', nameEn: 'Xiamen Haicang Talent Services', city: '350200', type: 'domestic_placement' },
  { nameZh: '泉州侨乡对外劳务合作有限公司', nameEn: 'Quanzhou Qiaoxiang Overseas Labour Co.', city: '350500', type: 'labour_service_cooperation' },
  { nameZh: '泉州晋江人力资源服务有限公司', nameEn: 'Quanzhou Jinjiang HR Services', city: '350500', type: 'domestic_placement', fate: 'surrender' },
  { nameZh: '漳州九龙江劳务有限公司', nameEn: 'Zhangzhou Jiulong River Labour Co.', city: '350600', type: 'overseas_placement', fate: 'expired' },
  { nameZh: '莆田湄洲人力资源有限公司', nameEn: 'Putian Meizhou HR Co.', city: '350300', type: 'overseas_placement' },
  { nameZh: '宁德三都澳劳务合作有限公司', nameEn: 'Ningde Sanduao Labour Cooperation Co.', city: '350900', type: 'labour_service_cooperation', fate: 'expiring' },
  { nameZh: '龙岩客家人力资源服务有限公司', nameEn: 'Longyan Hakka HR Services', city: '350800', type: 'domestic_placement' },
  { nameZh: '沈阳盛京国际人力资源有限公司', nameEn: 'Shenyang Shengjing International HR Co.', city: '210100', type: 'overseas_placement' },
  { nameZh: '沈阳浑河劳务派遣有限公司', nameEn: 'Shenyang Hun River Labour Co.', city: '210100', type: 'domestic_placement', fate: 'suspend' },
  { nameZh: '大连海洋对外劳务合作有限公司', nameEn: 'Dalian Ocean Overseas Labour Co.', city: '210200', type: 'labour_service_cooperation' },
  { nameZh: '大连星海人力资源有限公司', nameEn: 'Dalian Xinghai HR Co.', city: '210200', type: 'overseas_placement', fate: 'expiring' },
  { nameZh: '鞍山钢城职业介绍有限公司', nameEn: 'Anshan Steel City Job Agency', city: '210300', type: 'domestic_placement', fate: 'revoke' },
  { nameZh: '丹东鸭绿江劳务合作有限公司', nameEn: 'Dandong Yalu River Labour Cooperation', city: '210600', type: 'labour_service_cooperation', fate: 'expired' },
  { nameZh: '营口港城人力资源有限公司', nameEn: 'Yingkou Port City HR Co.', city: '210800', type: 'overseas_placement' },
  { nameZh: '锦州渤海人才服务有限公司', nameEn: 'Jinzhou Bohai Talent Services', city: '210700', type: 'domestic_placement' },
  { nameZh: '葫芦岛兴城劳务有限公司', nameEn: 'Huludao Xingcheng Labour Co.', city: '211400', type: 'overseas_placement', fate: 'surrender' },
  { nameZh: '济南泉城国际人力资源有限公司', nameEn: 'Jinan Spring City International HR', city: '370100', type: 'overseas_placement' },
  { nameZh: '济南历下职业介绍所', nameEn: 'Jinan Lixia Job Centre', city: '370100', type: 'domestic_placement' },
  { nameZh: '青岛海港对外劳务合作有限公司', nameEn: 'Qingdao Harbour Overseas Labour Co.', city: '370200', type: 'labour_service_cooperation', fate: 'suspend' },
  { nameZh: '青岛崂山人力资源服务有限公司', nameEn: 'Qingdao Laoshan HR Services', city: '370200', type: 'overseas_placement' },
  { nameZh: '烟台蓬莱劳务有限公司', nameEn: 'Yantai Penglai Labour Co.', city: '370600', type: 'overseas_placement', fate: 'expiring' },
  { nameZh: '威海石岛海员劳务有限公司', nameEn: 'Weihai Shidao Seafarer Services', city: '371000', type: 'labour_service_cooperation', fate: 'revoke' },
  { nameZh: '潍坊风筝都人力资源有限公司', nameEn: 'Weifang Kite City HR Co.', city: '370700', type: 'domestic_placement' },
  { nameZh: '临沂沂蒙劳务合作有限公司', nameEn: 'Linyi Yimeng Labour Cooperation Co.', city: '371300', type: 'overseas_placement', fate: 'expired' },
  { nameZh: '日照海滨职业介绍有限公司', nameEn: 'Rizhao Seaside Job Agency', city: '371100', type: 'domestic_placement' },
  { nameZh: '淄博齐都人力资源服务有限公司', nameEn: 'Zibo Qidu HR Services', city: '370300', type: 'overseas_placement' },
];

const LICENCE_FOR: Record<AgencyType, LicenceType> = {
  domestic_placement: 'human_resources_service',
  overseas_placement: 'overseas_employment',
  labour_service_cooperation: 'labour_service_cooperation',
};

const DESTINATIONS = [['SG', 'MY'], ['JP', 'KR'], ['AE', 'SA', 'QA'], ['DE', 'PL'], ['AU', 'NZ'], ['RU'], ['IL']];

const PROVINCE: Record<string, { bureau: string; admin: string }> = {
  '35': { bureau: 'fujian', admin: 'fj-admin' },
  '21': { bureau: 'liaoning', admin: 'ln-admin' },
  '37': { bureau: 'shandong', admin: 'sd-admin' },
};

/**
 * Registers the demo agencies and takes their licences through the real application and
 * lifecycle services, so numbers, events and audit records are all genuine.
 */
export async function seedAgenciesAndLicences(app: INestApplicationContext, context: DemoContext): Promise<void> {
  const agencies = app.get(AgenciesService);
  const applications = app.get(LicenceApplicationsService);
  const licences = app.get(LicencesService);
  const users = app.get(UsersService);
  const dataSource = app.get(DataSource);
  const today = app.get(Clock).today();

  // Each province's licensing officer registers and licenses its agencies.
  const officerOf = (city: string): Actor => {
    const province = PROVINCE[city.slice(0, 2)];
    return {
      userId: context.userIds.get(province.admin) as string,
      username: province.admin,
      role: 'bureau_admin',
      bureauId: context.bureauIds.get(province.bureau) as string,
      agencyId: null,
      jurisdictionPrefix: city.slice(0, 2),
    };
  };

  const agencyIdByName = new Map<string, string>();
  for (const [index, demo] of AGENCIES.entries()) {
    const officer = officerOf(demo.city);
    const serial = `DEMO${String(index + 1).padStart(5, '0')}`.replace(/O/g, '0').replace(/[IS]/g, '1');
    const agency = await agencies.create(officer, {
      uscc: withUsccCheck(`91${demo.city}${serial}`.slice(0, 17)),
      nameZh: demo.nameZh,
      nameEn: demo.nameEn,
      legalRepresentative: ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆'][index % 6],
      address: `${demo.nameZh.slice(0, 2)}市某区建设路${index + 1}号`,
      jurisdictionCode: demo.city,
      agencyType: demo.type,
      contactName: '业务部',
      contactPhone: `0${400 + index}-8${String(1000000 + index * 7919).slice(-7)}`,
      contactEmail: `contact${index + 1}@agency-demo.cn`,
    });
    agencyIdByName.set(demo.nameEn, agency.id);
    const type = LICENCE_FOR[demo.type];
    const application = await applications.create(officer, {
      agencyId: agency.id,
      kind: 'new',
      licenceType: type,
      scope: {
        activities: type === 'human_resources_service' ? ['job_placement', 'recruitment_advertising'] : ['overseas_placement', 'pre_departure_training'],
        destinationCountries: type === 'human_resources_service' ? [] : DESTINATIONS[index % DESTINATIONS.length],
      },
      reserveFundAmount: type === 'labour_service_cooperation' ? 3_000_000 : undefined,
    });
    const approved = await applications.decide(officer, application.id, { decision: 'approve' });
    const licenceId = approved.resultingLicenceId as string;
    // Spread issue dates over the past years so expiries and renewal windows vary.
    const validFrom = addDays(today, -(200 + index * 53));
    await dataSource.query(`UPDATE licences SET valid_from = $2, expires_on = ($2::date + interval '5 years')::date WHERE id = $1`, [licenceId, validFrom]);
    await applyFate(dataSource, licences, officer, licenceId, demo.fate, today);
  }
  // A few open applications for the licensing officers' queues.
  const pending = AGENCIES.filter((a) => a.type === 'domestic_placement').slice(0, 3);
  for (const demo of pending) {
    await applications.create(officerOf(demo.city), {
      agencyId: agencyIdByName.get(demo.nameEn),
      kind: 'new',
      licenceType: 'overseas_employment',
      scope: { activities: ['overseas_placement'], destinationCountries: ['SG'] },
      note: 'Extending into placement abroad',
    });
  }
  await licences.expireDue(dataSource.manager);

  await users.create(context.systemActor, { username: 'agency-fj-1', displayName: 'Fuzhou Strait International HR (staff)', password: DEMO_PASSWORD, role: 'agency_user', agencyId: agencyIdByName.get(AGENCIES[0].nameEn) }, DEMO_PASSWORD_POLICY);
  // An agency whose licence is inside its renewal window, so that "apply for renewal" can be shown.
  await users.create(context.systemActor, { username: 'agency-fj-2', displayName: 'Fuzhou Rongcheng Job Centre (staff)', password: DEMO_PASSWORD, role: 'agency_user', agencyId: agencyIdByName.get(AGENCIES[2].nameEn) }, DEMO_PASSWORD_POLICY);
  await users.create(context.systemActor, { username: 'agency-ln-1', displayName: 'Shenyang Shengjing International HR (staff)', password: DEMO_PASSWORD, role: 'agency_user', agencyId: agencyIdByName.get(AGENCIES[11].nameEn) }, DEMO_PASSWORD_POLICY);
}

async function applyFate(dataSource: DataSource, licences: LicencesService, officer: Actor, licenceId: string, fate: DemoAgency['fate'], today: string): Promise<void> {
  switch (fate) {
    case undefined:
      return;
    case 'expiring':
      // Inside the renewal window: the reminder job has something to say about these.
      await dataSource.query(`UPDATE licences SET expires_on = $2 WHERE id = $1`, [licenceId, addDays(today, 40)]);
      return;
    case 'expired':
      await dataSource.query(`UPDATE licences SET expires_on = $2 WHERE id = $1`, [licenceId, addDays(today, -10)]);
      return;
    case 'suspend':
      await licences.transition(officer, licenceId, 'suspend', 'Recruitment fees charged to workers (inspection finding)', { until: addDays(today, 60) });
      return;
    default:
      if (fate === 'revoke') await licences.transition(officer, licenceId, 'suspend', 'Serious violation found on inspection');
      await licences.transition(officer, licenceId, fate, fate === 'revoke' ? 'Forced-labour indicators substantiated' : 'Agency closed its business');
  }
}
