import { expectProblem, seedWorld, signInAll, testUscc, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const overseasScope = { activities: ['overseas_placement'], destinationCountries: ['SG', 'JP'] };

describe('licensing', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const newAgency = async (code = '350100') => {
    const [row] = await t.db.query(
      `INSERT INTO agencies (uscc, name_zh, legal_representative, address, jurisdiction_code, agency_type)
       VALUES ($1, '测试劳务公司', '李某', '某路', $2, 'overseas_placement') RETURNING id`,
      [testUscc(code), code],
    );
    return row.id as string;
  };
  const apply = (user: string, body: Record<string, unknown>) => t.http().post('/api/licence-applications').set('authorization', as[user]).send(body);
  const decide = (user: string, id: string, body: Record<string, unknown>) => t.http().post(`/api/licence-applications/${id}/decision`).set('authorization', as[user]).send(body);
  const act = (user: string, id: string, action: string, body: Record<string, unknown> = { reason: 'inspection findings' }) =>
    t.http().post(`/api/licences/${id}/${action}`).set('authorization', as[user]).send(body);

  describe('applications', () => {
    it('lets an agency apply for its own agency; a bureau approves, issuing a numbered licence of 5 years', async () => {
      const submitted = await apply('agency-fj-1', { kind: 'new', licenceType: 'overseas_employment', scope: overseasScope, note: 'first licence' }).expect(201);
      expect(submitted.body).toMatchObject({ status: 'submitted', agencyId: world.agencies.fuzhou });
      const review = await t.http().post(`/api/licence-applications/${submitted.body.id}/start-review`).set('authorization', as['fj-admin']).send({}).expect(200);
      expect(review.body.status).toBe('under_review');
      const approved = await decide('fj-admin', submitted.body.id, { decision: 'approve' }).expect(200);
      expect(approved.body.status).toBe('approved');
      const licence = await t.http().get(`/api/licences/${approved.body.resultingLicenceId}`).set('authorization', as['agency-fj-1']).expect(200);
      expect(licence.body).toMatchObject({
        licenceNumber: expect.stringMatching(/^350000-2026-\d{6}$/),
        status: 'active',
        validFrom: '2026-06-15',
        expiresOn: '2031-06-15',
        scope: overseasScope,
        term: 1,
      });
      expect(licence.body.events).toEqual([expect.objectContaining({ kind: 'issued', toStatus: 'active', actorUsername: 'fj-admin' })]);
      // A second licence of the same type is refused while one is in force.
      const second = await apply('agency-fj-1', { kind: 'new', licenceType: 'overseas_employment', scope: overseasScope }).expect(409);
      expect(second.body.detail).toMatch(/already holds licence/);
    });

    it('returns, lets the agency resubmit, and refuses with a reason', async () => {
      const agencyId = await newAgency('350200');
      const submitted = await apply('xm-admin', { agencyId, kind: 'new', licenceType: 'human_resources_service', scope: { activities: ['job_placement'], destinationCountries: [] } }).expect(201);
      const noReason = await decide('xm-admin', submitted.body.id, { decision: 'return' }).expect(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      await decide('xm-admin', submitted.body.id, { decision: 'return', reason: 'address proof missing' }).expect(200);
      await decide('xm-admin', submitted.body.id, { decision: 'approve' }).expect(409);
      const resubmitted = await t.http().post(`/api/licence-applications/${submitted.body.id}/resubmit`).set('authorization', as['xm-admin']).send({ version: 2, note: 'proof attached' }).expect(200);
      expect(resubmitted.body.status).toBe('resubmitted');
      const refused = await decide('xm-admin', submitted.body.id, { decision: 'refuse', reason: 'premises unsuitable' }).expect(200);
      expect(refused.body).toMatchObject({ status: 'refused', decisionReason: 'premises unsuitable', resultingLicenceId: null });
      const illegal = await decide('xm-admin', submitted.body.id, { decision: 'approve' }).expect(409);
      expect(illegal.body).toMatchObject({ currentStatus: 'refused' });
    });

    it('checks what is applied for, field by field', async () => {
      const agencyId = await newAgency();
      const noCountry = await apply('fj-admin', { agencyId, kind: 'new', licenceType: 'overseas_employment', scope: { activities: ['x'], destinationCountries: [] } }).expect(400);
      expect(noCountry.body.errors[0].field).toBe('scope.destinationCountries');
      const noFund = await apply('fj-admin', { agencyId, kind: 'new', licenceType: 'labour_service_cooperation', scope: overseasScope }).expect(400);
      expect(noFund.body.errors[0].field).toBe('reserveFundAmount');
      const badCountry = await apply('fj-admin', { agencyId, kind: 'new', licenceType: 'overseas_employment', scope: { activities: ['x'], destinationCountries: ['Singapore'] } }).expect(400);
      expect(badCountry.body.errors[0]).toEqual({ field: 'scope.destinationCountries', message: 'each destination country must be an ISO 3166-1 alpha-2 code' });
      await apply('fj-admin', { kind: 'new', licenceType: 'overseas_employment', scope: overseasScope }).expect(400);
      await apply('ln-admin', { agencyId, kind: 'new', licenceType: 'overseas_employment', scope: overseasScope }).expect(404);
      await apply('fz-inspector', { agencyId, kind: 'new', licenceType: 'overseas_employment', scope: overseasScope }).expect(403);
    });

    it('gives 20 concurrent approvals 20 distinct licence numbers', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const agencyId = await newAgency();
        ids.push((await apply('fj-admin', { agencyId, kind: 'new', licenceType: 'overseas_employment', scope: overseasScope }).expect(201)).body.id);
      }
      const answers = await Promise.all(ids.map((id) => decide('fj-admin', id, { decision: 'approve' })));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      const numbers = await t.db.query(`SELECT licence_number FROM licences WHERE id = ANY($1::uuid[])`, [answers.map((a) => a.body.resultingLicenceId)]);
      expect(new Set(numbers.map((n: { licence_number: string }) => n.licence_number)).size).toBe(20);
    });

    it('opens renewals 90 days before expiry, extends the licence and starts a new term', async () => {
      const agencyId = await newAgency();
      const licence = await insertLicence(t, { agencyId, bureauId: world.bureaus.fujian, validFrom: '2021-10-01', expiresOn: '2026-10-01' });
      const early = await apply('fj-admin', { agencyId, kind: 'renewal', licenceId: licence.id }).expect(409);
      expect(early.body).toMatchObject({ opensOn: '2026-07-03', expiresOn: '2026-10-01' });
      t.clock.set('2026-07-03T01:00:00Z');
      const renewal = await apply('fj-admin', { agencyId, kind: 'renewal', licenceId: licence.id }).expect(201);
      await apply('fj-admin', { agencyId, kind: 'renewal', licenceId: licence.id }).expect(409);
      await decide('fj-admin', renewal.body.id, { decision: 'approve' }).expect(200);
      const renewed = await t.http().get(`/api/licences/${licence.id}`).set('authorization', as['fj-admin']).expect(200);
      expect(renewed.body).toMatchObject({ expiresOn: '2031-10-01', term: 2, status: 'active' });
      expect(renewed.body.events.map((e: { kind: string }) => e.kind)).toEqual(['renewed']);
      t.clock.set('2026-06-15T02:00:00Z');
    });

    it('varies scope and conditions of a licence in force', async () => {
      const agencyId = await newAgency();
      const licence = await insertLicence(t, { agencyId, bureauId: world.bureaus.fujian });
      const variation = await apply('fj-admin', { agencyId, kind: 'variation', licenceId: licence.id, scope: { activities: ['overseas_placement'], destinationCountries: ['SG', 'MY'] }, conditions: 'no seafarers' }).expect(201);
      await decide('fj-admin', variation.body.id, { decision: 'approve' }).expect(200);
      const varied = await t.http().get(`/api/licences/${licence.id}`).set('authorization', as['fj-admin']).expect(200);
      expect(varied.body).toMatchObject({ scope: { destinationCountries: ['SG', 'MY'] }, conditions: 'no seafarers' });
      expect(varied.body.events[0].kind).toBe('varied');
    });
  });

  describe('lifecycle', () => {
    it('walks every legal transition, each an event and an audit record', async () => {
      const agencyId = await newAgency();
      const a = await insertLicence(t, { agencyId, bureauId: world.bureaus.fujian });
      expect((await act('fj-admin', a.id, 'suspend', { reason: 'unpaid wages', until: '2026-09-30' }).expect(200)).body).toMatchObject({ status: 'suspended', suspendedUntil: '2026-09-30' });
      expect((await act('fj-admin', a.id, 'reinstate').expect(200)).body).toMatchObject({ status: 'active', suspendedUntil: null });
      expect((await act('fj-admin', a.id, 'revoke').expect(200)).body.status).toBe('revoked');

      const b = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, licenceType: 'human_resources_service' });
      await act('fj-admin', b.id, 'suspend').expect(200);
      expect((await act('fj-admin', b.id, 'revoke').expect(200)).body.status).toBe('revoked');

      const c = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, licenceType: 'labour_service_cooperation' });
      expect((await act('agency-fj-1', c.id, 'surrender', { reason: 'closing the business' }).expect(200)).body.status).toBe('surrendered');

      const d = await insertLicence(t, { agencyId, bureauId: world.bureaus.fujian, licenceType: 'human_resources_service' });
      await act('fj-admin', d.id, 'suspend').expect(200);
      expect((await act('fj-admin', d.id, 'surrender').expect(200)).body.status).toBe('surrendered');

      const detail = await t.http().get(`/api/licences/${a.id}`).set('authorization', as.ministry).expect(200);
      expect(detail.body.events.map((e: { kind: string; fromStatus: string; toStatus: string }) => `${e.kind}:${e.fromStatus}>${e.toStatus}`)).toEqual([
        'suspended:active>suspended',
        'reinstated:suspended>active',
        'revoked:active>revoked',
      ]);
      const audited = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [a.id]);
      expect(audited.map((r: { action: string }) => r.action)).toEqual(['licence.suspend', 'licence.reinstate', 'licence.revoke']);
    });

    it('refuses illegal transitions with 409 naming the current status', async () => {
      const agencyId = await newAgency();
      const active = await insertLicence(t, { agencyId, bureauId: world.bureaus.fujian });
      const reinstateActive = await act('fj-admin', active.id, 'reinstate').expect(409);
      expect(reinstateActive.body).toMatchObject({ currentStatus: 'active', type: expect.stringMatching(/illegal-transition/) });
      for (const status of ['revoked', 'surrendered', 'expired'] as const) {
        const final = await insertLicence(t, { agencyId, bureauId: world.bureaus.fujian, status, licenceType: 'human_resources_service' });
        for (const action of ['suspend', 'reinstate', 'revoke', 'surrender']) {
          const answer = await act('fj-admin', final.id, action).expect(409);
          expect(answer.body.currentStatus).toBe(status);
        }
      }
      const suspended = await insertLicence(t, { agencyId, bureauId: world.bureaus.fujian, status: 'suspended', licenceType: 'labour_service_cooperation' });
      expect((await act('fj-admin', suspended.id, 'suspend').expect(409)).body.currentStatus).toBe('suspended');
    });

    it('lets exactly one of two concurrent suspensions win', async () => {
      const agencyId = await newAgency();
      const licence = await insertLicence(t, { agencyId, bureauId: world.bureaus.fujian });
      const answers = await Promise.all([act('fj-admin', licence.id, 'suspend'), act('fz-admin', licence.id, 'suspend')]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM licence_events WHERE licence_id = $1`, [licence.id]);
      expect(n).toBe(1);
      await act('fj-admin', licence.id, 'reinstate', { reason: 'stale', version: 1 }).expect(409);
    });

    it('answers 404 to a Liaoning officer for a Fujian licence, and 403 to roles that may not act', async () => {
      const agencyId = await newAgency();
      const licence = await insertLicence(t, { agencyId, bureauId: world.bureaus.fujian });
      expectProblem((await t.http().get(`/api/licences/${licence.id}`).set('authorization', as['ln-admin']).expect(404)).body, 404);
      await act('ln-admin', licence.id, 'suspend').expect(404);
      await act('xm-admin', licence.id, 'suspend').expect(404);
      await act('fj-inspector', licence.id, 'suspend').expect(403);
      await act('ministry', licence.id, 'revoke').expect(403);
      await act('agency-fj-1', licence.id, 'surrender').expect(404);
      await act('fj-admin', licence.id, 'suspend', { reason: '' }).expect(400);
      await act('fj-admin', licence.id, 'suspend', { reason: 'late', until: '2020-01-01' }).expect(400);
    });

    it('lists licences with filters, scoped', async () => {
      const list = async (user: string, query = '') => (await t.http().get(`/api/licences?limit=200${query}`).set('authorization', as[user]).expect(200)).body.items as { jurisdictionCode: string; status: string; expiresOn: string }[];
      expect((await list('ln-admin')).every((l) => l.jurisdictionCode.startsWith('21'))).toBe(true);
      expect((await list('fj-admin', '&status=revoked')).every((l) => l.status === 'revoked')).toBe(true);
      expect((await list('ministry', '&expiringBefore=2026-12-31')).every((l) => l.expiresOn <= '2026-12-31')).toBe(true);
      expect((await list('agency-fj-1')).length).toBeGreaterThan(0);
      await t.http().get('/api/licences?expiringBefore=soon').set('authorization', as.ministry).expect(400);
    });
  });
});
