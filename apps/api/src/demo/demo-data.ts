import { Role } from '@app/access';
import { BureauLevel } from '@app/jurisdictions';

export const DEMO_PASSWORD = 'demo-password';
/**
 * The demo password is too easy to guess for the password policy, on purpose: it is printed at
 * start and in the README so that anyone can try the demo. Only the demo seed may set it, which
 * runs on the embedded database outside production; no API call can.
 */
export const DEMO_PASSWORD_POLICY = { passwordPolicy: 'demo-seed' } as const;

export interface DemoBureau {
  key: string;
  name: string;
  level: BureauLevel;
  jurisdictionCode?: string;
}

/** The ministry, the three pilot provinces and two cities of each. */
export const DEMO_BUREAUS: DemoBureau[] = [
  { key: 'ministry', name: '人力资源和社会保障部 Ministry of Human Resources and Social Security', level: 'ministry' },
  { key: 'fujian', name: '福建省人力资源和社会保障厅 Fujian HRSS Department', level: 'province', jurisdictionCode: '350000' },
  { key: 'fuzhou', name: '福州市人力资源和社会保障局 Fuzhou HRSS Bureau', level: 'city', jurisdictionCode: '350100' },
  { key: 'xiamen', name: '厦门市人力资源和社会保障局 Xiamen HRSS Bureau', level: 'city', jurisdictionCode: '350200' },
  { key: 'liaoning', name: '辽宁省人力资源和社会保障厅 Liaoning HRSS Department', level: 'province', jurisdictionCode: '210000' },
  { key: 'shenyang', name: '沈阳市人力资源和社会保障局 Shenyang HRSS Bureau', level: 'city', jurisdictionCode: '210100' },
  { key: 'dalian', name: '大连市人力资源和社会保障局 Dalian HRSS Bureau', level: 'city', jurisdictionCode: '210200' },
  { key: 'shandong', name: '山东省人力资源和社会保障厅 Shandong HRSS Department', level: 'province', jurisdictionCode: '370000' },
  { key: 'jinan', name: '济南市人力资源和社会保障局 Jinan HRSS Bureau', level: 'city', jurisdictionCode: '370100' },
  { key: 'qingdao', name: '青岛市人力资源和社会保障局 Qingdao HRSS Bureau', level: 'city', jurisdictionCode: '370200' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  bureau?: string;
}

/** The demo accounts of the design (agency-fj-1 and agency-ln-1 come with the demo agencies). */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'System administrator', role: 'system_admin' },
  { username: 'ministry', displayName: 'MOHRSS official', role: 'ministry_official', bureau: 'ministry' },
  { username: 'fj-admin', displayName: 'Fujian licensing officer', role: 'bureau_admin', bureau: 'fujian' },
  { username: 'fj-inspector', displayName: 'Fujian inspector', role: 'inspector', bureau: 'fujian' },
  { username: 'fz-inspector', displayName: 'Fuzhou inspector', role: 'inspector', bureau: 'fuzhou' },
  // City-level work (a Fuzhou licensing officer sees Fuzhou only), as DESIGN "Demo data" asks.
  { username: 'fz-admin', displayName: 'Fuzhou licensing officer', role: 'bureau_admin', bureau: 'fuzhou' },
  { username: 'ln-admin', displayName: 'Liaoning licensing officer', role: 'bureau_admin', bureau: 'liaoning' },
  { username: 'ln-inspector', displayName: 'Liaoning inspector', role: 'inspector', bureau: 'liaoning' },
  { username: 'sd-admin', displayName: 'Shandong licensing officer', role: 'bureau_admin', bureau: 'shandong' },
  { username: 'sd-inspector', displayName: 'Shandong inspector', role: 'inspector', bureau: 'shandong' },
];
