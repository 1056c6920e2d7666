type Texts = [zh: string, en: string];

/** What each kind of record is called. */
const ENTITIES: Record<string, Texts> = {
  agency: ['机构', 'agency'],
  annual_report: ['年度报告', 'annual report'],
  auth: ['登录', 'sign-in'],
  bureau: ['人社部门', 'bureau'],
  case: ['案件', 'case'],
  checklist_template: ['检查表模板', 'checklist template'],
  commitment_check: ['告知承诺核查', 'commitment check'],
  complaint: ['投诉', 'complaint'],
  complaint_rollup: ['投诉统计', 'complaint statistics'],
  corrective_action: ['整改事项', 'corrective action'],
  country_note: ['目的国须知', 'country note'],
  demerit_rule: ['记分规则', 'demerit rule'],
  fine_threshold: ['罚款标准', 'fine threshold'],
  help_line: ['求助热线', 'help line'],
  inspection: ['检查', 'inspection'],
  job: ['定时任务', 'scheduled job'],
  licence: ['许可证', 'licence'],
  licence_application: ['许可申请', 'licence application'],
  notification: ['通知', 'notification'],
  reserve_fund: ['备用金', 'reserve fund'],
  self_assessment: ['自查', 'self-assessment'],
  user: ['用户', 'user'],
  working_calendar: ['工作日历', 'working calendar'],
};

/** What was done, by the verb of the action code. */
const VERBS: Record<string, Texts> = {
  create: ['创建', 'created'],
  update: ['修改', 'updated'],
  delete: ['删除', 'deleted'],
  import: ['导入', 'imported'],
  export: ['导出', 'exported'],
  login: ['登录', 'signed in'],
  logout: ['退出登录', 'signed out'],
  refresh: ['续期会话', 'session renewed'],
  open: ['立案', 'opened'],
  close: ['结案', 'closed'],
  revise_proposal: ['修改拟处罚意见', 'proposal revised'],
  publish: ['发布', 'published'],
  plan: ['安排', 'planned'],
  agency_answer: ['机构答复', 'agency answered'],
  demo_seed: ['演示数据', 'demo data'],
  sla_breached: ['超过处理期限', 'past a deadline'],
  rebuild: ['重建', 'rebuilt'],
  overdue: ['逾期', 'overdue'],
  put: ['设定', 'set'],
  addendum: ['补充记录', 'addendum added'],
  assign_lead: ['指派主检查员', 'lead inspector assigned'],
  cancel: ['取消', 'cancelled'],
  findings: ['填写检查结果', 'findings filed'],
  plan_commitment_check: ['安排告知承诺核查', 'commitment check planned'],
  plan_follow_up: ['安排复查', 'follow-up planned'],
  plan_surveillance: ['安排监督检查', 'surveillance planned'],
  sanction_decision: ['处罚建议决定', 'sanction proposal decided'],
  submit: ['提交', 'submitted'],
  run: ['手动运行', 'run by hand'],
  expire: ['到期', 'expired'],
  issue: ['发放', 'issued'],
  renew: ['续期', 'renewed'],
  renewal_reminders: ['续期提醒', 'renewal reminders'],
  vary: ['变更', 'varied'],
  suspend: ['暂停', 'suspended'],
  reinstate: ['恢复', 'reinstated'],
  revoke: ['吊销', 'revoked'],
  surrender: ['交回', 'surrendered'],
  deliver: ['发送', 'delivered'],
  read: ['已读', 'read'],
  top_up_met: ['补足', 'topped up'],
  top_up_started: ['开始补足', 'top-up started'],
  verify: ['核实', 'verified'],
  answers: ['填写答案', 'answers saved'],
  open_round: ['开启自查', 'round opened'],
  unlock: ['解锁', 'unlocked'],
  approve: ['批准', 'approved'],
  refuse: ['不予批准', 'refused'],
  return: ['退回', 'returned'],
  accept: ['接收', 'accepted'],
  reopen: ['重新打开', 'reopened'],
  licences: ['确定涉及的许可证', 'licences set'],
  notice: ['送达告知书', 'notice served'],
  representations: ['陈述申辩', 'representations made'],
  requestHearing: ['申请听证', 'hearing requested'],
  recordHearing: ['记录听证', 'hearing recorded'],
  waiver: ['放弃权利', 'rights waived'],
  decision: ['作出决定', 'decided'],
  appeal: ['复议或诉讼', 'appeal recorded'],
  withdraw: ['撤销案件', 'withdrawn'],
  deposit: ['缴存', 'deposited'],
  withdrawal: ['支取', 'withdrawn'],
};

/**
 * An audit action in words ("投诉 · 创建", "complaint created"); an action of an unknown record
 * or verb keeps its code, so nothing is hidden.
 */
export function actionLabels(action: string): { zh: string; en: string } {
  const dot = action.indexOf('.');
  const entity = ENTITIES[action.slice(0, dot)];
  const verb = VERBS[action.slice(dot + 1)];
  if (dot < 0 || !entity || !verb) return { zh: action, en: action };
  return { zh: `${entity[0]} · ${verb[0]}`, en: `${entity[1][0].toUpperCase()}${entity[1].slice(1)} ${verb[1]}` };
}

/** A record's kind in words. */
export function entityLabels(entityType: string): { zh: string; en: string } {
  const entity = ENTITIES[entityType];
  return entity ? { zh: entity[0], en: entity[1] } : { zh: entityType, en: entityType };
}
