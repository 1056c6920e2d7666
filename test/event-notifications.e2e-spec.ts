import { deadlineEn, deadlineZh, SettableClock } from '@app/core';
import { JobRunner, JobRunRecord } from '@app/scheduler';
import { seedWorld, signInAll, World } from './support/fixtures';
import { complaintBody } from './support/complaint-fixtures';
import { insertLicence } from './support/licence-fixtures';
import { inspect, itemCodes, seededTemplateId } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const FUZHOU_AGENCY = '福州海峡人力资源有限公司';

interface InboxItem {
  id: string;
  kind: string;
  title: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  payload: Record<string, unknown>;
}

/** People are told, in both languages, what happened to them; in the event's own transaction. */
describe('notifications of what happened', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  const clock = new SettableClock('2026-06-01T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp({ clock });
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  /** A user's inbox notifications of one kind, newest first. */
  async function inbox(username: string, kind: string): Promise<InboxItem[]> {
    const response = await t.http().get('/api/me/notifications?limit=200').set('authorization', as[username]).expect(200);
    return (response.body.items as InboxItem[]).filter((n) => n.kind === kind);
  }

  /** Who was told of a kind of event, by username. */
  async function recipients(kind: string): Promise<string[]> {
    const rows = (await t.db.query(`SELECT u.username FROM notifications n JOIN users u ON u.id = n.recipient_user_id WHERE n.kind = $1 ORDER BY u.username`, [kind])) as {
      username: string;
    }[];
    return rows.map((r) => r.username);
  }

  describe('licences', () => {
    it('tells the agency when its licence is suspended, reinstated and revoked, with the reason and end date', async () => {
      const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
      const act = (action: string, body: Record<string, unknown>) => t.http().post(`/api/licences/${licence.id}/${action}`).set('authorization', as['fj-admin']).send(body).expect(200);
      await act('suspend', { reason: 'Fees charged to workers', until: '2026-09-30' });
      const [suspended] = await inbox('agency-fj-1', 'licence.suspended');
      expect(suspended).toMatchObject({ titleZh: `许可证 ${licence.licenceNumber} 已被暂停`, titleEn: `Licence ${licence.licenceNumber} has been suspended` });
      expect(suspended.bodyZh).toContain(FUZHOU_AGENCY);
      expect(suspended.bodyZh).toContain('暂停至 2026-09-30');
      expect(suspended.bodyEn).toContain('Reason: Fees charged to workers.');
      expect(suspended.bodyEn).toContain('suspended until 2026-09-30 inclusive');
      expect(suspended.title).toBe(`${suspended.titleZh} / ${suspended.titleEn}`);

      await act('reinstate', { reason: 'Fees refunded to the workers' });
      const [reinstated] = await inbox('agency-fj-1', 'licence.reinstated');
      expect(reinstated).toMatchObject({ titleZh: `许可证 ${licence.licenceNumber} 已被恢复`, titleEn: `Licence ${licence.licenceNumber} has been reinstated` });
      expect(reinstated.bodyEn).toContain('may again carry on the licensed activities');

      await act('revoke', { reason: 'Repeated trafficking indicators' });
      const [revoked] = await inbox('agency-fj-1', 'licence.revoked');
      expect(revoked.titleEn).toBe(`Licence ${licence.licenceNumber} has been revoked`);
      expect(revoked.bodyZh).toContain('理由：Repeated trafficking indicators');
      for (const kind of ['licence.suspended', 'licence.reinstated', 'licence.revoked']) expect(await recipients(kind)).toEqual(['agency-fj-1']);
    });

    it('tells the agency when its licence expires', async () => {
      const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, licenceType: 'human_resources_service', expiresOn: '2026-05-31' });
      expect(((await t.app.get(JobRunner).runJob('licence-expiry')) as JobRunRecord).counts).toMatchObject({ expired: 1 });
      const [expired] = await inbox('agency-fj-1', 'licence.expired');
      expect(expired.titleZh).toBe(`许可证 ${licence.licenceNumber} 已过期`);
      expect(expired.titleEn).toBe(`Licence ${licence.licenceNumber} has expired`);
      expect(expired.bodyEn).toContain('was valid until 2026-05-31');
      expect(await recipients('licence.expired')).toEqual(['agency-fj-1', 'fj-admin']);
    });
  });

  it('tells the agency how its application was decided: approved with the licence number, refused or returned with the reason', async () => {
    const apply = async (licenceType: string) =>
      (
        await t
          .http()
          .post('/api/licence-applications')
          .set('authorization', as['agency-fj-1'])
          .send({ kind: 'new', licenceType, scope: { activities: ['overseas_placement'], destinationCountries: ['SG'] }, reserveFundAmount: 3000000 })
          .expect(201)
      ).body as { id: string };
    const decide = (id: string, body: Record<string, unknown>) => t.http().post(`/api/licence-applications/${id}/decision`).set('authorization', as['fj-admin']).send(body).expect(200);

    const returned = await apply('overseas_employment');
    await decide(returned.id, { decision: 'return', reason: 'The contract template is missing' });
    const [back] = await inbox('agency-fj-1', 'licence_application.returned');
    expect(back.titleZh).toBe('您的新办许可申请已退回补正');
    expect(back.titleEn).toBe('Your new licence application has been returned for changes');
    expect(back.bodyZh).toContain('理由：The contract template is missing');
    expect(back.bodyEn).toContain('overseas employment licence');

    const refused = await apply('labour_service_cooperation');
    await decide(refused.id, { decision: 'refuse', reason: 'No reserve fund evidence' });
    const [no] = await inbox('agency-fj-1', 'licence_application.refused');
    expect(no.titleEn).toBe('Your new licence application has been refused');
    expect(no.bodyEn).toContain('Reason: No reserve fund evidence');

    const granted = await apply('human_resources_service');
    const decided = await decide(granted.id, { decision: 'approve' });
    const [yes] = await inbox('agency-fj-1', 'licence_application.approved');
    expect(yes.titleZh).toBe('您的新办许可申请已批准');
    expect(yes.bodyZh).toContain(`许可证编号 ${decided.body.licenceNumber}`);
    expect(yes.bodyEn).toContain(`Licence number ${decided.body.licenceNumber}, valid until `);
    expect(await recipients('licence_application.approved')).toEqual(['agency-fj-1']);
  });

  it('tells the agency an inspection was submitted and which corrective actions are due when; then when one is verified or reopened', async () => {
    const submitted = await inspect(t, as['fz-inspector'], world.agencies.fuzhou, { results: { 'GOV-2': 'non_compliant' }, inspectionDate: '2026-05-28' });
    const [report] = await inbox('agency-fj-1', 'inspection.submitted');
    expect(report.titleZh).toBe(`2026-05-28 的检查结果：${submitted.outcome === 'minor_issues' ? '存在轻微问题' : '严重违规'}`);
    expect(report.titleEn).toMatch(/^Inspection of 2026-05-28: (minor issues|serious violation)$/);
    expect(report.bodyEn).toContain(`score ${submitted.score}`);
    expect(report.bodyEn).toContain('1 corrective action(s) to take');
    const [actions] = await inbox('agency-fj-1', 'corrective_actions.set');
    const [action] = (await t.http().get(`/api/corrective-actions?inspectionId=${submitted.id}`).set('authorization', as['agency-fj-1']).expect(200)).body.items as {
      id: string;
      dueOn: string;
      version: number;
    }[];
    expect(actions.titleEn).toBe(`1 corrective action(s) set, the first due ${deadlineEn(action.dueOn)}`);
    expect(actions.bodyZh).toContain(`- GOV-2：${deadlineZh(action.dueOn)}`);
    expect(actions.bodyEn).toContain(`- GOV-2: ${deadlineEn(action.dueOn)}`);
    expect(await recipients('inspection.submitted')).toEqual(['agency-fj-1']);

    const patch = (user: string, body: Record<string, unknown>) => t.http().patch(`/api/corrective-actions/${action.id}`).set('authorization', as[user]).send(body).expect(200);
    const answered = await patch('agency-fj-1', { action: 'submit', response: 'The register is kept now', version: action.version });
    const reopened = await patch('fz-inspector', { action: 'reopen', note: 'The register lacks signatures', dueOn: '2026-07-15', version: answered.body.version });
    const [again] = await inbox('agency-fj-1', 'corrective_action.reopened');
    expect(again.titleEn).toBe('Corrective action GOV-2 reopened, due by the end of 15 July 2026');
    expect(again.bodyZh).toContain('The register lacks signatures');
    const resubmitted = await patch('agency-fj-1', { action: 'submit', response: 'Signed now', version: reopened.body.version });
    await patch('fz-inspector', { action: 'verify', note: 'Seen on site', version: resubmitted.body.version });
    const [verified] = await inbox('agency-fj-1', 'corrective_action.verified');
    expect(verified.titleZh).toBe('整改事项 GOV-2 已核实');
    expect(verified.titleEn).toBe('Corrective action GOV-2 verified');
    expect(verified.bodyEn).toContain('Note: Seen on site');
    expect(await recipients('corrective_action.verified')).toEqual(['agency-fj-1']);
  });

  it('tells the agency a self-assessment round opened, and that its self-assessment was returned', async () => {
    await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.fujian });
    const opened = await t.http().post('/api/self-assessments').set('authorization', as['fj-admin']).send({ period: 2026, dueOn: '2026-07-31' }).expect(201);
    const [open] = await inbox('agency-fj-1', 'self_assessment.opened');
    expect(open.titleZh).toBe('请于 2026年7月31日（含当日）前完成 2026 年度自查');
    expect(open.titleEn).toBe('Self-assessment 2026 due by the end of 31 July 2026');
    expect(open.bodyZh).toContain(FUZHOU_AGENCY);
    // One notice per agency of the round, to that agency's users only (Xiamen has none).
    expect(await recipients('self_assessment.opened')).toEqual(['agency-fj-1']);
    // Opening the round again adds nothing: the notice's key names the self-assessment.
    await t.http().post('/api/self-assessments').set('authorization', as['fj-admin']).send({ period: 2026, dueOn: '2026-07-31' }).expect(201);
    expect(await inbox('agency-fj-1', 'self_assessment.opened')).toHaveLength(1);

    const mine = (opened.body.items as { id: string; agencyId: string }[]).find((s) => s.agencyId === world.agencies.fuzhou) as { id: string };
    const codes = await itemCodes(t, await seededTemplateId(t, 'ILO-SELF-ASSESSMENT'));
    const saved = await t
      .http()
      .put(`/api/self-assessments/${mine.id}/answers`)
      .set('authorization', as['agency-fj-1'])
      .send({ answers: codes.map((itemCode) => ({ itemCode, answer: 'yes' })), version: 1 })
      .expect(200);
    const submitted = await t.http().post(`/api/self-assessments/${mine.id}/submit`).set('authorization', as['agency-fj-1']).send({ version: saved.body.version }).expect(200);
    await t.http().post(`/api/self-assessments/${mine.id}/review`).set('authorization', as['fj-admin']).send({ decision: 'return', note: 'Explain the fee table', version: submitted.body.version }).expect(200);
    const [returned] = await inbox('agency-fj-1', 'self_assessment.returned');
    expect(returned.titleZh).toBe('2026 年度自查被退回');
    expect(returned.titleEn).toBe('Self-assessment 2026 returned');
    expect(returned.bodyEn).toContain('returned for changes: Explain the fee table');
  });

  describe('officers', () => {
    it('tells an inspector a complaint was assigned to them, naming it, its agency and deadlines', async () => {
      const created = await t
        .http()
        .post('/api/complaints')
        .set('authorization', as['fj-inspector'])
        .send({ ...complaintBody({ description: 'Deposit kept by the agency for months.' }), channel: 'hotline' })
        .expect(201);
      await t.http().post(`/api/complaints/${created.body.id}/assign`).set('authorization', as['fj-admin']).send({ assigneeId: world.users['fz-inspector'], version: created.body.version }).expect(200);
      const [assigned] = await inbox('fz-inspector', 'complaint.assigned');
      expect(assigned.titleZh).toBe(`投诉 ${created.body.trackingCode} 已分派给您`);
      expect(assigned.titleEn).toBe(`Complaint ${created.body.trackingCode} assigned to you`);
      expect(assigned.bodyZh).toContain('fj-admin 将投诉');
      expect(assigned.bodyZh).toContain('Some agency');
      expect(assigned.bodyEn).toMatch(/Acknowledge by \d{4}-\d{2}-\d{2} \d{2}:\d{2}, resolve by \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./);
      expect(await recipients('complaint.assigned')).toEqual(['fz-inspector']);
    });

    it('tells an inspector an inspection was assigned to them; refuses a lead inspector out of reach', async () => {
      const refused = await t
        .http()
        .post('/api/inspections')
        .set('authorization', as['fj-admin'])
        .send({ agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-20', leadInspectorId: world.users['ln-admin'] })
        .expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'leadInspectorId' })]);
      const planned = await t
        .http()
        .post('/api/inspections')
        .set('authorization', as['fj-admin'])
        .send({ agencyId: world.agencies.fuzhou, type: 'thematic', inspectionDate: '2026-06-20', leadInspectorId: world.users['fz-inspector'] })
        .expect(201);
      expect(planned.body).toMatchObject({ leadInspectorId: world.users['fz-inspector'], leadInspectorName: 'fz-inspector' });
      const [assigned] = await inbox('fz-inspector', 'inspection.assigned');
      expect(assigned.titleZh).toBe('2026-06-20 的检查已指派给您');
      expect(assigned.titleEn).toBe('Inspection on 2026-06-20 assigned to you');
      expect(assigned.bodyZh).toContain(`${FUZHOU_AGENCY}于 2026-06-20 的专项检查`);
      expect(assigned.bodyEn).toContain('lead inspector of the thematic inspection of fuzhou agency on 2026-06-20');
      expect(await recipients('inspection.assigned')).toEqual(['fz-inspector']);
    });

    it("groups a run's SLA breaches into one message per recipient, naming each complaint and deadline", async () => {
      const codes: string[] = [];
      for (const description of ['Passport kept by the agency.', 'Wages unpaid for three months.', 'Fees charged for a visa.']) {
        const created = await t.http().post('/api/public/complaints').send(complaintBody({ description })).expect(201);
        codes.push(created.body.trackingCode as string);
      }
      const before = await inbox('fj-admin', 'complaint.sla_breached');
      clock.set(new Date('2026-06-20T02:00:00Z'));
      const run = (await t.app.get(JobRunner).runJob('complaint-sla')) as JobRunRecord;
      expect(run.counts).toMatchObject({ escalations: 1 });
      const after = await inbox('fj-admin', 'complaint.sla_breached');
      expect(after).toHaveLength(before.length + 1);
      const [grouped] = after;
      const breached = Number(run.counts?.breached);
      expect(breached).toBeGreaterThanOrEqual(3);
      expect(grouped.titleZh).toBe(`${breached} 件投诉超过处理期限`);
      expect(grouped.titleEn).toBe(`${breached} complaints past a deadline`);
      for (const code of codes) {
        expect(grouped.bodyZh).toMatch(new RegExp(`- ${code}：受理期限 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`));
        expect(grouped.bodyEn).toMatch(new RegExp(`- ${code}: acknowledgement deadline \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`));
      }
      expect(grouped.titleEn).not.toContain('system notice');
      expect(await t.app.get(JobRunner).runJob('complaint-sla')).toMatchObject({ counts: { breached: 0, escalations: 0 } });
    });
  });
});
