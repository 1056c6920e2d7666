import { ComplaintsService } from '@app/complaints';
import { SettableClock } from '@app/core';
import { addShandong, complaintBody } from './support/complaint-fixtures';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Monday 23 November 2026, 10:00 in Shanghai. */
const MONDAY = '2026-11-23T02:00:00.000Z';

describe('complaints: intake, routing, handling, visibility', () => {
  let t: TestApp;
  let world: World;
  let auth: Record<string, string>;
  let fuzhouLicence: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: new SettableClock(MONDAY) });
    world = await seedWorld(t);
    auth = await signInAll(t);
    fuzhouLicence = (await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou })).licenceNumber;
  });
  afterAll(() => t.close());

  const usccOf = async (agencyId: string) => ((await t.db.query(`SELECT uscc FROM agencies WHERE id = $1`, [agencyId])) as { uscc: string }[])[0].uscc;

  const lodge = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.http().post('/api/public/complaints').set(headers).send(body);

  /** A complaint about the Fuzhou agency (handled by the Fuzhou bureau), with a named complainant. */
  async function fuzhouComplaint(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number; trackingCode: string; secret: string }> {
    const receipt = await lodge(
      complaintBody({ licenceNumber: fuzhouLicence, agencyName: undefined, complainantName: '李四', complainantContact: '13800000000', ...overrides }),
    ).expect(201);
    const [row] = (await t.db.query(`SELECT id, version FROM complaints WHERE tracking_code = $1`, [receipt.body.trackingCode])) as { id: string; version: number }[];
    return { ...row, ...(receipt.body as { trackingCode: string; secret: string }) };
  }

  describe('public intake', () => {
    it('answers with a tracking code and a secret, and shows status and public notes only with that secret', async () => {
      const complaint = await fuzhouComplaint({ description: 'They kept my passport and charged a fee of 8000 yuan.' });
      expect(complaint.trackingCode).toMatch(/^CP-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
      expect(complaint.secret.length).toBeGreaterThanOrEqual(24);
      const [stored] = (await t.db.query(`SELECT secret_hash FROM complaints WHERE id = $1`, [complaint.id])) as { secret_hash: string }[];
      expect(stored.secret_hash).not.toContain(complaint.secret);

      await t
        .http()
        .post(`/api/complaints/${complaint.id}/transition`)
        .set('authorization', auth['fz-admin'])
        .send({ to: 'triaged', note: 'internal: call the agency', publicNote: 'Your complaint was accepted.', version: complaint.version })
        .expect(200);

      const followed = await t.http().get(`/api/public/complaints/${complaint.trackingCode}`).set('x-complaint-secret', complaint.secret).expect(200);
      const [deadlines] = (await t.db.query(`SELECT ack_due_at, resolve_due_at, severity FROM complaints WHERE id = $1`, [complaint.id])) as {
        ack_due_at: Date;
        resolve_due_at: Date;
        severity: string;
      }[];
      expect(followed.body).toEqual({
        trackingCode: complaint.trackingCode,
        status: 'triaged',
        receivedAt: MONDAY,
        ackDueAt: deadlines.ack_due_at.toISOString(),
        resolveDueAt: deadlines.resolve_due_at.toISOString(),
        urgent: deadlines.severity === 'urgent',
        notes: [{ at: MONDAY, note: 'Your complaint was accepted.' }],
      });
      expect(JSON.stringify(followed.body)).not.toContain('internal');
      expect(followed.headers['cache-control']).toBe('no-store');
    });

    it('refuses a wrong secret exactly like an unknown code, and asks for a missing one', async () => {
      const complaint = await fuzhouComplaint({ description: 'Wrong secret test: fees charged twice.' });
      const wrong = await t.http().get(`/api/public/complaints/${complaint.trackingCode}`).set('x-complaint-secret', 'not-the-secret').expect(404);
      expectProblem(wrong.body, 404);
      const unknown = await t.http().get('/api/public/complaints/CP-AAAAA-AAAAA').set('x-complaint-secret', complaint.secret).expect(404);
      expect(unknown.body.title).toBe(wrong.body.title);
      const missing = await t.http().get(`/api/public/complaints/${complaint.trackingCode}`).expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'X-Complaint-Pin' })]);
    });

    it('puts the acknowledgement deadline on the receipt: 24 hours when urgent, 5 working days otherwise', async () => {
      const urgent = await lodge(complaintBody({ categories: ['document_retention'], description: 'Receipt check: they kept my passport.' })).expect(201);
      expect(urgent.body).toEqual({
        trackingCode: expect.stringMatching(/^CP-/),
        pin: expect.stringMatching(/^\d{6}$/),
        secret: expect.any(String),
        receivedAt: MONDAY,
        ackDueAt: '2026-11-24T02:00:00.000Z',
        resolveDueAt: expect.any(String),
        urgent: true,
      });
      const ordinary = await lodge(complaintBody({ categories: ['no_written_contract'], description: 'Receipt check: no written contract.' })).expect(201);
      expect(ordinary.body).toMatchObject({ urgent: false, receivedAt: MONDAY });
      const [stored] = (await t.db.query(`SELECT ack_due_at FROM complaints WHERE tracking_code = $1`, [ordinary.body.trackingCode])) as { ack_due_at: Date }[];
      expect(ordinary.body.ackDueAt).toBe(stored.ack_due_at.toISOString());
      expect(new Date(ordinary.body.ackDueAt).getTime()).toBeGreaterThan(new Date(MONDAY).getTime() + 5 * 86_400_000);
    });

    it('treats the same submission twice within a minute as one complaint, and a later one as new', async () => {
      const body = complaintBody({ description: 'Duplicate check: the agency took a deposit.' });
      const first = await lodge(body).expect(201);
      const again = await lodge(body).expect(201);
      expect(again.body).toEqual(first.body);
      t.clock.advance(61_000);
      const later = await lodge(body).expect(201);
      expect(later.body.trackingCode).not.toBe(first.body.trackingCode);

      const keyed = await lodge(complaintBody({ description: 'Keyed submission number one.' }), { 'idempotency-key': 'retry-key-0001' }).expect(201);
      const retried = await lodge(complaintBody({ description: 'Keyed submission number one, edited.' }), { 'idempotency-key': 'retry-key-0001' }).expect(201);
      expect(retried.body).toEqual(keyed.body);
      const [{ count }] = (await t.db.query(`SELECT count(*)::int AS count FROM complaints WHERE description LIKE 'Duplicate check%'`)) as { count: number }[];
      expect(count).toBe(2);

      // Two identical submissions at the same moment still make one complaint.
      const racing = complaintBody({ description: 'Racing duplicates: passport kept.' });
      const [one, two] = await Promise.all([lodge(racing).expect(201), lodge(racing).expect(201)]);
      expect(two.body).toEqual(one.body);
      const [{ raced }] = (await t.db.query(`SELECT count(*)::int AS raced FROM complaints WHERE description LIKE 'Racing duplicates%'`)) as { raced: number }[];
      expect(raced).toBe(1);
      t.clock.set(MONDAY);
    });

    it('lists the complaint categories publicly', async () => {
      const categories = await t.http().get('/api/public/complaint-categories').expect(200);
      expect(categories.body).toHaveLength(18);
      expect(categories.body).toContainEqual(expect.objectContaining({ code: 'document_retention', severityFloor: 'urgent', forcedLabourIndicator: true }));
    });

    it('refuses bad input field by field, with bounded sizes', async () => {
      const response = await lodge({
        categories: ['no_such_category'],
        description: 'x'.repeat(5001),
        licenceNumber: '12-34',
        destinationCountry: 'Singapore',
        amountClaimed: -5,
        unexpected: true,
      }).expect(400);
      const fields = (response.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(expect.arrayContaining(['amountClaimed', 'description', 'destinationCountry', 'licenceNumber', 'unexpected']));

      const unknownCategory = await lodge(complaintBody({ categories: ['no_such_category'] })).expect(400);
      expect(unknownCategory.body.errors).toEqual([{ field: 'categories', message: 'unknown categories: no_such_category' }]);

      const nowhere = await lodge(complaintBody({ jurisdictionCode: undefined })).expect(400);
      expect(nowhere.body.errors).toEqual([expect.objectContaining({ field: 'jurisdictionCode' })]);
      const unknownPlace = await lodge(complaintBody({ jurisdictionCode: '999900' })).expect(400);
      expect(unknownPlace.body.errors).toEqual([expect.objectContaining({ field: 'jurisdictionCode' })]);
      const noAgency = await lodge(complaintBody({ agencyName: undefined })).expect(400);
      expect(noAgency.body.errors).toEqual([expect.objectContaining({ field: 'agencyName' })]);
    });
  });

  describe('routing, severity and deadlines', () => {
    it('routes to the bureau of the agency\'s city; a document-retention complaint is urgent (24 hours, 15 working days)', async () => {
      const complaint = await fuzhouComplaint({ categories: ['document_retention'], description: 'The agency keeps my passport.' });
      const view = await t.http().get(`/api/complaints/${complaint.id}`).set('authorization', auth['fz-admin']).expect(200);
      expect(view.body).toMatchObject({
        agencyId: world.agencies.fuzhou,
        jurisdictionCode: '350100',
        assignedBureauId: world.bureaus.fuzhou,
        severity: 'urgent',
        status: 'received',
        channel: 'web',
        ackDueAt: '2026-11-24T02:00:00.000Z',
        // 15 working days after Monday 23 November: Monday 14 December, end of day in Shanghai.
        resolveDueAt: '2026-12-14T15:59:59.999Z',
      });
      expect(view.body.history).toEqual([expect.objectContaining({ kind: 'received', toStatus: 'received', actorUsername: 'public' })]);
    });

    it('takes the highest severity floor when no forced-labour indicator is named, with 5 and 60 working days', async () => {
      const complaint = await fuzhouComplaint({ categories: ['no_pre_departure_training', 'irregular_deployment'], description: 'No training and a tourist visa.' });
      const view = await t.http().get(`/api/complaints/${complaint.id}`).set('authorization', auth['fz-admin']).expect(200);
      expect(view.body.severity).toBe('high');
      expect(view.body.ackDueAt).toBe('2026-11-30T15:59:59.999Z');
      // 60 working days: 12 weeks after Monday 23 November.
      expect(view.body.resolveDueAt).toBe('2027-02-15T15:59:59.999Z');
    });

    it('names an agency by USCC; an unknown agency goes to the bureau of the place given (city, else province)', async () => {
      const [{ uscc }] = (await t.db.query(`SELECT uscc FROM agencies WHERE id = $1`, [world.agencies.shenyang])) as { uscc: string }[];
      const cases = [
        { body: complaintBody({ uscc, agencyName: undefined, jurisdictionCode: undefined }), bureau: world.bureaus.liaoning, code: '210100', agency: world.agencies.shenyang },
        { body: complaintBody({ agencyName: 'Unlicensed broker', jurisdictionCode: '350200' }), bureau: world.bureaus.xiamen, code: '350200', agency: null },
        { body: complaintBody({ agencyName: 'Unlicensed broker', jurisdictionCode: '350500' }), bureau: world.bureaus.fujian, code: '350500', agency: null },
        { body: complaintBody({ licenceNumber: '350100-2020-999999', agencyName: undefined, jurisdictionCode: '210000' }), bureau: world.bureaus.liaoning, code: '210000', agency: null },
      ];
      for (const [i, c] of cases.entries()) {
        const receipt = await lodge({ ...c.body, description: `Routing case number ${i}.` }).expect(201);
        const [row] = (await t.db.query(`SELECT assigned_bureau_id, jurisdiction_code, agency_id FROM complaints WHERE tracking_code = $1`, [
          receipt.body.trackingCode,
        ])) as { assigned_bureau_id: string; jurisdiction_code: string; agency_id: string | null }[];
        expect(row).toEqual({ assigned_bureau_id: c.bureau, jurisdiction_code: c.code, agency_id: c.agency });
      }
    });

    it('lets officials record hotline, walk-in, letter and referral complaints; not agency users or the system admin', async () => {
      const created = await t
        .http()
        .post('/api/complaints')
        .set('authorization', auth['fj-inspector'])
        .send({ ...complaintBody({ licenceNumber: fuzhouLicence, agencyName: undefined }), channel: 'hotline', complainantName: '王五' })
        .expect(201);
      expect(created.body).toMatchObject({ channel: 'hotline', assignedBureauId: world.bureaus.fuzhou, complainantName: '王五', severity: 'medium' });
      // The official passes the tracking code and secret on, so the caller can follow the case.
      await t.http().get(`/api/public/complaints/${created.body.trackingCode}`).set('x-complaint-secret', created.body.secret).expect(200);
      await t.http().post('/api/complaints').set('authorization', auth['agency-fj-1']).send({ ...complaintBody(), channel: 'hotline' }).expect(403);
      await t.http().post('/api/complaints').set('authorization', auth.admin).send({ ...complaintBody(), channel: 'hotline' }).expect(403);
      const web = await t.http().post('/api/complaints').set('authorization', auth['fj-inspector']).send({ ...complaintBody(), channel: 'web' }).expect(400);
      expect(web.body.errors).toEqual([expect.objectContaining({ field: 'channel' })]);
      const future = await t
        .http()
        .post('/api/complaints')
        .set('authorization', auth['fj-inspector'])
        .send({ ...complaintBody(), channel: 'letter', receivedAt: '2030-01-01T00:00:00Z' })
        .expect(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'receivedAt' })]);
    });
  });

  describe('transitions', () => {
    const STATUSES = ['received', 'triaged', 'investigating', 'resolved', 'referred', 'dismissed', 'closed', 'reopened'];
    const ALLOWED: Record<string, string[]> = {
      received: ['triaged'],
      triaged: ['investigating', 'referred', 'dismissed'],
      investigating: ['resolved', 'referred', 'dismissed'],
      resolved: ['closed', 'reopened'],
      referred: ['closed', 'reopened'],
      dismissed: ['closed', 'reopened'],
      closed: ['reopened'],
      reopened: ['investigating'],
    };
    /** Paths that together take every allowed edge once. */
    const PATHS = [
      ['triaged', 'investigating', 'resolved', 'closed', 'reopened', 'investigating', 'referred', 'reopened'],
      ['triaged', 'referred', 'closed'],
      ['triaged', 'dismissed', 'reopened', 'investigating', 'dismissed', 'closed'],
      ['triaged', 'investigating', 'resolved', 'reopened'],
    ];

    it('follows every allowed edge and refuses every other move with a 409 naming the current status', async () => {
      const taken = new Set<string>();
      for (const path of PATHS) {
        const complaint = await fuzhouComplaint({ description: `Transition path ${path.join(' ')}.` });
        let status = 'received';
        let version = complaint.version;
        for (const to of path) {
          for (const illegal of STATUSES.filter((s) => !ALLOWED[status].includes(s))) {
            const refused = await t
              .http()
              .post(`/api/complaints/${complaint.id}/transition`)
              .set('authorization', auth['fz-inspector'])
              .send({ to: illegal, note: 'try', outcome: illegal === 'resolved' ? 'substantiated' : undefined, version })
              .expect(409);
            expect(refused.body).toMatchObject({ status: 409, currentStatus: status });
            expect(refused.body.detail).toContain(status);
          }
          const moved = await t
            .http()
            .post(`/api/complaints/${complaint.id}/transition`)
            .set('authorization', auth['fz-inspector'])
            .send({ to, note: `to ${to}`, outcome: to === 'resolved' ? 'substantiated' : undefined, version })
            .expect(200);
          taken.add(`${status}>${to}`);
          expect(moved.body.status).toBe(to);
          expect(moved.body.version).toBe(version + 1);
          status = to;
          version = moved.body.version;
        }
      }
      const allEdges = Object.entries(ALLOWED).flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`));
      expect([...taken].sort()).toEqual(allEdges.sort());
    });

    it('requires an outcome to resolve, sets and clears it, and records acknowledgement and disposal', async () => {
      const complaint = await fuzhouComplaint({ description: 'Outcome rules complaint.' });
      const move = (body: Record<string, unknown>) =>
        t.http().post(`/api/complaints/${complaint.id}/transition`).set('authorization', auth['fz-inspector']).send({ note: 'n', ...body });
      const triaged = await move({ to: 'triaged', version: 1 }).expect(200);
      expect(triaged.body.acknowledgedAt).toBe(MONDAY);
      const early = await move({ to: 'investigating', outcome: 'substantiated', version: 2 }).expect(400);
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
      await move({ to: 'investigating', version: 2 }).expect(200);
      const noOutcome = await move({ to: 'resolved', version: 3 }).expect(400);
      expect(noOutcome.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
      const badOutcome = await move({ to: 'resolved', outcome: 'maybe', version: 3 }).expect(400);
      expect(badOutcome.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
      const resolved = await move({ to: 'resolved', outcome: 'partly_substantiated', version: 3 }).expect(200);
      expect(resolved.body).toMatchObject({ outcome: 'partly_substantiated', resolvedAt: MONDAY, slaBreached: false });
      const reopened = await move({ to: 'reopened', version: 4 }).expect(200);
      expect(reopened.body).toMatchObject({ outcome: null, resolvedAt: null });
      expect(reopened.body.history.map((e: { kind: string; toStatus: string }) => e.toStatus)).toEqual([
        'received',
        'triaged',
        'investigating',
        'resolved',
        'reopened',
      ]);
    });

    it('feeds a substantiated complaint into its agency\'s risk score at once', async () => {
      const complaint = await t
        .http()
        .post('/api/complaints')
        .set('authorization', auth['ln-admin'])
        .send({ ...complaintBody({ jurisdictionCode: undefined, agencyName: undefined, categories: ['debt_bondage'] }), uscc: await usccOf(world.agencies.shenyang), channel: 'walk_in' })
        .expect(201);
      let version = complaint.body.version as number;
      for (const to of ['triaged', 'investigating', 'resolved']) {
        const moved = await t
          .http()
          .post(`/api/complaints/${complaint.body.id}/transition`)
          .set('authorization', auth['ln-admin'])
          .send({ to, note: to, outcome: to === 'resolved' ? 'substantiated' : undefined, version })
          .expect(200);
        version = moved.body.version as number;
      }
      const [agency] = (await t.db.query(`SELECT risk_factors FROM agencies WHERE id = $1`, [world.agencies.shenyang])) as { risk_factors: { factor: string; points: number }[] }[];
      // A fresh substantiated urgent complaint: weight 5, 3 points per unit.
      expect(agency.risk_factors).toContainEqual(expect.objectContaining({ factor: 'complaints', points: 15 }));
      const weights = await t.app.get(ComplaintsService).substantiatedComplaintWeights([world.agencies.shenyang, world.agencies.xiamen], new Date('2027-05-23T02:00:00.000Z'));
      // Six months on, half the weight; agencies without substantiated complaints are absent.
      expect(weights.get(world.agencies.shenyang)?.weight).toBeCloseTo(2.5, 1);
      expect(weights.has(world.agencies.xiamen)).toBe(false);
    });

    it('refuses a stale version with a 409, the wrong role with a 403, another jurisdiction with a 404', async () => {
      const complaint = await fuzhouComplaint({ description: 'Concurrency complaint.' });
      await t.http().post(`/api/complaints/${complaint.id}/transition`).set('authorization', auth['fz-admin']).send({ to: 'triaged', note: 'a', version: 1 }).expect(200);
      const stale = await t
        .http()
        .post(`/api/complaints/${complaint.id}/transition`)
        .set('authorization', auth['fj-inspector'])
        .send({ to: 'investigating', note: 'b', version: 1 })
        .expect(409);
      expect(stale.body.type).toMatch(/stale-version/);
      await t.http().post(`/api/complaints/${complaint.id}/transition`).set('authorization', auth.ministry).send({ to: 'investigating', note: 'c', version: 2 }).expect(403);
      await t.http().post(`/api/complaints/${complaint.id}/transition`).set('authorization', auth['agency-fj-1']).send({ to: 'investigating', note: 'c', version: 2 }).expect(403);
      await t.http().post(`/api/complaints/${complaint.id}/transition`).set('authorization', auth['xm-admin']).send({ to: 'investigating', note: 'c', version: 2 }).expect(404);
      await t.http().post(`/api/complaints/${complaint.id}/transition`).set('authorization', auth['ln-admin']).send({ to: 'investigating', note: 'c', version: 2 }).expect(404);
      const bad = await t.http().post(`/api/complaints/${complaint.id}/transition`).set('authorization', auth['fz-admin']).send({ to: 'done', version: 'x' }).expect(400);
      expect([...new Set((bad.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual(['note', 'to', 'version']);
    });

    it('marks a late acknowledgement as an SLA breach and extends the resolution deadline once, with a reason', async () => {
      const complaint = await fuzhouComplaint({ description: 'Late handling complaint.' });
      t.clock.set('2026-12-08T02:00:00.000Z');
      try {
        const late = await t.http().post(`/api/complaints/${complaint.id}/transition`).set('authorization', auth['fz-admin']).send({ to: 'triaged', note: 'late', version: 1 }).expect(200);
        expect(late.body.slaBreached).toBe(true);
        const extended = await t
          .http()
          .post(`/api/complaints/${complaint.id}/extend`)
          .set('authorization', auth['fz-admin'])
          .send({ reason: 'Witnesses are abroad', version: 2 })
          .expect(200);
        // 60 working days → 15 February 2027; plus 30 working days → 29 March 2027.
        expect(extended.body.resolveDueAt).toBe('2027-03-29T15:59:59.999Z');
        const twice = await t.http().post(`/api/complaints/${complaint.id}/extend`).set('authorization', auth['fz-admin']).send({ reason: 'Once more please', version: 3 }).expect(409);
        expect(twice.body.type).toMatch(/already-extended/);
        await t.http().post(`/api/complaints/${complaint.id}/extend`).set('authorization', auth['fz-inspector']).send({ reason: 'Inspector try', version: 3 }).expect(403);
      } finally {
        t.clock.set(MONDAY);
      }
    });
  });

  describe('assignment', () => {
    it('lets a bureau admin assign within its jurisdiction to an officer of a bureau covering the complaint', async () => {
      const complaint = await fuzhouComplaint({ description: 'Assignment complaint.' });
      const assigned = await t
        .http()
        .post(`/api/complaints/${complaint.id}/assign`)
        .set('authorization', auth['fz-admin'])
        .send({ assigneeId: world.users['fz-inspector'], version: 1 })
        .expect(200);
      expect(assigned.body).toMatchObject({ assignedBureauId: world.bureaus.fuzhou, assigneeId: world.users['fz-inspector'], version: 2 });
      const listed = await t.http().get('/api/complaints').query({ assigneeId: world.users['fz-inspector'] }).set('authorization', auth['fz-inspector']).expect(200);
      expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([complaint.id]);

      const toProvince = await t
        .http()
        .post(`/api/complaints/${complaint.id}/assign`)
        .set('authorization', auth['fj-admin'])
        .send({ bureauId: world.bureaus.fujian, assigneeId: world.users['fj-inspector'], version: 2 })
        .expect(200);
      expect(toProvince.body).toMatchObject({ assignedBureauId: world.bureaus.fujian, assigneeId: world.users['fj-inspector'] });

      // Xiamen's bureau does not cover a Fuzhou complaint.
      const wrongOfficer = await t
        .http()
        .post(`/api/complaints/${complaint.id}/assign`)
        .set('authorization', auth['fj-admin'])
        .send({ assigneeId: world.users['xm-admin'], version: 3 })
        .expect(400);
      expect(wrongOfficer.body.errors).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
      const outside = await t
        .http()
        .post(`/api/complaints/${complaint.id}/assign`)
        .set('authorization', auth['fj-admin'])
        .send({ bureauId: world.bureaus.xiamen, version: 3 })
        .expect(400);
      expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'bureauId' })]);
      const nothing = await t.http().post(`/api/complaints/${complaint.id}/assign`).set('authorization', auth['fj-admin']).send({ version: 3 }).expect(400);
      expect(nothing.body.errors).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
      const again = { assigneeId: world.users['fj-admin'] };
      await t.http().post(`/api/complaints/${complaint.id}/assign`).set('authorization', auth['fz-inspector']).send({ ...again, version: 3 }).expect(403);
      await t.http().post(`/api/complaints/${complaint.id}/assign`).set('authorization', auth['ln-admin']).send({ ...again, version: 3 }).expect(404);
      await t.http().post(`/api/complaints/${complaint.id}/assign`).set('authorization', auth['fj-admin']).send({ ...again, version: 2 }).expect(409);
      const done = await t.http().post(`/api/complaints/${complaint.id}/assign`).set('authorization', auth['fj-admin']).send({ ...again, version: 3 }).expect(200);
      expect(done.body.history.filter((e: { kind: string }) => e.kind === 'assigned')).toHaveLength(3);
    });
  });

  describe('inspections', () => {
    it('links a complaint to an inspection of its agency in scope, and refuses others field by field', async () => {
      const inspection = async (agencyId: string) =>
        (
          (await t.db.query(
            `INSERT INTO inspections (agency_id, jurisdiction_code, type, status, inspection_date, template_id, bureau_id)
             SELECT a.id, a.jurisdiction_code, 'complaint', 'planned', '2026-11-30', (SELECT id FROM checklist_templates WHERE code = 'ILO-INSPECTION'), $2
               FROM agencies a WHERE a.id = $1 RETURNING id`,
            [agencyId, world.bureaus.fuzhou],
          )) as { id: string }[]
        )[0].id;
      const complaint = await fuzhouComplaint({ description: 'Complaint followed by an inspection.' });
      const ofFuzhou = await inspection(world.agencies.fuzhou);
      const ofXiamen = await inspection(world.agencies.xiamen);
      const link = (user: string, inspectionId: string, version: number) =>
        t.http().post(`/api/complaints/${complaint.id}/inspection`).set('authorization', auth[user]).send({ inspectionId, version });

      const wrongAgency = await link('fj-inspector', ofXiamen, 1).expect(400);
      expect(wrongAgency.body.errors).toEqual([expect.objectContaining({ field: 'inspectionId' })]);
      const unknown = await link('fj-inspector', '00000000-0000-4000-8000-000000000000', 1).expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'inspectionId' })]);
      await link('agency-fj-1', ofFuzhou, 1).expect(403);
      await link('ln-admin', ofFuzhou, 1).expect(404);
      const linked = await link('fz-inspector', ofFuzhou, 1).expect(200);
      expect(linked.body).toMatchObject({ inspectionId: ofFuzhou, version: 2 });
      expect(linked.body.history.at(-1)).toMatchObject({ kind: 'inspection_linked' });
      await link('fz-inspector', ofFuzhou, 1).expect(409);

      const planned = await t
        .http()
        .post(`/api/complaints/${complaint.id}/inspection`)
        .set('authorization', auth['fz-inspector'])
        .send({ planOn: '2026-12-01', version: 2 })
        .expect(200);
      const [row] = (await t.db.query(`SELECT type, status, complaint_id, agency_id FROM inspections WHERE id = $1`, [planned.body.inspectionId])) as Record<string, string>[];
      expect(row).toEqual({ type: 'complaint', status: 'planned', complaint_id: complaint.id, agency_id: world.agencies.fuzhou });
      const both = await t
        .http()
        .post(`/api/complaints/${complaint.id}/inspection`)
        .set('authorization', auth['fz-inspector'])
        .send({ planOn: '2026-12-01', inspectionId: ofFuzhou, version: 3 })
        .expect(400);
      expect(both.body.errors).toEqual([expect.objectContaining({ field: 'inspectionId' })]);
      const unregistered = await lodge(complaintBody({ description: 'Unregistered agency, nothing to inspect.' })).expect(201);
      const [other] = (await t.db.query(`SELECT id FROM complaints WHERE tracking_code = $1`, [unregistered.body.trackingCode])) as { id: string }[];
      const nothing = await t.http().post(`/api/complaints/${other.id}/inspection`).set('authorization', auth['fz-inspector']).send({ planOn: '2026-12-01', version: 1 }).expect(400);
      expect(nothing.body.errors).toEqual([expect.objectContaining({ field: 'planOn' })]);
    });
  });

  describe('who sees what', () => {
    let complaint: { id: string; version: number };

    beforeAll(async () => {
      complaint = await fuzhouComplaint({ description: 'Visibility complaint: fees charged.', categories: ['recruitment_fee'] });
    });

    it('shows the complainant to the handling bureau, the bureaus above it and the ministry', async () => {
      for (const user of ['fz-admin', 'fz-inspector', 'fj-admin', 'ministry']) {
        const view = await t.http().get(`/api/complaints/${complaint.id}`).set('authorization', auth[user]).expect(200);
        expect(view.body).toMatchObject({ complainantName: '李四', complainantContact: '13800000000', complainantVisible: true });
      }
    });

    it('shows an agency user the complaint about its agency without name or contact, and lets it answer', async () => {
      await t
        .http()
        .post(`/api/complaints/${complaint.id}/transition`)
        .set('authorization', auth['fz-inspector'])
        .send({ to: 'triaged', note: 'internal: 李四 called again', publicNote: 'Accepted for investigation', version: complaint.version })
        .expect(200);
      const view = await t.http().get(`/api/complaints/${complaint.id}`).set('authorization', auth['agency-fj-1']).expect(200);
      expect(view.body).toMatchObject({ id: complaint.id, complainantName: null, complainantContact: null, complainantVisible: false });
      // Status changes and public notes, but not the officials' internal notes or names.
      expect(view.body.history.at(-1)).toMatchObject({ kind: 'transition', toStatus: 'triaged', note: null, publicNote: 'Accepted for investigation', actorUsername: 'official' });
      expect(JSON.stringify(view.body)).not.toContain('李四');
      expect(JSON.stringify(view.body)).not.toContain('13800000000');

      const list = await t.http().get('/api/complaints').set('authorization', auth['agency-fj-1']).expect(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((c: { agencyId: string }) => c.agencyId === world.agencies.fuzhou)).toBe(true);
      expect(JSON.stringify(list.body)).not.toContain('李四');

      const profile = await t.http().get(`/api/agencies/${world.agencies.fuzhou}/profile`).set('authorization', auth['agency-fj-1']).expect(200);
      expect(profile.body.complaints.some((c: { id: string }) => c.id === complaint.id)).toBe(true);
      expect(JSON.stringify(profile.body.complaints)).not.toContain('李四');

      const answered = await t
        .http()
        .post(`/api/complaints/${complaint.id}/answer`)
        .set('authorization', auth['agency-fj-1'])
        .send({ answer: 'The fee was refunded on 20 November.' })
        .expect(200);
      expect(answered.body.history.at(-1)).toMatchObject({ kind: 'agency_answer', note: 'The fee was refunded on 20 November.' });
      await t.http().post(`/api/complaints/${complaint.id}/answer`).set('authorization', auth['fz-admin']).send({ answer: 'x' }).expect(403);
      const [{ count }] = (await t.db.query(`SELECT count(*)::int AS count FROM audit_events WHERE action = 'complaint.agency_answer' AND entity_id = $1`, [
        complaint.id,
      ])) as { count: number }[];
      expect(count).toBe(1);
    });

    it('hides complaints about other agencies from an agency user (404)', async () => {
      const other = await lodge(complaintBody({ description: 'About the Xiamen agency.', agencyName: 'Xiamen', jurisdictionCode: '350200' })).expect(201);
      const [row] = (await t.db.query(`SELECT id FROM complaints WHERE tracking_code = $1`, [other.body.trackingCode])) as { id: string }[];
      await t.http().get(`/api/complaints/${row.id}`).set('authorization', auth['agency-fj-1']).expect(404);
      await t.http().post(`/api/complaints/${row.id}/answer`).set('authorization', auth['agency-fj-1']).send({ answer: 'Not ours' }).expect(404);
    });

    it('keeps the complainant from a bureau in scope that does not handle the complaint', async () => {
      // Assigned to the Fujian province bureau: the Fuzhou city bureau still sees the case, not who complained.
      const handled = await fuzhouComplaint({ description: 'Province-handled complaint.' });
      await t.http().post(`/api/complaints/${handled.id}/assign`).set('authorization', auth['fj-admin']).send({ bureauId: world.bureaus.fujian, version: 1 }).expect(200);
      const city = await t.http().get(`/api/complaints/${handled.id}`).set('authorization', auth['fz-admin']).expect(200);
      expect(city.body).toMatchObject({ complainantName: null, complainantVisible: false });
      const province = await t.http().get(`/api/complaints/${handled.id}`).set('authorization', auth['fj-inspector']).expect(200);
      expect(province.body).toMatchObject({ complainantName: '李四', complainantVisible: true });
    });

    it('shows a Shandong inspector nothing of a Fujian complaint (404) and no system admin any case', async () => {
      const shandong = await addShandong(t);
      await t.http().get(`/api/complaints/${complaint.id}`).set('authorization', shandong.inspector).expect(404);
      const list = await t.http().get('/api/complaints').set('authorization', shandong.inspector).expect(200);
      expect(list.body.items).toEqual([]);
      await t.http().post(`/api/complaints/${complaint.id}/transition`).set('authorization', shandong.inspector).send({ to: 'triaged', note: 'x', version: 1 }).expect(404);
      await t.http().get(`/api/complaints/${complaint.id}`).set('authorization', auth.admin).expect(403);
      await t.http().get('/api/complaints/not-a-uuid').set('authorization', auth.ministry).expect(400);
    });
  });

  describe('lists', () => {
    it('filters by status, category, agency, severity, overdue and dates, and pages with a cursor', async () => {
      const ministry = (query: Record<string, string | number>) => t.http().get('/api/complaints').query(query).set('authorization', auth.ministry).expect(200);
      const urgent = await ministry({ severity: 'urgent', limit: 200 });
      expect(urgent.body.items.length).toBeGreaterThan(0);
      expect(urgent.body.items.every((c: { severity: string }) => c.severity === 'urgent')).toBe(true);
      const fees = await ministry({ category: 'recruitment_fee', limit: 200 });
      expect(fees.body.items.every((c: { categories: string[] }) => c.categories.includes('recruitment_fee'))).toBe(true);
      const byAgency = await ministry({ agencyId: world.agencies.shenyang, limit: 200 });
      expect(byAgency.body.items.every((c: { agencyId: string }) => c.agencyId === world.agencies.shenyang)).toBe(true);
      const received = await ministry({ status: 'received', from: '2026-11-23', to: '2026-11-23', limit: 200 });
      expect(received.body.items.every((c: { status: string }) => c.status === 'received')).toBe(true);
      expect(JSON.stringify(received.body)).not.toContain('李四');

      t.clock.set('2027-06-01T02:00:00.000Z');
      try {
        const overdue = await ministry({ overdue: 'true', limit: 200 });
        expect(overdue.body.items.length).toBeGreaterThan(0);
        expect(overdue.body.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
      } finally {
        t.clock.set(MONDAY);
      }

      const [{ total }] = (await t.db.query(`SELECT count(*)::int AS total FROM complaints`)) as { total: number }[];
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const page = await ministry(cursor ? { limit: 7, cursor } : { limit: 7 });
        page.body.items.forEach((c: { id: string }) => seen.add(c.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.size).toBe(total);
      const bad = await t.http().get('/api/complaints').query({ severity: 'huge', overdue: 'perhaps' }).set('authorization', auth.ministry).expect(400);
      expect([...new Set((bad.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual(['overdue', 'severity']);
    });
  });
});
