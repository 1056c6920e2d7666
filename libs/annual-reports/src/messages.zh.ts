import { ZhMessageSet } from '@app/core';

/** Chinese for the annual reports lib's messages. */
export const ANNUAL_REPORTS_ZH: ZhMessageSet = {
  terms: { 'Annual report': '年度报告', draft: '草稿', submitted: '已提交', accepted: '已接受', returned: '已退回', resubmitted: '已重新提交' },
  rules: [
    { en: 'Only agency staff file annual reports', zh: '年度报告只能由机构工作人员填报' },
    { en: 'a report covers a year that has ended: {year} or earlier', zh: '年度报告只能针对已结束的年度：{year} 年或更早' },
    { en: 'The agency already has its annual report for {year}; open it instead', zh: '该机构已有 {year} 年度报告，请打开该报告' },
    { en: 'Annual report is {status:term}: its figures can no longer change', zh: '年度报告当前状态为“{status}”：数据已不能修改' },
    { en: '{field:field} is required before submitting', zh: '提交前须填写 {field}' },
    { en: 'say what the agency must correct', zh: '请说明机构须更正的内容' },
    { en: '{country} is given more than once', zh: '{country} 重复出现' },
    { en: 'placements by destination country add up to {sum}, not the {total} workers placed abroad', zh: '按目的国统计的派出人数合计为 {sum}，与境外就业人数 {total} 不符' },
    { en: 'give the number of workers placed abroad with the placements by country', zh: '填写按国家统计的派出人数时，须同时填写境外就业总人数' },
    { en: 'fees charged to workers placed abroad cannot exceed all fees charged to workers', zh: '向境外就业劳动者收取的费用不能超过向劳动者收取的费用总额' },
    { en: 'fees charged to workers placed abroad need workers placed abroad', zh: '没有境外就业人数时，不能有向境外就业劳动者收取的费用' },
    { en: 'country must be an ISO 3166-1 alpha-2 code', zh: '国家须为 ISO 3166-1 两位字母代码' },
    { en: 'province must be a province division code such as 350000', zh: '省份须为省级行政区划代码，如 350000' },
  ],
};
