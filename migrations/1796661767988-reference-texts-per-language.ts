import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference texts in both languages, so Chinese pages stop showing English ones: what a failed
 * checklist item means (its non-compliance wording, shown wherever a failed item is, instead of
 * the compliant wording), the legal bases named on checklist items ("C181 Art.3"), and the
 * Chinese explanation of each complaint category. Published checklist items never change, so
 * these texts sit beside them, keyed by item code and basis.
 */
export class ReferenceTextsPerLanguage1796661767988 implements MigrationInterface {
  name = 'ReferenceTextsPerLanguage1796661767988';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE checklist_item_texts (
        item_code text PRIMARY KEY,
        breach_zh text NOT NULL,
        breach_en text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE legal_basis_labels (
        basis text PRIMARY KEY,
        label_zh text NOT NULL,
        label_en text NOT NULL
      )`);
    for (const [code, zh, en] of BREACHES) {
      await db.query(`INSERT INTO checklist_item_texts (item_code, breach_zh, breach_en) VALUES ($1, $2, $3)`, [code, zh, en]);
    }
    for (const [basis, zh, en] of LEGAL_BASES) {
      await db.query(`INSERT INTO legal_basis_labels (basis, label_zh, label_en) VALUES ($1, $2, $3)`, [basis, zh, en]);
    }
    await db.query(`ALTER TABLE complaint_categories ADD COLUMN description_zh text`);
    for (const [code, zh] of CATEGORY_DESCRIPTIONS) {
      await db.query(`UPDATE complaint_categories SET description_zh = $2 WHERE code = $1`, [code, zh]);
    }
    await db.query(`UPDATE complaint_categories SET description_zh = name_zh WHERE description_zh IS NULL`);
    await db.query(`ALTER TABLE complaint_categories ALTER COLUMN description_zh SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE complaint_categories DROP COLUMN description_zh`);
    await db.query(`DROP TABLE legal_basis_labels`);
    await db.query(`DROP TABLE checklist_item_texts`);
  }
}

/** What it means when an item fails (reference/checklists/non-compliance.csv). */
const BREACHES: [string, string, string][] = [
  ['LIC-1', '机构未持有有效许可证，或未公示许可证。', 'The agency has no valid licence, or does not display it.'],
  ['LIC-2', '招聘或派遣活动超出许可范围。', "Recruitment or placement goes beyond the licence's scope."],
  ['LIC-3', '分支机构或合作招聘人员未登记，或使用了无证中介。', 'Branches or partner recruiters are unregistered, or unlicensed intermediaries are used.'],
  ['FEE-1', '发现向劳动者收取招聘费用。', 'Recruitment fees were charged to workers.'],
  ['FEE-2', '未公示收费标准，或实际收费与公示标准不符。', 'No fee schedule is posted, or the fees charged differ from it.'],
  ['FEE-3', '向劳动者收取押金、保证金，或要求签订借款担保。', 'Deposits or guarantee money were taken from workers, or loans or guarantees demanded.'],
  ['FEE-4', '收取款项未出具正式收据或未留存记录。', 'Payments were received without a receipt or a record.'],
  ['CON-1', '有劳动者出发前未签订书面合同或未持有合同文本。', 'Workers left without a signed written contract or without a copy.'],
  ['CON-2', '合同条款低于示范劳动合同。', 'Contract terms fall short of the sample employment contract.'],
  ['CON-3', '发现合同替换的证据。', 'There is evidence of contract substitution.'],
  ['CON-4', '招聘时告知的工作条件与合同或实际条件不一致。', 'The working conditions described at recruitment differ from the contract or the real job.'],
  ['PDT-1', '出国前培训记录不完整，或内容不符合要求。', 'Pre-departure training records are incomplete, or the content falls short.'],
  ['PDT-2', '培训内容未涵盖目的地国家法律、劳动者权利、合同、安全健康等必备内容。', 'Training leaves out required subjects: destination-country law, rights, contract, safety and health.'],
  ['PDT-3', '劳动者未获得目的地国家援助热线及联系方式。', 'Workers were not given destination-country hotline and assistance contacts.'],
  ['DST-1', '机构未掌握或未向劳动者介绍目的地国家的就业政策和工作许可要求。', "The agency does not know or explain the destination country's employment policies and work-permit rules."],
  ['DST-2', '有派遣人员未持合法工作签证或许可。', 'Workers were deployed without a valid work visa or permit.'],
  ['DST-3', '境外雇主资质未经核实，或无合作协议。', 'Foreign employers were not verified, or no cooperation agreement binds them.'],
  ['PRO-1', '发现扣押护照或身份证件。', 'Passports or identity papers are being held.'],
  ['PRO-2', '没有境外援助和紧急回国机制，或机制未实际运行。', 'There is no working help for workers abroad or emergency return arrangement.'],
  ['PRO-3', '保险或备用金不符合规定。', 'Insurance or the reserve fund falls short of the rules.'],
  ['PRO-4', '未定期回访在外劳动者或未记录其情况。', 'Workers abroad are not followed up at regular intervals, or nothing is recorded.'],
  ['REC-1', '劳动者名册不完整，或未按期保存。', 'The worker register is incomplete, or not kept as long as required.'],
  ['REC-2', '个人信息保管不安全，或存在违规共享。', 'Personal data is not kept secure, or is shared improperly.'],
  ['ADV-1', '招聘广告不真实，或未注明许可证号。', 'Advertisements are untruthful, or do not show the licence number.'],
  ['ADV-2', '招用了未成年人。', 'A child was recruited.'],
  ['ADV-3', '招聘中存在性别、民族、宗教、健康状况等歧视。', 'Recruitment discriminates by sex, ethnicity, religion, health or other grounds.'],
  ['GOV-1', '投诉处理记录不完整，或未按时答复。', 'Complaint handling records are incomplete, or answers were late.'],
  ['GOV-2', '员工未接受法律和反人口贩运培训。', 'Staff have had no training on the law or on trafficking.'],
  ['GOV-3', '机构未制定或未公开自律承诺或行为准则。', 'The agency has no published self-discipline pledge or code of conduct.'],
  ['GOV-4', '自评结果与现场检查情况不符。', 'The latest self-assessment does not match what the inspection found.'],
];

/** The legal bases the checklists name, as each language writes them. */
const LEGAL_BASES: [string, string, string][] = [
  ['C181 Art.3', '《私营就业机构公约》（第181号）第3条', 'ILO Convention 181, Article 3'],
  ['C181 Art.6', '《私营就业机构公约》（第181号）第6条', 'ILO Convention 181, Article 6'],
  ['C181 Art.7', '《私营就业机构公约》（第181号）第7条', 'ILO Convention 181, Article 7'],
  ['C181 Art.8', '《私营就业机构公约》（第181号）第8条', 'ILO Convention 181, Article 8'],
  ['C181 Art.9', '《私营就业机构公约》（第181号）第9条', 'ILO Convention 181, Article 9'],
  ['C181 Art.10', '《私营就业机构公约》（第181号）第10条', 'ILO Convention 181, Article 10'],
  ['Human Resources Market Regulations', '《人力资源市场暂行条例》', 'Interim Regulations on the Human Resources Market'],
  ['ILO Fair Recruitment', '国际劳工组织《公平招聘通用原则和操作指南》', 'ILO General Principles and Operational Guidelines for Fair Recruitment'],
  ['ILO forced labour indicators', '国际劳工组织强迫劳动指标', 'ILO indicators of forced labour'],
  ['Overseas labour cooperation rules', '《对外劳务合作管理条例》', 'Regulations on the Administration of Overseas Labour Cooperation'],
  ['Training manual', '招聘机构自律培训手册', 'Self-discipline training manual for recruitment agencies'],
  ['Training manual sample contract', '招聘机构自律培训手册·示范劳动合同', 'Training manual: sample employment contract'],
];

/** The Chinese of each complaint category's explanation (reference/complaint-categories.csv). */
const CATEGORY_DESCRIPTIONS: [string, string][] = [
  ['unlicensed_operation', '无有效许可证或超出许可范围招聘、派遣劳动者'],
  ['recruitment_fee', '违反“雇主付费”原则或超出法定标准向劳动者收取费用'],
  ['deposit_or_guarantee', '要求劳动者缴纳押金、保证金或签订借款'],
  ['deception_job_terms', '就工作内容、工资、雇主、地点或食宿条件提供虚假信息'],
  ['contract_substitution', '签约后或抵达后更改、替换合同'],
  ['no_written_contract', '未签订书面合同，或未提供劳动者看得懂的语言文本'],
  ['document_retention', '扣押劳动者的护照或身份证件'],
  ['wage_withholding', '工资未付、拖欠或被扣押'],
  ['debt_bondage', '以债务强迫劳动者继续工作'],
  ['restriction_of_movement', '劳动者被限制人身自由或不能自由离开'],
  ['threats_or_violence', '恐吓、威胁、身体暴力或性暴力'],
  ['irregular_deployment', '以旅游、商务签证或无工作许可派遣出境'],
  ['no_pre_departure_training', '未就权利、合同、目的地国家和求助渠道进行出国前培训'],
  ['abandonment_no_assistance', '劳动者在境外遇到困难时，机构联系不上或拒绝提供帮助'],
  ['discrimination', '因性别、民族、宗教、健康状况等在招聘中歧视'],
  ['personal_data_misuse', '超出派遣所需收集、保存或共享个人信息'],
  ['child_recruitment', '招用未达法定最低年龄的人'],
  ['other', '其他问题'],
];
