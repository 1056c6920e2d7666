import { Bilingual, ExportColumn, inLanguage } from '@app/core';
import { Agency, AgencyType } from './agency.entity';

const TYPE_LABELS: Record<AgencyType, Bilingual> = {
  domestic_placement: { zh: '境内职业中介', en: 'domestic placement' },
  overseas_placement: { zh: '出境就业中介', en: 'overseas placement' },
  labour_service_cooperation: { zh: '对外劳务合作', en: 'labour service cooperation' },
};

type ExportedAgency = Agency & { cityNameZh: string | null; cityNameEn: string | null };

/** The officials' agency export: the register's fields, the city by name, never ids. */
export const AGENCY_EXPORT_COLUMNS: ExportColumn<ExportedAgency>[] = [
  { label: { zh: '统一社会信用代码', en: 'USCC' }, value: (a) => a.uscc },
  { label: { zh: '中文名称', en: 'Name (Chinese)' }, value: (a) => a.nameZh },
  { label: { zh: '英文名称', en: 'Name (English)' }, value: (a) => a.nameEn },
  { label: { zh: '机构类型', en: 'Agency type' }, value: (a, language) => inLanguage(language, TYPE_LABELS[a.agencyType]) },
  { label: { zh: '所在地', en: 'City' }, value: (a, language) => (language === 'en' ? a.cityNameEn : a.cityNameZh) ?? a.jurisdictionCode },
  { label: { zh: '行政区划代码', en: 'Division code' }, value: (a) => a.jurisdictionCode },
  { label: { zh: '法定代表人', en: 'Legal representative' }, value: (a) => a.legalRepresentative },
  { label: { zh: '地址', en: 'Address' }, value: (a) => a.address },
  { label: { zh: '联系人', en: 'Contact' }, value: (a) => a.contactName },
  { label: { zh: '联系电话', en: 'Phone' }, value: (a) => a.contactPhone },
  { label: { zh: '电子邮箱', en: 'Email' }, value: (a) => a.contactEmail },
  { label: { zh: '风险评分', en: 'Risk score' }, value: (a) => a.riskScore },
  { label: { zh: '登记时间', en: 'Registered at' }, value: (a) => (a.createdAt instanceof Date ? a.createdAt.toISOString() : String(a.createdAt)) },
];
