import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monitoring: checklist templates (seeded from reference/checklists), inspections with findings,
 * addenda, corrective actions and sanctions, and self-assessments with their answers.
 */
export class Monitoring1763885000000 implements MigrationInterface {
  name = 'Monitoring1763885000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE checklist_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
        kind text NOT NULL CHECK (kind IN ('inspection', 'self_assessment')),
        version integer NOT NULL CHECK (version >= 1),
        title_zh text NOT NULL,
        title_en text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        published_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX checklist_templates_code_version_key ON checklist_templates (code, version)`);
    await db.query(`CREATE INDEX checklist_templates_kind_idx ON checklist_templates (kind, status, version)`);
    await db.query(`CREATE INDEX checklist_templates_created_at_idx ON checklist_templates (created_at, id)`);

    await db.query(`
      CREATE TABLE checklist_items (
        template_id uuid NOT NULL REFERENCES checklist_templates (id),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,39}$'),
        position integer NOT NULL,
        section text NOT NULL,
        criticality text NOT NULL CHECK (criticality IN ('critical', 'major', 'minor')),
        points integer NOT NULL CHECK (points BETWEEN 0 AND 100),
        legal_basis text,
        text_zh text NOT NULL,
        text_en text NOT NULL,
        PRIMARY KEY (template_id, code)
      )`);

    // A published template never changes: the database refuses it, whatever the code does.
    await db.query(`
      CREATE FUNCTION checklist_items_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM checklist_templates t WHERE t.id = COALESCE(OLD.template_id, NEW.template_id) AND t.status = 'published') THEN
          RAISE EXCEPTION 'checklist template % is published and cannot change', COALESCE(OLD.template_id, NEW.template_id);
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await db.query(`
      CREATE TRIGGER checklist_items_immutable BEFORE INSERT OR UPDATE OR DELETE ON checklist_items
        FOR EACH ROW EXECUTE FUNCTION checklist_items_immutable()`);

    await db.query(`
      CREATE TABLE inspections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        -- The agency's division, copied for scoping (kept in step like licences).
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        type text NOT NULL CHECK (type IN ('routine', 'complaint', 'follow_up', 'thematic')),
        status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'submitted', 'closed', 'cancelled')),
        inspection_date date NOT NULL,
        template_id uuid NOT NULL REFERENCES checklist_templates (id),
        lead_inspector_id uuid REFERENCES users (id),
        bureau_id uuid REFERENCES bureaus (id),
        -- Complaints live in another module and land later: a plain reference, no foreign key.
        complaint_id uuid,
        follow_up_of_id uuid REFERENCES inspections (id),
        notes text,
        cancel_reason text,
        score numeric(5, 2),
        violation_points integer,
        outcome text CHECK (outcome IN ('compliant', 'minor_issues', 'serious_violation', 'critical_violation')),
        submitted_at timestamptz(3),
        submitted_by uuid REFERENCES users (id),
        sanction_proposal text CHECK (sanction_proposal IN ('none', 'warning', 'fine', 'suspension', 'revocation')),
        proposed_fine_amount numeric(14, 2) CHECK (proposed_fine_amount > 0),
        proposed_suspension_days integer CHECK (proposed_suspension_days > 0),
        sanction_proposal_reason text,
        sanction_decision text CHECK (sanction_decision IN ('none', 'warning', 'fine', 'suspension', 'revocation')),
        decided_fine_amount numeric(14, 2) CHECK (decided_fine_amount > 0),
        decided_suspension_days integer CHECK (decided_suspension_days > 0),
        sanction_decision_reason text,
        sanction_decided_by uuid REFERENCES users (id),
        sanction_decided_at timestamptz(3),
        sanctioned_licence_ids uuid[],
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((status IN ('submitted', 'closed')) = (outcome IS NOT NULL) OR status = 'cancelled')
      )`);
    await db.query(`CREATE INDEX inspections_jurisdiction_idx ON inspections (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX inspections_created_at_idx ON inspections (created_at, id)`);
    await db.query(`CREATE INDEX inspections_agency_idx ON inspections (agency_id, inspection_date)`);
    await db.query(`CREATE INDEX inspections_status_idx ON inspections (status)`);
    await db.query(`CREATE INDEX inspections_outcome_idx ON inspections (outcome)`);
    await db.query(`CREATE INDEX inspections_type_idx ON inspections (type)`);
    await db.query(`CREATE INDEX inspections_template_idx ON inspections (template_id)`);
    await db.query(`CREATE INDEX inspections_lead_inspector_idx ON inspections (lead_inspector_id)`);
    await db.query(`CREATE INDEX inspections_complaint_idx ON inspections (complaint_id) WHERE complaint_id IS NOT NULL`);
    await db.query(`CREATE INDEX inspections_follow_up_of_idx ON inspections (follow_up_of_id) WHERE follow_up_of_id IS NOT NULL`);
    // One follow-up per inspection, however often a submit is retried.
    await db.query(`CREATE UNIQUE INDEX inspections_one_follow_up ON inspections (follow_up_of_id) WHERE type = 'follow_up' AND follow_up_of_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE inspection_findings (
        inspection_id uuid NOT NULL REFERENCES inspections (id),
        item_code text NOT NULL,
        result text NOT NULL CHECK (result IN ('compliant', 'non_compliant', 'not_applicable', 'not_checked')),
        note text,
        evidence jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (inspection_id, item_code)
      )`);
    // Discrepancies look up non-compliant findings by item.
    await db.query(`CREATE INDEX inspection_findings_non_compliant_idx ON inspection_findings (item_code, inspection_id) WHERE result = 'non_compliant'`);

    await db.query(`
      CREATE TABLE inspection_addenda (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES inspections (id),
        item_code text,
        corrected_result text CHECK (corrected_result IN ('compliant', 'non_compliant', 'not_applicable', 'not_checked')),
        note text NOT NULL,
        author_id uuid REFERENCES users (id),
        author_username text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX inspection_addenda_inspection_idx ON inspection_addenda (inspection_id, created_at)`);

    await db.query(`
      CREATE TABLE corrective_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES inspections (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        item_code text NOT NULL,
        description text NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'submitted', 'verified', 'overdue')),
        agency_response text,
        responded_at timestamptz(3),
        inspector_note text,
        verified_by uuid REFERENCES users (id),
        verified_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (inspection_id, item_code)
      )`);
    await db.query(`CREATE INDEX corrective_actions_agency_idx ON corrective_actions (agency_id, status)`);
    await db.query(`CREATE INDEX corrective_actions_jurisdiction_idx ON corrective_actions (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX corrective_actions_due_idx ON corrective_actions (status, due_on)`);

    await db.query(`
      CREATE TABLE self_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        template_id uuid NOT NULL REFERENCES checklist_templates (id),
        period integer NOT NULL CHECK (period BETWEEN 2000 AND 2100),
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'returned', 'resubmitted')),
        score numeric(5, 2),
        submitted_at timestamptz(3),
        review_note text,
        reviewed_by uuid REFERENCES users (id),
        reviewed_at timestamptz(3),
        opened_by_bureau_id uuid REFERENCES bureaus (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // One self-assessment per agency and period: opening a round twice adds only the missing ones.
    await db.query(`CREATE UNIQUE INDEX self_assessments_agency_period_key ON self_assessments (agency_id, period)`);
    await db.query(`CREATE INDEX self_assessments_jurisdiction_idx ON self_assessments (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX self_assessments_created_at_idx ON self_assessments (created_at, id)`);
    await db.query(`CREATE INDEX self_assessments_status_due_idx ON self_assessments (status, due_on)`);
    await db.query(`CREATE INDEX self_assessments_template_idx ON self_assessments (template_id)`);

    await db.query(`
      CREATE TABLE self_assessment_answers (
        self_assessment_id uuid NOT NULL REFERENCES self_assessments (id),
        item_code text NOT NULL,
        answer text NOT NULL CHECK (answer IN ('yes', 'partly', 'no', 'not_applicable')),
        comment text,
        PRIMARY KEY (self_assessment_id, item_code)
      )`);
    await db.query(`CREATE INDEX self_assessment_answers_yes_idx ON self_assessment_answers (item_code, self_assessment_id) WHERE answer = 'yes'`);

    // Monitoring records carry the agency's division for scoping. AgenciesService keeps licences in
    // step when an agency moves; this keeps the monitoring records in step without it knowing them.
    await db.query(`
      CREATE FUNCTION monitoring_follow_agency_division() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE inspections SET jurisdiction_code = NEW.jurisdiction_code WHERE agency_id = NEW.id;
        UPDATE corrective_actions SET jurisdiction_code = NEW.jurisdiction_code WHERE agency_id = NEW.id;
        UPDATE self_assessments SET jurisdiction_code = NEW.jurisdiction_code WHERE agency_id = NEW.id;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER monitoring_follow_agency_division AFTER UPDATE OF jurisdiction_code ON agencies
        FOR EACH ROW WHEN (OLD.jurisdiction_code IS DISTINCT FROM NEW.jurisdiction_code)
        EXECUTE FUNCTION monitoring_follow_agency_division()`);

    await this.seedTemplate(db, 'ILO-INSPECTION', 'inspection', '招聘机构现场检查清单', 'Recruitment agency inspection checklist', INSPECTION_ITEMS);
    await this.seedTemplate(db, 'ILO-SELF-ASSESSMENT', 'self_assessment', '招聘机构自律自评清单', 'Recruitment agency self-assessment', SELF_ASSESSMENT_ITEMS);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER monitoring_follow_agency_division ON agencies`);
    await db.query(`DROP FUNCTION monitoring_follow_agency_division()`);
    await db.query(`DROP TABLE self_assessment_answers, self_assessments, corrective_actions, inspection_addenda, inspection_findings, inspections`);
    await db.query(`DROP TABLE checklist_items, checklist_templates`);
    await db.query(`DROP FUNCTION checklist_items_immutable()`);
  }

  /** Inserts the items while the template is a draft, then publishes it (the trigger allows only that order). */
  private async seedTemplate(db: QueryRunner, code: string, kind: string, titleZh: string, titleEn: string, items: string): Promise<void> {
    const [{ id }] = (await db.query(
      `INSERT INTO checklist_templates (code, kind, version, title_zh, title_en, status) VALUES ($1, $2, 1, $3, $4, 'draft') RETURNING id`,
      [code, kind, titleZh, titleEn],
    )) as { id: string }[];
    await db.query(
      `INSERT INTO checklist_items (template_id, position, section, code, criticality, points, legal_basis, text_zh, text_en)
       SELECT $1, v.* FROM (VALUES
${items}
       ) AS v(position, section, code, criticality, points, legal_basis, text_zh, text_en)`,
      [id],
    );
    await db.query(`UPDATE checklist_templates SET status = 'published', published_at = now() WHERE id = $1`, [id]);
  }
}

// Copied from reference/checklists/inspection.csv (section, item, criticality, points, legal basis, Chinese, English).
const INSPECTION_ITEMS = `
      (1, 'LIC', 'LIC-1', 'critical', 0, 'C181 Art.3', '机构持有有效许可证并公示。', 'The agency holds a valid licence and displays it.'),
      (2, 'LIC', 'LIC-2', 'critical', 0, 'C181 Art.3', '招聘和派遣活动均在许可范围内。', 'Recruitment and placement stay within the licence''s scope.'),
      (3, 'LIC', 'LIC-3', 'major', 8, 'C181 Art.3', '分支机构及合作招聘人员已登记，未使用无证中介。', 'Branches and partner recruiters are registered; no unlicensed intermediaries are used.'),
      (4, 'FEE', 'FEE-1', 'critical', 0, 'C181 Art.7', '抽查劳动者名册及财务记录，未发现向劳动者收取招聘费用。', 'Sampled worker files and accounts show no recruitment fees charged to workers.'),
      (5, 'FEE', 'FEE-2', 'major', 8, 'C181 Art.7', '收费标准已公示且与实际收费一致。', 'The posted fee schedule matches the fees actually charged.'),
      (6, 'FEE', 'FEE-3', 'critical', 0, 'C181 Art.7', '未收取劳动者押金、保证金，未要求签订借款担保。', 'No deposits or guarantee money taken from workers; no loans or guarantees demanded.'),
      (7, 'CON', 'CON-1', 'critical', 0, 'Overseas labour cooperation rules', '抽查的劳动者均在出发前签订书面合同并持有合同文本。', 'Every sampled worker signed a written contract before departure and holds a copy.'),
      (8, 'CON', 'CON-2', 'major', 8, 'Training manual sample contract', '合同条款不低于示范劳动合同。', 'Contract terms meet the sample employment contract.'),
      (9, 'CON', 'CON-3', 'critical', 0, 'ILO Fair Recruitment', '无合同替换的证据（对比招聘信息、签约文本与境外实际合同）。', 'No evidence of contract substitution (job offer, signed contract and contract abroad compared).'),
      (10, 'PDT', 'PDT-1', 'major', 8, 'Training manual', '出国前培训记录完整，内容符合要求。', 'Pre-departure training records are complete and the content meets the requirements.'),
      (11, 'PDT', 'PDT-3', 'major', 8, 'Training manual', '劳动者获得目的地国家援助热线及联系方式。', 'Workers received destination-country hotline and assistance contacts.'),
      (12, 'DST', 'DST-2', 'critical', 0, 'Overseas labour cooperation rules', '所有派遣人员持合法工作签证或许可。', 'Every deployed worker held a valid work visa or permit.'),
      (13, 'DST', 'DST-3', 'major', 8, 'Overseas labour cooperation rules', '境外雇主资质经核实并有合作协议。', 'Foreign employers were verified and bound by a cooperation agreement.'),
      (14, 'PRO', 'PRO-1', 'critical', 0, 'ILO forced labour indicators', '未发现扣押护照或身份证件。', 'No passports or identity papers are being held.'),
      (15, 'PRO', 'PRO-2', 'major', 8, 'C181 Art.8', '有境外援助和紧急回国机制并实际运行。', 'Help for workers abroad and emergency return arrangements exist and work.'),
      (16, 'PRO', 'PRO-3', 'major', 8, 'Overseas labour cooperation rules', '保险和备用金符合规定。', 'Insurance and the reserve fund are as required.'),
      (17, 'REC', 'REC-1', 'major', 8, 'C181 Art.6', '劳动者名册完整并按期保存。', 'The worker register is complete and retained as required.'),
      (18, 'REC', 'REC-2', 'major', 8, 'C181 Art.6', '个人信息保管安全，无违规共享。', 'Personal data is kept secure and not shared improperly.'),
      (19, 'ADV', 'ADV-1', 'major', 8, 'Human Resources Market Regulations', '招聘广告真实并注明许可证号。', 'Advertisements are truthful and show the licence number.'),
      (20, 'ADV', 'ADV-2', 'critical', 0, 'C181 Art.9', '未招用未成年人。', 'No child has been recruited.'),
      (21, 'GOV', 'GOV-1', 'major', 8, 'C181 Art.10', '投诉处理记录完整，按时答复。', 'Complaint handling records are complete and answers were timely.'),
      (22, 'GOV', 'GOV-2', 'minor', 3, 'Training manual', '员工接受过法律和反人口贩运培训。', 'Staff have had training on the law and on trafficking.'),
      (23, 'GOV', 'GOV-4', 'minor', 3, 'Training manual', '自评结果与现场检查情况相符。', 'The latest self-assessment matches what the inspection found.')`;

// Copied from reference/checklists/self-assessment.csv.
const SELF_ASSESSMENT_ITEMS = `
      (1, 'LIC', 'LIC-1', 'critical', 0, 'C181 Art.3', '本机构持有有效许可证，并在经营场所显著位置公示许可证及营业执照。', 'The agency holds a valid licence and displays it and its business licence prominently at its premises.'),
      (2, 'LIC', 'LIC-2', 'critical', 0, 'C181 Art.3', '本机构仅在许可范围（业务类型和目的地国家）内开展招聘与派遣。', 'The agency recruits and places workers only within the activities and destination countries its licence allows.'),
      (3, 'LIC', 'LIC-3', 'major', 8, 'C181 Art.3', '分支机构和合作招聘人员均已登记备案，不委托无证中介或个人招募劳动者。', 'Branches and partner recruiters are registered; no recruitment is subcontracted to unlicensed intermediaries or individuals.'),
      (4, 'FEE', 'FEE-1', 'critical', 0, 'C181 Art.7', '本机构不以任何形式向劳动者收取招聘费用或相关成本（雇主付费原则）。', 'The agency charges workers no recruitment fees or related costs in any form (the employer-pays principle).'),
      (5, 'FEE', 'FEE-2', 'major', 8, 'C181 Art.7', '收费标准（向雇主收取）在经营场所和网站公示。', 'The schedule of fees charged to employers is posted at the premises and online.'),
      (6, 'FEE', 'FEE-3', 'critical', 0, 'C181 Art.7', '不向劳动者收取押金、保证金或要求其签订借款或担保协议。', 'Workers are never asked for deposits or guarantee money or to sign loans or guarantees.'),
      (7, 'FEE', 'FEE-4', 'minor', 3, 'C181 Art.7', '对收取的每笔款项出具正式收据并留存记录。', 'Every payment received is receipted and recorded.'),
      (8, 'CON', 'CON-1', 'critical', 0, 'Overseas labour cooperation rules', '劳动者出发前签订书面劳动合同，并持有一份以其理解的语言书写的合同文本。', 'Each worker signs a written employment contract before departure and holds a copy in a language they understand.'),
      (9, 'CON', 'CON-2', 'major', 8, 'Training manual sample contract', '合同采用或不低于《示范劳动合同》条款：工作内容、工资、工时、休息休假、食宿、保险、合同期限、回国安排。', 'Contracts follow or exceed the sample employment contract: duties, wages, hours, rest and leave, board and lodging, insurance, term and return travel.'),
      (10, 'CON', 'CON-3', 'critical', 0, 'ILO Fair Recruitment', '劳动者抵达后合同条款不被替换或降低（无合同替换）。', 'Contract terms are not replaced or worsened after signing or on arrival (no contract substitution).'),
      (11, 'CON', 'CON-4', 'major', 8, 'ILO Fair Recruitment', '招聘时告知的工作条件与合同及实际条件一致。', 'The working conditions described at recruitment match the contract and the real job.'),
      (12, 'PDT', 'PDT-1', 'major', 8, 'Training manual', '每名劳动者出发前均接受出国前培训并有签到记录。', 'Every worker attends pre-departure training before leaving and attendance is recorded.'),
      (13, 'PDT', 'PDT-2', 'major', 8, 'Training manual', '培训内容涵盖目的地国家法律法规、风俗文化、劳动者权利、合同条款、安全健康和汇款方式。', 'Training covers destination-country law and customs, workers'' rights, the contract terms, safety and health, and sending money home.'),
      (14, 'PDT', 'PDT-3', 'major', 8, 'Training manual', '向劳动者提供目的地国家援助热线、使领馆及劳动者协会联系方式。', 'Workers receive the assistance hotlines, embassy or consulate and migrant worker association contacts of the destination country.'),
      (15, 'DST', 'DST-1', 'major', 8, 'Training manual', '本机构掌握并向劳动者介绍目的地国家的就业政策和工作许可要求。', 'The agency knows and explains the destination country''s employment policies and work-permit rules.'),
      (16, 'DST', 'DST-2', 'critical', 0, 'Overseas labour cooperation rules', '劳动者均持合法工作签证或工作许可出境，不以旅游、商务签证派遣务工。', 'Every worker leaves with a valid work visa or permit; no one is sent to work on tourist or business visas.'),
      (17, 'DST', 'DST-3', 'major', 8, 'Overseas labour cooperation rules', '境外雇主经过核实，具备合法资质并签订合作协议。', 'Foreign employers are verified as lawful and bound by a written cooperation agreement.'),
      (18, 'PRO', 'PRO-1', 'critical', 0, 'ILO forced labour indicators', '本机构及合作方不扣押劳动者护照、身份证件或其他证件。', 'Neither the agency nor its partners keep workers'' passports or identity papers.'),
      (19, 'PRO', 'PRO-2', 'major', 8, 'C181 Art.8', '设有劳动者在境外遇到困难时的联络和援助机制，并明确紧急回国安排。', 'There is a way for workers abroad to reach the agency for help and a plan for emergency return.'),
      (20, 'PRO', 'PRO-3', 'major', 8, 'Overseas labour cooperation rules', '按规定为外派劳务人员办理保险并缴存备用金。', 'Workers placed abroad are insured and the reserve fund is deposited as required.'),
      (21, 'PRO', 'PRO-4', 'minor', 3, 'C181 Art.8', '定期回访在外劳动者并记录其工作生活情况。', 'The agency follows up with workers abroad at regular intervals and records how they are.'),
      (22, 'REC', 'REC-1', 'major', 8, 'C181 Art.6', '建立劳动者名册，记录招聘、培训、合同、派遣和回国信息，保存至少两年。', 'A register of workers records recruitment, training, contract, deployment and return and is kept for at least two years.'),
      (23, 'REC', 'REC-2', 'major', 8, 'C181 Art.6', '个人信息仅为招聘目的收集，妥善保管，未经同意不向第三方提供。', 'Personal data is collected only for the placement, kept secure and not shared without consent.'),
      (24, 'ADV', 'ADV-1', 'major', 8, 'Human Resources Market Regulations', '招聘广告真实，注明机构名称和许可证号。', 'Job advertisements are truthful and show the agency''s name and licence number.'),
      (25, 'ADV', 'ADV-2', 'critical', 0, 'C181 Art.9', '不招用未满法定年龄的人员。', 'No one under the legal minimum age is recruited.'),
      (26, 'ADV', 'ADV-3', 'minor', 3, 'C181 Art.5', '招聘中不存在性别、民族、宗教、健康状况等歧视。', 'Recruitment does not discriminate by sex, ethnicity, religion, health or similar grounds.'),
      (27, 'GOV', 'GOV-1', 'major', 8, 'C181 Art.10', '设有劳动者投诉处理程序，投诉在规定时限内答复并记录。', 'A complaint procedure for workers exists; complaints are answered in time and recorded.'),
      (28, 'GOV', 'GOV-2', 'minor', 3, 'Training manual', '工作人员接受过有关法律法规、职业道德和识别人口贩运的培训。', 'Staff are trained on the law, professional ethics and recognising trafficking.'),
      (29, 'GOV', 'GOV-3', 'minor', 3, 'Training manual', '本机构已制定并公开自律承诺或行为准则。', 'The agency has adopted and published a self-discipline pledge or code of conduct.')`;
