import { ZhMessageSet } from '@app/core';

/** Chinese for the enforcement lib's messages: cases, demerit points, fine thresholds. */
export const ENFORCEMENT_ZH: ZhMessageSet = {
  terms: {
    Case: '执法案件',
    Document: '文书',
    'Demerit rule': '记分规则',
    'Fine threshold': '较大数额罚款标准',
    Province: '省份',
    opened: '已立案',
    notice_served: '已送达告知书',
    representations: '已陈述申辩',
    hearing_requested: '已申请听证',
    hearing_held: '已举行听证',
    decided: '已决定',
    withdrawn: '已撤销',
    waived: '已放弃权利',
    representation: '陈述申辩',
    'hearing request': '听证申请',
  },
  rules: [
    { en: 'The officer who investigated a case cannot decide it', zh: '调查案件的人员不得作出处罚决定' },
    { en: "No decision before {opens}: the agency's windows are open until {until}", zh: '{opens} 之前不得作出决定：机构的陈述申辩和听证申请期限至 {until} 届满' },
    { en: 'The {what:term} window closed on {date}', zh: '{what}期限已于 {date} 届满' },
    { en: 'The intended sanction gives no right to a hearing', zh: '拟作出的处罚不属于听证范围' },
    { en: '{field:field} is required to record a hearing', zh: '记录听证须填写 {field}' },
    { en: 'heldOn must be today or earlier', zh: '听证日期不能晚于今天' },
    { en: 'a decision may not be heavier than the notice proposed', zh: '处罚决定不得重于告知书拟作出的处罚' },
    { en: 'decidedOn must not be before lodgedOn', zh: '复议或诉讼结果日期不能早于提起日期' },
    { en: 'reference is an id', zh: 'reference 须为记录编号' },
    { en: 'the ground is not an inspection of this agency in your jurisdiction', zh: '该依据不是您辖区内对该机构的检查' },
    { en: 'the ground is not a substantiated complaint about this agency in your jurisdiction', zh: '该依据不是您辖区内针对该机构且经查属实的投诉' },
  ],
};
