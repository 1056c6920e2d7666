import { ZhMessageSet } from '@app/core';

/** Chinese for the reserve funds lib's messages. */
export const RESERVE_FUNDS_ZH: ZhMessageSet = {
  terms: { 'Reserve fund': '备用金账户' },
  rules: [
    { en: 'occurredOn cannot be after today', zh: '入账日期不能晚于今天' },
    { en: 'Only labour service cooperation agencies keep a reserve fund', zh: '只有对外劳务合作企业须缴存备用金' },
    { en: 'only a draw names the complaint it paid', zh: '只有支取记录可以关联投诉' },
    { en: 'the complaint must be one about this agency', zh: '关联的投诉必须是针对本机构的投诉' },
    { en: 'the corrected entry must be one of this ledger', zh: '被更正的记录必须属于本台账' },
    { en: 'This entry is already verified', zh: '该记录已核实' },
    { en: 'A draw of {amount} fen exceeds the balance of {balance} fen', zh: '支取金额 {amount} 分超过余额 {balance} 分' },
  ],
};
