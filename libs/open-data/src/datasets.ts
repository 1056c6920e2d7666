import { DatasetQuery } from '@app/core';
import { PUBLIC_CREDIT_SQL, PUBLIC_SANCTIONS_DATASET } from '@app/enforcement';
import { EventType } from '@app/events';
import { publicLicencesDataset } from '@app/licensing';

export const DATASET_NAMES = ['licences', 'sanctions'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];
export const DATASET_FORMATS = ['csv', 'json'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** An open dataset: the owning lib's query, what it is called, and which events may change it. */
export interface OpenDataset {
  name: DatasetName;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  query: DatasetQuery;
  /** Events whose commit may change the rows; anything else (credit grades, names of cities) the nightly job catches. */
  changedBy: readonly EventType[];
}

export const DATASETS: readonly OpenDataset[] = [
  {
    name: 'licences',
    titleZh: '人力资源服务机构许可证公示名录',
    titleEn: 'Public register of agency licences',
    descriptionZh: '公示名录中的全部许可证（含已暂停、吊销、交回、过期的），及其机构的公开信息：名称、统一社会信用代码、所在城市和信用等级。',
    descriptionEn: 'Every licence of the public register (suspended, revoked, surrendered and expired ones too), with its agency’s public fields: names, USCC, city and credit grade.',
    query: publicLicencesDataset(PUBLIC_CREDIT_SQL),
    changedBy: ['licence.issued', 'licence.suspended', 'licence.reinstated', 'licence.revoked', 'licence.surrendered', 'licence.expired', 'agency.registered', 'agency.renamed'],
  },
  {
    name: 'sanctions',
    titleZh: '行政处罚决定公示',
    titleEn: 'Published sanctions',
    descriptionZh: '已作出且未被撤销的罚款、暂停许可和吊销许可决定，及决定机关撰写的公示摘要。',
    descriptionEn: 'Decided fines, suspensions and revocations not annulled on appeal, with the summary the deciding official wrote for publication.',
    query: PUBLIC_SANCTIONS_DATASET,
    changedBy: ['sanction.decided', 'sanction.varied', 'sanction.annulled', 'agency.renamed'],
  },
];

export function datasetNamed(name: string): OpenDataset | undefined {
  return DATASETS.find((d) => d.name === name);
}
