import { ZhMessageSet } from '@app/core';

/** Chinese for the self-assessments lib's messages. */
export const SELF_ASSESSMENTS_ZH: ZhMessageSet = {
  terms: { 'Self-assessment': '自查', draft: '草稿', submitted: '已提交', accepted: '已接受', returned: '已退回', resubmitted: '已重新提交' },
  rules: [
    { en: 'dueOn must be today or later', zh: '截止日期不能早于今天' },
    { en: 'Self-assessment is {status:term}: its answers can no longer change', zh: '自查当前状态为“{status}”：答案已不能修改' },
    { en: 'every item needs an answer before submitting; missing: {codes}', zh: '提交前每个条目都须作答；缺少：{codes}' },
    { en: 'say what the agency must change', zh: '请说明机构须改正的内容' },
    { en: "{code} is not an item of this self-assessment's checklist", zh: '{code} 不是本次自查所用检查表中的条目' },
    { en: '{code} is given more than once', zh: '{code} 重复出现' },
  ],
};
