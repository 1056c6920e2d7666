import { NOTIFICATION_KINDS, renderNotification } from './notification-templates';

describe('renderNotification', () => {
  it('renders a renewal reminder in Chinese and English', () => {
    const rendered = renderNotification('licence.renewal_reminder', { licenceNumber: '350000-2021-000001', agencyName: '福州海峡', expiresOn: '2026-12-31', daysLeft: 30 });
    expect(rendered.subject).toBe('许可证 350000-2021-000001 将于 2026-12-31 到期 / Licence 350000-2021-000001 expires on 2026-12-31');
    expect(rendered.text).toContain('距今 30 天');
    expect(rendered.text).toContain('in 30 days');
  });

  it('renders an expiry notice in both languages', () => {
    const rendered = renderNotification('licence.expired', { licenceNumber: 'X-1', agencyName: 'A', expiresOn: '2026-01-01' });
    expect(rendered.subject).toContain('已过期');
    expect(rendered.subject).toContain('has expired');
  });

  it('lists the licences of a renewal digest and counts those it does not list', () => {
    const rendered = renderNotification('licence.renewal_digest', {
      count: 3,
      licences: [
        { licenceNumber: 'N-1', agencyName: '甲公司', expiresOn: '2026-03-01', daysLeft: 7 },
        { licenceNumber: 'N-2', agencyName: '乙公司', expiresOn: '2026-04-01', daysLeft: 38 },
      ],
    });
    expect(rendered.titleZh).toBe('3 张许可证即将到期，已提醒持证机构续期');
    expect(rendered.bodyZh).toContain('- N-1（甲公司）2026-03-01 到期，剩 7 天');
    expect(rendered.bodyZh).toContain('另有 1 张未列出');
    expect(rendered.bodyEn).toContain('- N-2 (乙公司) expires on 2026-04-01, in 38 days');
    expect(rendered.bodyEn).toContain('1 more are not listed');
    expect(renderNotification('licence.renewal_digest', { count: 1, licences: [{ licenceNumber: 'N-1', agencyName: '甲', expiresOn: '2026-03-01', daysLeft: 7 }] }).bodyZh).not.toContain('另有');
  });

  it('falls back to a generic notice for a kind without a template', () => {
    const rendered = renderNotification('something.new', { title: 'Hello' });
    expect(rendered.subject).toBe('通知：Hello / Notice: Hello');
  });
});

describe('renderNotification: what happened, in both languages', () => {
  it('names the one complaint and the deadline of a single SLA breach, and counts several', () => {
    const one = renderNotification('complaint.sla_breached', {
      count: 1,
      breaches: [{ trackingCode: 'TS-ABC', deadline: 'resolution', dueAt: '2026-06-01T10:00:00Z', severity: 'high' }],
    });
    expect(one.titleZh).toBe('投诉 TS-ABC 已超过办结期限');
    expect(one.titleEn).toBe('Complaint TS-ABC is past its resolution deadline');
    expect(one.bodyEn).toContain('- TS-ABC: resolution deadline 2026-06-01 18:00 (severity high)');
    const many = renderNotification('complaint.sla_breached', {
      breaches: [
        { trackingCode: 'TS-1', deadline: 'acknowledgement', dueAt: '2026-06-01T10:00:00Z', severity: 'low' },
        { trackingCode: 'TS-2', deadline: 'resolution', dueAt: '2026-06-02T10:00:00Z', severity: 'urgent' },
      ],
    });
    expect(many.subject).toBe('2 件投诉超过处理期限 / 2 complaints past a deadline');
    expect(many.bodyZh).toContain('- TS-2：办结期限 2026-06-02 18:00（紧急程度：紧急）');
  });

  it("names a case by its number in each reader's language", () => {
    const rendered = renderNotification('case.decided', { caseNumber: '闽人社监〔2026〕17号', caseNumberEn: 'Fujian HRSS Enf. [2026] No. 17', sanction: 'warning' });
    expect(rendered.titleZh).toBe('案件 闽人社监〔2026〕17号 已作出处罚决定');
    expect(rendered.titleEn).toBe('Decision on case Fujian HRSS Enf. [2026] No. 17');
  });

  it('renders every kind it knows without a blank where a value belongs', () => {
    const payload = {
      licenceNumber: 'N-1', agencyNameZh: '甲', agencyNameEn: 'A', reason: 'why', at: '2026-06-01T00:00:00Z', until: '2026-07-01', expiresOn: '2027-01-01',
      daysLeft: 3, applicationKind: 'renewal', licenceType: 'overseas_employment', submittedAt: '2026-05-01T00:00:00Z', inspectionDate: '2026-05-02',
      inspectionType: 'routine', outcome: 'compliant', score: 100, correctiveActions: 0, count: 1, firstDueOn: '2026-06-30',
      actions: [{ itemCode: 'GOV-2', dueOn: '2026-06-30' }], itemCode: 'GOV-2', dueOn: '2026-06-30', note: 'n', period: 2026, trackingCode: 'TS-1',
      severity: 'low', ackDueAt: '2026-06-08T00:00:00Z', resolveDueAt: '2026-09-01T00:00:00Z', assignedBy: 'fj-admin',
      breaches: [{ trackingCode: 'TS-1', deadline: 'acknowledgement', dueAt: '2026-06-08T00:00:00Z', severity: 'low' }],
      year: 2025, requiredFen: 300_000_000, balanceFen: 258_000_000, state: 'failed',
      caseNumber: 'EC-000001', proposedSanction: '警告 / warning', sanction: '警告 / warning', representationDueOn: '2026-06-08', hearingDueOn: '2026-06-08',
      reconsiderationDueOn: '2026-07-31', litigationDueOn: '2026-12-01', heldOn: '2026-06-09', body: 'reconsideration', days: 60, decisionDueOn: '2026-08-30',
      window: 'hearing', closesOn: '2026-06-08', gradeSince: '2026-06-01',
      checkCode: 'K7M2Q9TX4B', destinationCountry: 'KR', employerName: 'Hanbit Electronics', returnedOn: '2026-06-01',
    };
    for (const kind of NOTIFICATION_KINDS) {
      const rendered = renderNotification(kind, payload);
      for (const text of [rendered.titleZh, rendered.titleEn, rendered.bodyZh, rendered.bodyEn]) {
        expect(text).not.toMatch(/undefined|null|\[object| {2}/);
        expect(text.length).toBeGreaterThan(5);
      }
      expect(rendered.titleEn).not.toContain('Notice:');
    }
  });
});

describe('renderNotification: appeal outcomes', () => {
  it('names the body and the outcome in words, and a varied decision’s new sanction', () => {
    const varied = renderNotification('case.appeal_recorded', { caseNumber: 'EC-000001', agencyNameZh: '某公司', agencyNameEn: 'An agency', body: 'reconsideration', outcome: 'varied', sanction: '警告 / warning' });
    expect(varied.bodyZh).toContain('经行政复议，变更原处罚决定，变更为警告。');
    expect(varied.bodyEn).toContain('on administrative reconsideration, the decision was varied; the sanction is now warning.');
    const annulled = renderNotification('case.appeal_recorded', { caseNumber: 'EC-000001', body: 'litigation', outcome: 'annulled' });
    expect(annulled.bodyZh).toContain('经行政诉讼，撤销原处罚决定。');
    expect(annulled.bodyEn).toContain('on litigation, the decision was annulled.');
    // Words, never the codes, in the Chinese text.
    expect(annulled.bodyZh).not.toMatch(/annulled|litigation/);
  });
});

describe('renderNotification: deadlines say the day counts', () => {
  it('words every deadline as the shared helper does, in both languages', () => {
    const notice = renderNotification('case.notice_served', { agencyNameZh: '甲', agencyNameEn: 'A', caseNumber: 'EC-1', proposedSanction: '警告 / warning', representationDueOn: '2026-12-14' });
    expect(notice.bodyZh).toContain('于 2026年12月14日（含当日）前陈述申辩');
    expect(notice.bodyEn).toContain('make representations by the end of 14 December 2026');
    const due = renderNotification('reserve_fund.top_up_due', { agencyNameZh: '甲', requiredFen: 300_000_000, dueOn: '2026-10-29' });
    expect(due.titleZh).toBe('备用金须于 2026年10月29日（含当日）前补足');
    expect(due.titleEn).toBe('Reserve fund top-up due by the end of 29 October 2026');
    const actions = renderNotification('corrective_actions.set', { agencyNameZh: '甲', count: 1, firstDueOn: '2026-06-30', actions: [{ itemCode: 'GOV-2', dueOn: '2026-06-30' }] });
    expect(actions.bodyZh).toContain('- GOV-2：2026年6月30日（含当日）前');
    expect(actions.bodyEn).toContain('- GOV-2: by the end of 30 June 2026');
  });
});
