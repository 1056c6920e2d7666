import { agencyNames } from '@app/agencies';
import { bureauName } from '@app/jurisdictions';
import { Bilingual, combineJoins, ExportColumn, inLanguage } from '@app/core';
import { LicenceStatus } from '@app/agencies';
import { LicenceType } from './licence.entity';
import { LicenceView } from './licensing.dto';
import { licenceNumber } from './licence-sql';

/** A licence's agency and issuing bureau by name. */
export const LICENCE_NAMES = combineJoins(
  agencyNames('l.agency_id'),
  bureauName<'issuedByBureauName', string>('l.issued_by_bureau_id', 'view_issuer', 'issuedByBureauName'),
);

/**
 * An application's agency by name, and the number of its licence: the one renewed or varied, or
 * the one its approval issued.
 */
export const APPLICATION_NAMES = combineJoins(
  agencyNames('app.agency_id'),
  licenceNumber('coalesce(app.resulting_licence_id, app.licence_id)', 'view_licence', 'licenceNumber'),
);

const STATUS_LABELS: Record<LicenceStatus, Bilingual> = {
  active: { zh: '有效', en: 'active' },
  suspended: { zh: '暂停', en: 'suspended' },
  revoked: { zh: '吊销', en: 'revoked' },
  surrendered: { zh: '交回', en: 'surrendered' },
  expired: { zh: '过期', en: 'expired' },
};

const TYPE_LABELS: Record<LicenceType, Bilingual> = {
  human_resources_service: { zh: '人力资源服务许可', en: 'human resources service' },
  overseas_employment: { zh: '出境就业中介许可', en: 'overseas employment' },
  labour_service_cooperation: { zh: '对外劳务合作许可', en: 'labour service cooperation' },
};

/** The officials' licence export: names and labels, never ids. */
export const LICENCE_EXPORT_COLUMNS: ExportColumn<LicenceView>[] = [
  { label: { zh: '许可证编号', en: 'Licence number' }, value: (l) => l.licenceNumber },
  { label: { zh: '机构名称', en: 'Agency' }, value: (l, language) => (language === 'en' ? (l.agencyNameEn ?? l.agencyNameZh) : l.agencyNameZh) },
  { label: { zh: '许可类型', en: 'Licence type' }, value: (l, language) => inLanguage(language, TYPE_LABELS[l.licenceType]) },
  { label: { zh: '状态', en: 'Status' }, value: (l, language) => inLanguage(language, STATUS_LABELS[l.status]) },
  { label: { zh: '辖区代码', en: 'Jurisdiction code' }, value: (l) => l.jurisdictionCode },
  { label: { zh: '发证机关', en: 'Issuing bureau' }, value: (l) => l.issuedByBureauName },
  { label: { zh: '有效期起', en: 'Valid from' }, value: (l) => l.validFrom },
  { label: { zh: '有效期至', en: 'Expires on' }, value: (l) => l.expiresOn },
  { label: { zh: '暂停至', en: 'Suspended until' }, value: (l) => l.suspendedUntil },
  { label: { zh: '经营范围', en: 'Activities' }, value: (l) => l.scope.activities.join(';') },
  { label: { zh: '目的国', en: 'Destination countries' }, value: (l) => l.scope.destinationCountries.join(';') },
  { label: { zh: '许可条件', en: 'Conditions' }, value: (l) => l.conditions },
];
