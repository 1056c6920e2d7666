import { deadlineEn, deadlineZh } from '@app/core';

/** A notification rendered in both languages. */
export interface RenderedNotification {
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  /** Email subject: Chinese first, English second (one message serves both readers). */
  subject: string;
  /** Email text: both bodies and the signature. */
  text: string;
}

type Payload = Record<string, unknown>;
type Bilingual = [zh: string, en: string];

const str = (payload: Payload, key: string): string => {
  const value = payload[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** A date or timestamp as a reader in China reads it: YYYY-MM-DD, and HH:mm (Asia/Shanghai) for a time. */
export function localTime(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const shanghai = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  return `${shanghai.slice(0, 10)} ${shanghai.slice(11, 16)}`;
}

/** The agency named in a payload: `agencyNameZh` (or the older `agencyName`), `agencyNameEn` when it has one. */
const agency = (p: Payload): Bilingual => {
  const zh = str(p, 'agencyNameZh') || str(p, 'agencyName');
  return [zh, str(p, 'agencyNameEn') || zh];
};

/** A case's number for English readers (`caseNumberEn`: Fujian HRSS Enf. [2026] No. 17); older payloads carry only `caseNumber`. */
const caseNumberEn = (p: Payload): string => str(p, 'caseNumberEn') || str(p, 'caseNumber');

const LABELS: Record<string, Record<string, Bilingual>> = {
  applicationKind: { new: ['新办许可', 'new licence'], renewal: ['许可延续', 'renewal'], variation: ['许可变更', 'variation'] },
  licenceType: {
    human_resources_service: ['人力资源服务许可证', 'human resources service licence'],
    overseas_employment: ['出境就业中介许可证', 'overseas employment licence'],
    labour_service_cooperation: ['对外劳务合作经营资格', 'labour service cooperation licence'],
  },
  outcome: {
    compliant: ['合规', 'compliant'],
    minor_issues: ['存在轻微问题', 'minor issues'],
    serious_violation: ['严重违规', 'serious violation'],
    critical_violation: ['重大违规', 'critical violation'],
  },
  inspectionType: {
    routine: ['日常检查', 'routine inspection'],
    complaint: ['投诉检查', 'complaint inspection'],
    follow_up: ['复查', 'follow-up inspection'],
    thematic: ['专项检查', 'thematic inspection'],
    commitment_check: ['告知承诺核查', 'commitment check'],
    surveillance: ['重点监管检查', 'surveillance inspection'],
  },
  severity: { low: ['低', 'low'], medium: ['中', 'medium'], high: ['高', 'high'], urgent: ['紧急', 'urgent'] },
  deadline: { acknowledgement: ['受理期限', 'acknowledgement deadline'], resolution: ['办结期限', 'resolution deadline'] },
  appealOutcome: { upheld: ['维持原处罚决定', 'the decision was upheld'], varied: ['变更原处罚决定', 'the decision was varied'], annulled: ['撤销原处罚决定', 'the decision was annulled'] },
  appealBody: { reconsideration: ['行政复议', 'administrative reconsideration'], litigation: ['行政诉讼', 'litigation'] },
};

const label = (group: string, value: string): Bilingual => LABELS[group]?.[value] ?? [value, value];

/** A deadline of the payload in words (the shared helper the web app uses too): "2026年12月14日（含当日）前". */
const dz = (p: Payload, key: string): string => (str(p, key) ? deadlineZh(str(p, key)) : '');
/** "by the end of 14 December 2026" */
const de = (p: Payload, key: string): string => (str(p, key) ? deadlineEn(str(p, key)) : '');

interface Template {
  title: (p: Payload) => Bilingual;
  body: (p: Payload) => Bilingual;
}

const licenceChange = (zhVerb: string, enVerb: string, extra: (p: Payload) => Bilingual = () => ['', '']): Template => ({
  title: (p) => [`许可证 ${str(p, 'licenceNumber')} 已被${zhVerb}`, `Licence ${str(p, 'licenceNumber')} has been ${enVerb}`],
  body: (p) => {
    const [zhAgency, enAgency] = agency(p);
    const [zhExtra, enExtra] = extra(p);
    return [
      `${zhAgency}的许可证 ${str(p, 'licenceNumber')} 已于 ${localTime(p.at)} 被${zhVerb}。理由：${str(p, 'reason')}。${zhExtra}`,
      `Licence ${str(p, 'licenceNumber')} of ${enAgency} was ${enVerb} on ${localTime(p.at)}. Reason: ${str(p, 'reason')}.${enExtra ? ` ${enExtra}` : ''}`,
    ];
  },
});

const applicationDecision = (zhVerb: string, enVerb: string, extra: (p: Payload) => Bilingual): Template => ({
  title: (p) => {
    const [zhKind, enKind] = label('applicationKind', str(p, 'applicationKind'));
    return [`您的${zhKind}申请已${zhVerb}`, `Your ${enKind} application has been ${enVerb}`];
  },
  body: (p) => {
    const [zhKind, enKind] = label('applicationKind', str(p, 'applicationKind'));
    const [zhType, enType] = label('licenceType', str(p, 'licenceType'));
    const [zhAgency, enAgency] = agency(p);
    const [zhExtra, enExtra] = extra(p);
    return [
      `${zhAgency}于 ${localTime(p.submittedAt)} 提交的${zhType}${zhKind}申请已${zhVerb}。${zhExtra}`,
      `The ${enKind} application for a ${enType} that ${enAgency} filed on ${localTime(p.submittedAt)} has been ${enVerb}. ${enExtra}`,
    ];
  },
});

const reason = (p: Payload): Bilingual => [`理由：${str(p, 'reason')}`, `Reason: ${str(p, 'reason')}`];

interface Breach {
  trackingCode: string;
  deadline: string;
  dueAt: string;
  severity: string;
}

const breaches = (p: Payload): Breach[] => (Array.isArray(p.breaches) ? (p.breaches as Breach[]) : []);

interface DigestLine {
  licenceNumber: string;
  agencyName: string;
  expiresOn: string;
  daysLeft: number;
}

const digestLines = (p: Payload): DigestLine[] => (Array.isArray(p.licences) ? (p.licences as DigestLine[]) : []);

/** The licences a digest does not list by name, counted in its last line. */
const unlisted = (p: Payload): number => Math.max(0, Number(p.count ?? 0) - digestLines(p).length);

const TEMPLATES: Record<string, Template> = {
  'licence.renewal_digest': {
    title: (p) => [`${str(p, 'count')} 张许可证即将到期，已提醒持证机构续期`, `${str(p, 'count')} licences expire soon: their agencies were reminded to renew`],
    body: (p) => {
      const lines = digestLines(p);
      const more = unlisted(p);
      return [
        [`以下许可证即将到期，本次已提醒持证机构申请续期：`, ...lines.map((l) => `- ${l.licenceNumber}（${l.agencyName}）${l.expiresOn} 到期，剩 ${l.daysLeft} 天`), ...(more ? [`另有 ${more} 张未列出，可在许可证列表中按到期日查询。`] : [])].join('\n'),
        [
          `These licences expire soon; their agencies were reminded to apply for renewal:`,
          ...lines.map((l) => `- ${l.licenceNumber} (${l.agencyName}) expires on ${l.expiresOn}, in ${l.daysLeft} days`),
          ...(more ? [`${more} more are not listed here; the licence list filtered by expiry date shows them all.`] : []),
        ].join('\n'),
      ];
    },
  },
  'licence.renewal_reminder': {
    title: (p) => [`许可证 ${str(p, 'licenceNumber')} 将于 ${str(p, 'expiresOn')} 到期`, `Licence ${str(p, 'licenceNumber')} expires on ${str(p, 'expiresOn')}`],
    body: (p) => [
      `人力资源服务许可证 ${str(p, 'licenceNumber')}（${agency(p)[0]}）将于 ${str(p, 'expiresOn')} 到期，距今 ${str(p, 'daysLeft')} 天。请在到期前提交续期申请。`,
      `Licence ${str(p, 'licenceNumber')} (${agency(p)[1]}) expires on ${str(p, 'expiresOn')}, in ${str(p, 'daysLeft')} days. Please apply for its renewal before then.`,
    ],
  },
  'licence.expired': {
    title: (p) => [`许可证 ${str(p, 'licenceNumber')} 已过期`, `Licence ${str(p, 'licenceNumber')} has expired`],
    body: (p) => [
      `许可证 ${str(p, 'licenceNumber')}（${agency(p)[0]}）的有效期已于 ${str(p, 'expiresOn')} 届满，且未获续期批准，现已失效。该机构不得继续从事许可范围内的业务。`,
      `Licence ${str(p, 'licenceNumber')} (${agency(p)[1]}) was valid until ${str(p, 'expiresOn')} and was not renewed: it has expired. The agency may no longer carry on the licensed activities.`,
    ],
  },
  'licence.suspended': licenceChange('暂停', 'suspended', (p) =>
    str(p, 'until')
      ? [`暂停至 ${str(p, 'until')}（含），期间不得从事许可范围内的业务。`, `It is suspended until ${str(p, 'until')} inclusive; the licensed activities may not be carried on meanwhile.`]
      : ['暂停期间不得从事许可范围内的业务，直至恢复。', 'The licensed activities may not be carried on until it is reinstated.'],
  ),
  'licence.revoked': licenceChange('吊销', 'revoked', () => ['该机构不得继续从事许可范围内的业务。', 'The agency may no longer carry on the licensed activities.']),
  'licence.reinstated': licenceChange('恢复', 'reinstated', () => ['该机构可继续从事许可范围内的业务。', 'The agency may again carry on the licensed activities.']),
  'licence_application.approved': applicationDecision('批准', 'approved', (p) => [
    `许可证编号 ${str(p, 'licenceNumber')}，有效期至 ${str(p, 'expiresOn')}。`,
    `Licence number ${str(p, 'licenceNumber')}, valid until ${str(p, 'expiresOn')}.`,
  ]),
  'licence_application.refused': applicationDecision('不予批准', 'refused', reason),
  'licence_application.returned': applicationDecision('退回补正', 'returned for changes', (p) => [
    `${reason(p)[0]}。请修改后重新提交。`,
    `${reason(p)[1]}. Please change it and resubmit.`,
  ]),
  'inspection.submitted': {
    title: (p) => [`${localTime(p.inspectionDate)} 的检查结果：${label('outcome', str(p, 'outcome'))[0]}`, `Inspection of ${localTime(p.inspectionDate)}: ${label('outcome', str(p, 'outcome'))[1]}`],
    body: (p) => [
      `对${agency(p)[0]}于 ${localTime(p.inspectionDate)} 进行的${label('inspectionType', str(p, 'inspectionType'))[0]}已提交：得分 ${str(p, 'score')}，结论为“${label('outcome', str(p, 'outcome'))[0]}”，需整改事项 ${str(p, 'correctiveActions')} 项。`,
      `The ${label('inspectionType', str(p, 'inspectionType'))[1]} of ${agency(p)[1]} on ${localTime(p.inspectionDate)} has been submitted: score ${str(p, 'score')}, outcome "${label('outcome', str(p, 'outcome'))[1]}", ${str(p, 'correctiveActions')} corrective action(s) to take.`,
    ],
  },
  'corrective_actions.set': {
    title: (p) => [`需整改事项 ${str(p, 'count')} 项，最早一项须于 ${dz(p, 'firstDueOn')}完成`, `${str(p, 'count')} corrective action(s) set, the first due ${de(p, 'firstDueOn')}`],
    body: (p) => {
      const items = Array.isArray(p.actions) ? (p.actions as { itemCode: string; dueOn: string }[]) : [];
      return [
        `${localTime(p.inspectionDate)} 的检查要求${agency(p)[0]}整改以下事项：\n${items.map((a) => `- ${a.itemCode}：${deadlineZh(a.dueOn)}`).join('\n')}\n请在期限内提交整改情况。`,
        `The inspection of ${localTime(p.inspectionDate)} requires ${agency(p)[1]} to correct:\n${items.map((a) => `- ${a.itemCode}: ${deadlineEn(a.dueOn)}`).join('\n')}\nPlease answer each before its due date.`,
      ];
    },
  },
  'corrective_action.verified': {
    title: (p) => [`整改事项 ${str(p, 'itemCode')} 已核实`, `Corrective action ${str(p, 'itemCode')} verified`],
    body: (p) => [
      `${agency(p)[0]}对检查项 ${str(p, 'itemCode')} 的整改已由检查人员核实完成。${str(p, 'note') ? `备注：${str(p, 'note')}` : ''}`,
      `The correction of item ${str(p, 'itemCode')} by ${agency(p)[1]} has been verified by the inspector.${str(p, 'note') ? ` Note: ${str(p, 'note')}` : ''}`,
    ],
  },
  'corrective_action.reopened': {
    title: (p) => [`整改事项 ${str(p, 'itemCode')} 需重新整改，须于 ${dz(p, 'dueOn')}完成`, `Corrective action ${str(p, 'itemCode')} reopened, due ${de(p, 'dueOn')}`],
    body: (p) => [
      `检查人员未接受${agency(p)[0]}对检查项 ${str(p, 'itemCode')} 的整改答复：${str(p, 'note')}。请于 ${dz(p, 'dueOn')}重新提交。`,
      `The inspector did not accept the answer of ${agency(p)[1]} on item ${str(p, 'itemCode')}: ${str(p, 'note')}. Please answer again ${de(p, 'dueOn')}.`,
    ],
  },
  'corrective_action.due': {
    title: (p) => [`整改事项 ${str(p, 'itemCode')} 须于 ${dz(p, 'dueOn')}完成`, `Corrective action ${str(p, 'itemCode')} is due ${de(p, 'dueOn')}`],
    body: (p) => [
      `${agency(p)[0]}对检查项 ${str(p, 'itemCode')} 的整改须于 ${dz(p, 'dueOn')}提交。`,
      `${agency(p)[1]} must answer corrective action ${str(p, 'itemCode')} ${de(p, 'dueOn')}.`,
    ],
  },
  'corrective_action.overdue': {
    title: (p) => [`整改事项 ${str(p, 'itemCode')} 已逾期`, `Corrective action ${str(p, 'itemCode')} is overdue`],
    body: (p) => [
      `${agency(p)[0]}对检查项 ${str(p, 'itemCode')} 的整改未在 ${dz(p, 'dueOn')}提交，已逾期。`,
      `${agency(p)[1]} has not answered corrective action ${str(p, 'itemCode')}, due ${de(p, 'dueOn')}.`,
    ],
  },
  'self_assessment.opened': {
    title: (p) => [`请于 ${dz(p, 'dueOn')}完成 ${str(p, 'period')} 年度自查`, `Self-assessment ${str(p, 'period')} due ${de(p, 'dueOn')}`],
    body: (p) => [
      `${str(p, 'bureauName') || '主管部门'}已开启 ${str(p, 'period')} 年度自查，${agency(p)[0]}须于 ${dz(p, 'dueOn')}填写并提交。`,
      `${str(p, 'bureauName') || 'The bureau'} has opened the ${str(p, 'period')} self-assessment round: ${agency(p)[1]} must fill it in and submit it ${de(p, 'dueOn')}.`,
    ],
  },
  'self_assessment.returned': {
    title: (p) => [`${str(p, 'period')} 年度自查被退回`, `Self-assessment ${str(p, 'period')} returned`],
    body: (p) => [
      `${agency(p)[0]}的 ${str(p, 'period')} 年度自查被退回，需修改：${str(p, 'note')}。请于 ${dz(p, 'dueOn')}重新提交。`,
      `The ${str(p, 'period')} self-assessment of ${agency(p)[1]} was returned for changes: ${str(p, 'note')}. Please resubmit it ${de(p, 'dueOn')}.`,
    ],
  },
  'self_assessment.due': {
    title: (p) => [`${str(p, 'period')} 年度自查须于 ${dz(p, 'dueOn')}提交`, `Self-assessment ${str(p, 'period')} is due ${de(p, 'dueOn')}`],
    body: (p) => [
      `${agency(p)[0]}的 ${str(p, 'period')} 年度自查尚未提交，须于 ${dz(p, 'dueOn')}提交。`,
      `The ${str(p, 'period')} self-assessment of ${agency(p)[1]} is not yet submitted; it is due ${de(p, 'dueOn')}.`,
    ],
  },
  'self_assessment.overdue': {
    title: (p) => [`${str(p, 'period')} 年度自查已逾期`, `Self-assessment ${str(p, 'period')} is overdue`],
    body: (p) => [
      `${agency(p)[0]}的 ${str(p, 'period')} 年度自查未在 ${dz(p, 'dueOn')}提交，已逾期。`,
      `The ${str(p, 'period')} self-assessment of ${agency(p)[1]}, due ${de(p, 'dueOn')}, has not been submitted.`,
    ],
  },
  'complaint.assigned': {
    title: (p) => [`投诉 ${str(p, 'trackingCode')} 已分派给您`, `Complaint ${str(p, 'trackingCode')} assigned to you`],
    body: (p) => [
      `${str(p, 'assignedBy')} 将投诉 ${str(p, 'trackingCode')}（${str(p, 'agencyNameZh') || '未登记机构'}，紧急程度：${label('severity', str(p, 'severity'))[0]}）分派给您办理。受理期限 ${localTime(p.ackDueAt)}，办结期限 ${localTime(p.resolveDueAt)}。`,
      `${str(p, 'assignedBy')} assigned complaint ${str(p, 'trackingCode')} (${str(p, 'agencyNameEn') || str(p, 'agencyNameZh') || 'an agency not on the register'}, severity ${label('severity', str(p, 'severity'))[1]}) to you. Acknowledge by ${localTime(p.ackDueAt)}, resolve by ${localTime(p.resolveDueAt)}.`,
    ],
  },
  'inspection.assigned': {
    title: (p) => [`${localTime(p.inspectionDate)} 的检查已指派给您`, `Inspection on ${localTime(p.inspectionDate)} assigned to you`],
    body: (p) => [
      `您被指定为${agency(p)[0]}于 ${localTime(p.inspectionDate)} 的${label('inspectionType', str(p, 'inspectionType'))[0]}的主检查员。${str(p, 'notes')}`,
      `You are the lead inspector of the ${label('inspectionType', str(p, 'inspectionType'))[1]} of ${agency(p)[1]} on ${localTime(p.inspectionDate)}.${str(p, 'notes') ? ` ${str(p, 'notes')}` : ''}`,
    ],
  },
  'complaint.sla_breached': {
    title: (p) => {
      const list = breaches(p);
      return list.length === 1
        ? [`投诉 ${list[0].trackingCode} 已超过${label('deadline', list[0].deadline)[0]}`, `Complaint ${list[0].trackingCode} is past its ${label('deadline', list[0].deadline)[1]}`]
        : [`${list.length} 件投诉超过处理期限`, `${list.length} complaints past a deadline`];
    },
    body: (p) => {
      const list = breaches(p);
      return [
        `以下投诉已超过法定处理期限，请督办：\n${list.map((b) => `- ${b.trackingCode}：${label('deadline', b.deadline)[0]} ${localTime(b.dueAt)}（紧急程度：${label('severity', b.severity)[0]}）`).join('\n')}`,
        `These complaints are past a legal deadline and need following up:\n${list.map((b) => `- ${b.trackingCode}: ${label('deadline', b.deadline)[1]} ${localTime(b.dueAt)} (severity ${label('severity', b.severity)[1]})`).join('\n')}`,
      ];
    },
  },
  'case.notice_served': {
    title: (p) => [`行政处罚事先告知：案件 ${str(p, 'caseNumber')}`, `Notice of intended sanction: case ${caseNumberEn(p)}`],
    body: (p) => [
      `${agency(p)[0]}：拟对您作出${str(p, 'proposedSanction').split(' / ')[0]}。您可于 ${dz(p, 'representationDueOn')}陈述申辩${str(p, 'hearingDueOn') ? `，于 ${dz(p, 'hearingDueOn')}要求听证` : ''}。告知书（PDF）见案件页面。`,
      `${agency(p)[1]}: the bureau intends a ${str(p, 'proposedSanction').split(' / ')[1] ?? ''}. You may make representations ${de(p, 'representationDueOn')}${str(p, 'hearingDueOn') ? ` and request a hearing ${de(p, 'hearingDueOn')}` : ''}. The notice (PDF) is on the case page.`,
    ],
  },
  'case.decided': {
    title: (p) => [`案件 ${str(p, 'caseNumber')} 已作出处罚决定`, `Decision on case ${caseNumberEn(p)}`],
    body: (p) => [
      `${agency(p)[0]}：决定为${str(p, 'sanction').split(' / ')[0]}。如不服，可于 ${dz(p, 'reconsiderationDueOn')}申请行政复议，或于 ${dz(p, 'litigationDueOn')}提起行政诉讼。`,
      `${agency(p)[1]}: the decision is ${str(p, 'sanction').split(' / ')[1] ?? ''}. You may apply for administrative reconsideration ${de(p, 'reconsiderationDueOn')} or bring litigation ${de(p, 'litigationDueOn')}.`,
    ],
  },
  'case.hearing_recorded': {
    title: (p) => [`案件 ${str(p, 'caseNumber')} 听证已记录`, `Hearing of case ${caseNumberEn(p)} recorded`],
    body: (p) => [`${agency(p)[0]}：${str(p, 'heldOn')} 举行的听证已记录。`, `${agency(p)[1]}: the hearing held on ${str(p, 'heldOn')} has been recorded.`],
  },
  'case.appeal_recorded': {
    title: (p) => [`案件 ${str(p, 'caseNumber')} 复议或诉讼结果已记录`, `Appeal outcome of case ${caseNumberEn(p)} recorded`],
    body: (p) => {
      const [zhBody, enBody] = label('appealBody', str(p, 'body'));
      const [zhOutcome, enOutcome] = label('appealOutcome', str(p, 'outcome'));
      // A varied decision names the sanction now in force ("警告 / warning").
      const [zhSanction, enSanction] = str(p, 'sanction') ? str(p, 'sanction').split(' / ') : ['', ''];
      return [
        `${agency(p)[0]}：经${zhBody}，${zhOutcome}${zhSanction ? `，变更为${zhSanction}` : ''}。`,
        `${agency(p)[1]}: on ${enBody}, ${enOutcome}${enSanction ? `; the sanction is now ${enSanction}` : ''}.`,
      ];
    },
  },
  'case.withdrawn': {
    title: (p) => [`案件 ${str(p, 'caseNumber')} 已撤销`, `Case ${caseNumberEn(p)} withdrawn`],
    body: (p) => [`${agency(p)[0]}：案件已撤销。理由：${str(p, 'reason')}`, `${agency(p)[1]}: the case was withdrawn. Reason: ${str(p, 'reason')}`],
  },
  'case.decision_due': {
    title: (p) => [`案件 ${str(p, 'caseNumber')} 立案已 ${str(p, 'days')} 天`, `Case ${caseNumberEn(p)} opened ${str(p, 'days')} days ago`],
    body: (p) => [
      `对${agency(p)[0]}的案件 ${str(p, 'caseNumber')} 须于 ${dz(p, 'decisionDueOn')}作出决定。`,
      `The case ${caseNumberEn(p)} against ${agency(p)[1]} must be decided ${de(p, 'decisionDueOn')}.`,
    ],
  },
  'case.window_closing': {
    title: (p) => [`案件 ${str(p, 'caseNumber')} 的期限即将届满`, `A window of case ${caseNumberEn(p)} is closing`],
    body: (p) => [
      `${agency(p)[0]}：${str(p, 'window') === 'hearing' ? '要求听证' : '陈述申辩'}须于 ${dz(p, 'closesOn')}提出，逾期视为放弃。`,
      `${agency(p)[1]}: ${str(p, 'window') === 'hearing' ? 'a hearing may be requested' : 'representations may be made'} ${de(p, 'closesOn')}; the window then closes.`,
    ],
  },
};

/** The yearly duties' notices (annual reports, reserve-fund top-ups, commitment checks). */
const fenAsYuan = (p: Payload, key: string): string => {
  const fen = Number(p[key] ?? 0);
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
};
Object.assign(TEMPLATES, {
  'annual_report.reminder': {
    title: (p: Payload) => [`${str(p, 'year')} 年度报告须于 ${dz(p, 'dueOn')}提交`, `The ${str(p, 'year')} annual report is due ${de(p, 'dueOn')}`],
    body: (p: Payload) => [
      `${agency(p)[0]}尚未提交 ${str(p, 'year')} 年度报告，须于 ${dz(p, 'dueOn')}提交；逾期将记录在案。`,
      `${agency(p)[1]} has not yet filed its ${str(p, 'year')} annual report, due ${de(p, 'dueOn')}; a late report is recorded.`,
    ],
  },
  'annual_report.overdue': {
    title: (p: Payload) => [`${agency(p)[0]}的 ${str(p, 'year')} 年度报告已逾期`, `The ${str(p, 'year')} annual report of ${agency(p)[1]} is overdue`],
    body: (p: Payload) => [
      `${agency(p)[0]}未在 ${dz(p, 'dueOn')}提交 ${str(p, 'year')} 年度报告，已记录为逾期。请尽快提交。`,
      `${agency(p)[1]} did not file its ${str(p, 'year')} annual report ${de(p, 'dueOn')}: it is recorded overdue. Please file it now.`,
    ],
  },
  'annual_report.accepted': {
    title: (p: Payload) => [`${str(p, 'year')} 年度报告已接受`, `The ${str(p, 'year')} annual report was accepted`],
    body: (p: Payload) => [`${agency(p)[0]}的 ${str(p, 'year')} 年度报告已被接受。`, `The ${str(p, 'year')} annual report of ${agency(p)[1]} was accepted.`],
  },
  'annual_report.returned': {
    title: (p: Payload) => [`${str(p, 'year')} 年度报告被退回`, `The ${str(p, 'year')} annual report was returned`],
    body: (p: Payload) => [
      `${agency(p)[0]}的 ${str(p, 'year')} 年度报告被退回：${str(p, 'note')}。请更正后重新提交。`,
      `The ${str(p, 'year')} annual report of ${agency(p)[1]} was returned: ${str(p, 'note')}. Please correct it and resubmit.`,
    ],
  },
  'reserve_fund.top_up_started': {
    title: (p: Payload) => [`备用金低于规定数额，须于 ${dz(p, 'dueOn')}补足`, `Reserve fund below the required amount: top it up ${de(p, 'dueOn')}`],
    body: (p: Payload) => [
      `${agency(p)[0]}的备用金余额为 ¥${fenAsYuan(p, 'balanceFen')}，低于规定的 ¥${fenAsYuan(p, 'requiredFen')}。请于 ${dz(p, 'dueOn')}补足（20 个工作日）。`,
      `The reserve fund of ${agency(p)[1]} stands at ¥${fenAsYuan(p, 'balanceFen')}, below the required ¥${fenAsYuan(p, 'requiredFen')}. Top it up ${de(p, 'dueOn')} (20 working days).`,
    ],
  },
  'reserve_fund.top_up_due': {
    title: (p: Payload) => [`备用金须于 ${dz(p, 'dueOn')}补足`, `Reserve fund top-up due ${de(p, 'dueOn')}`],
    body: (p: Payload) => [
      `${agency(p)[0]}的备用金尚未补足至 ¥${fenAsYuan(p, 'requiredFen')}，须于 ${dz(p, 'dueOn')}补足。`,
      `The reserve fund of ${agency(p)[1]} is not yet back at ¥${fenAsYuan(p, 'requiredFen')}; it is due ${de(p, 'dueOn')}.`,
    ],
  },
  'reserve_fund.top_up_overdue': {
    title: (p: Payload) => [`${agency(p)[0]}的备用金补足已逾期`, `Reserve fund top-up of ${agency(p)[1]} is overdue`],
    body: (p: Payload) => [
      `${agency(p)[0]}未在 ${dz(p, 'dueOn')}将备用金补足至 ¥${fenAsYuan(p, 'requiredFen')}，已记录为逾期。`,
      `${agency(p)[1]} did not top its reserve fund up to ¥${fenAsYuan(p, 'requiredFen')} ${de(p, 'dueOn')}: it is recorded overdue.`,
    ],
  },
  'commitment_check.flagged': {
    title: (p: Payload) => [`告知承诺核查${str(p, 'state') === 'failed' ? '未通过' : '逾期'}：${str(p, 'licenceNumber')}`, `Commitment check ${str(p, 'state') === 'failed' ? 'failed' : 'overdue'}: ${str(p, 'licenceNumber')}`],
    body: (p: Payload) => [
      `许可证 ${str(p, 'licenceNumber')}（${agency(p)[0]}）的告知承诺现场核查${str(p, 'state') === 'failed' ? '未通过，承诺不实的应启动撤销程序' : `未在 ${dz(p, 'dueOn')}完成`}。`,
      `The on-site check of the commitment behind licence ${str(p, 'licenceNumber')} (${agency(p)[1]}) ${str(p, 'state') === 'failed' ? 'failed: a false commitment calls for a revocation case' : `was not done ${de(p, 'dueOn')}`}.`,
    ],
  },
  'placement.abuse_reported': {
    title: (p: Payload) => [`外派劳动者因受虐待回国：${agency(p)[0]}`, `A worker placed abroad returned for abuse: ${agency(p)[1]}`],
    body: (p: Payload) => [
      `${agency(p)[0]}外派至 ${str(p, 'destinationCountry')}（雇主：${str(p, 'employerName')}）的劳动者于 ${str(p, 'returnedOn')} 因受虐待回国（外派编号 ${str(p, 'checkCode')}）。请立案受理投诉或安排检查。`,
      `A worker ${agency(p)[1]} placed in ${str(p, 'destinationCountry')} (employer: ${str(p, 'employerName')}) returned on ${str(p, 'returnedOn')} for abuse (placement ${str(p, 'checkCode')}). Please open a complaint or plan an inspection.`,
    ],
  },
  'credit_grade.surveillance': {
    title: (p: Payload) => [`${agency(p)[0]}信用等级降为 C，已列入重点监管`, `${agency(p)[1]} fell to credit grade C: under surveillance`],
    body: (p: Payload) => [
      `${agency(p)[0]}自 ${str(p, 'gradeSince')} 起信用等级为 C，已安排重点监管检查，须于 ${dz(p, 'dueOn')}完成。${str(p, 'leadInspectorId') ? '' : '该检查尚无主检查员，请在待分派检查中指派。'}`,
      `${agency(p)[1]} is at credit grade C since ${str(p, 'gradeSince')}: a surveillance inspection is planned, due ${de(p, 'dueOn')}.${str(p, 'leadInspectorId') ? '' : ' It has no lead inspector yet: assign one from the unassigned inspections.'}`,
    ],
  },
} satisfies Record<string, Template>);

const FALLBACK: Template = {
  title: (p) => [`通知：${str(p, 'title') || '系统通知'}`, `Notice: ${str(p, 'title') || 'system notice'}`],
  body: (p) => [JSON.stringify(p), JSON.stringify(p)],
};

/** Kinds with a template of their own (the rest get a generic notice). */
export const NOTIFICATION_KINDS = Object.keys(TEMPLATES);

/** Renders a notification in Chinese and English; unknown kinds get a generic notice. */
export function renderNotification(kind: string, payload: Payload): RenderedNotification {
  const template = TEMPLATES[kind] ?? FALLBACK;
  const [titleZh, titleEn] = template.title(payload);
  const [bodyZh, bodyEn] = template.body(payload);
  return {
    titleZh,
    titleEn,
    bodyZh,
    bodyEn,
    subject: `${titleZh} / ${titleEn}`,
    text: `${bodyZh}\n\n${bodyEn}\n\n——\n中华人民共和国人力资源和社会保障部 职业中介机构登记系统\nAgency Registry (MOHRSS). This message was sent automatically.`,
  };
}
