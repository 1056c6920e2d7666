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
  nameEn: string;
  level: BureauLevel;
  jurisdictionCode?: string;
}

/** The ministry, the three pilot provinces and two cities of each. */
export const DEMO_BUREAUS: DemoBureau[] = [
  { key: 'ministry', name: '人力资源和社会保障部', nameEn: 'Ministry of Human Resources and Social Security', level: 'ministry' },
  { key: 'fujian', name: '福建省人力资源和社会保障厅', nameEn: 'Fujian HRSS Department', level: 'province', jurisdictionCode: '350000' },
  { key: 'fuzhou', name: '福州市人力资源和社会保障局', nameEn: 'Fuzhou HRSS Bureau', level: 'city', jurisdictionCode: '350100' },
  { key: 'xiamen', name: '厦门市人力资源和社会保障局', nameEn: 'Xiamen HRSS Bureau', level: 'city', jurisdictionCode: '350200' },
  { key: 'liaoning', name: '辽宁省人力资源和社会保障厅', nameEn: 'Liaoning HRSS Department', level: 'province', jurisdictionCode: '210000' },
  { key: 'shenyang', name: '沈阳市人力资源和社会保障局', nameEn: 'Shenyang HRSS Bureau', level: 'city', jurisdictionCode: '210100' },
  { key: 'dalian', name: '大连市人力资源和社会保障局', nameEn: 'Dalian HRSS Bureau', level: 'city', jurisdictionCode: '210200' },
  { key: 'shandong', name: '山东省人力资源和社会保障厅', nameEn: 'Shandong HRSS Department', level: 'province', jurisdictionCode: '370000' },
  { key: 'jinan', name: '济南市人力资源和社会保障局', nameEn: 'Jinan HRSS Bureau', level: 'city', jurisdictionCode: '370100' },
  { key: 'qingdao', name: '青岛市人力资源和社会保障局', nameEn: 'Qingdao HRSS Bureau', level: 'city', jurisdictionCode: '370200' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  bureau?: string;
}

/** The demo accounts of the design (agency-fj-1 and agency-ln-1 come with the demo agencies). */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin' },
  { username: 'ministry', displayName: '人社部官员', role: 'ministry_official', bureau: 'ministry' },
  { username: 'fj-admin', displayName: '福建省许可审批员', role: 'bureau_admin', bureau: 'fujian' },
  { username: 'fj-inspector', displayName: '福建省检查员', role: 'inspector', bureau: 'fujian' },
  { username: 'fz-inspector', displayName: '福州市检查员', role: 'inspector', bureau: 'fuzhou' },
  // City-level work (a Fuzhou licensing officer sees Fuzhou only), as DESIGN "Demo data" asks.
  { username: 'fz-admin', displayName: '福州市许可审批员', role: 'bureau_admin', bureau: 'fuzhou' },
  { username: 'ln-admin', displayName: '辽宁省许可审批员', role: 'bureau_admin', bureau: 'liaoning' },
  { username: 'ln-inspector', displayName: '辽宁省检查员', role: 'inspector', bureau: 'liaoning' },
  { username: 'sd-admin', displayName: '山东省许可审批员', role: 'bureau_admin', bureau: 'shandong' },
  { username: 'sd-inspector', displayName: '山东省检查员', role: 'inspector', bureau: 'shandong' },
];
