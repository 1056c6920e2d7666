import { useLanguage } from '@/lib/i18n/use-i18n';

/** The worker's placement check (a public page): its own small file, apart from the officers' placement texts. */
const zh = {
    title: '查询我的外派备案',
    intro: '出国工作前，请用中介机构给您的备案查询码和您身份证号码的后四位，确认您的外派已经备案，以及合同必须给您的保障。',
    code: '备案查询码',
    codeHint: '10 位字母和数字，由中介机构提供',
    idLast4: '身份证号码后四位',
    submit: '查询',
    notFound: '没有找到这条备案。请核对查询码和身份证号码后四位；如果中介机构不肯给您查询码，请拨打 12333 咨询或投诉。',
    filedTitle: '您的外派已经备案',
    returned: '本次外派已结束',
    agency: '中介机构',
    licenceValid: '许可证今天有效',
    licenceInvalid: '许可证今天无效：请立即拨打 12333 咨询',
    destination: '目的国',
    employer: '雇主',
    job: '工作岗位',
    wage: '月工资',
    hours: '每周工作时间',
    hoursValue: (h: number) => `${h} 小时`,
    rest: '每周休息',
    restValue: (d: number) => `${d} 天`,
    duration: '合同期限',
    durationValue: (m: number) => `${m} 个月`,
    departure: '出境日期',
    training: '出境前培训',
    trainingValue: (h: number) => `已记录 ${h} 学时`,
    trainingMissing: '没有培训记录',
    helpLinesTitle: '遇到困难请拨打',
    rightsTitle: '您的合同必须保证',
    rights: ['不向您收取任何中介费用，费用由雇主承担', '雇主不得扣留您的护照和证件', '回国旅费由雇主承担', '每周至少休息一天'],
};

export type PlacementCheckTexts = typeof zh;

const en: PlacementCheckTexts = {
    title: 'Check my placement abroad',
    intro: 'Before you go, use the check code your agency gave you and the last four characters of your ID number to see that your placement was filed, and what your contract must give you.',
    code: 'Check code',
    codeHint: '10 letters and digits, from your agency',
    idLast4: 'Last four characters of your ID number',
    submit: 'Check',
    notFound: 'No placement was found. Check the code and the last four characters of your ID number; if your agency will not give you a code, call 12333 for advice or to complain.',
    filedTitle: 'Your placement abroad was filed',
    returned: 'This placement has ended',
    agency: 'Agency',
    licenceValid: 'Its licence is valid today',
    licenceInvalid: 'Its licence is not valid today: call 12333 now',
    destination: 'Destination',
    employer: 'Employer',
    job: 'Job',
    wage: 'Monthly wage',
    hours: 'Working hours a week',
    hoursValue: (h: number) => `${h} hours`,
    rest: 'Rest each week',
    restValue: (d: number) => `${d} day${d === 1 ? '' : 's'}`,
    duration: 'Contract length',
    durationValue: (m: number) => `${m} months`,
    departure: 'Departure',
    training: 'Pre-departure training',
    trainingValue: (h: number) => `${h} hours recorded`,
    trainingMissing: 'No training recorded',
    helpLinesTitle: 'If you need help, call',
    rightsTitle: 'Your contract must give you',
    rights: ['No fee charged to you: the employer pays', 'Your passport and documents stay with you', 'Your journey home paid by the employer', 'At least one rest day a week'],
};

export function placementCheckTexts(language: string): PlacementCheckTexts {
  return language === 'en' ? en : zh;
}

/** The placement check's texts in the reader's language. */
export function usePlacementCheckTexts(): PlacementCheckTexts {
  return placementCheckTexts(useLanguage());
}
