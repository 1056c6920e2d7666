import { EventsService } from '@app/events';
import { expectProblem, seedWorld, signInAll, testUscc, World } from './support/fixtures';
import { clientToken, registerClient } from './support/client-fixtures';
import { insertLicence } from './support/licence-fixtures';
import { decidedSuspension } from './support/sanction-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Monday 2 March 2026, 10:00 in Shanghai: a working day. */
const MONDAY = '2026-03-02T02:00:00.000Z';
const PRIVATE_FIELDS = ['contactName', 'contactPhone', 'contactEmail', 'legalRepresentative', 'address', 'riskScore', 'id', 'agencyId', 'reason', 'facts', 'decisionReasons', 'actorUsername', 'conditions', 'reserveFundAmount'];

interface FeedEvent {
  seq: number;
  type: string;
  occurredAt: string;
  subject: { agencyUscc: string; licenceNumber?: string; caseNumber?: string };
  data: Record<string, unknown>;
}

function keysDeep(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, keys));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      keys.add(key);
      keysDeep(child, keys);
    }
  }
  return keys;
}

describe('the events feed', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let reader: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_CLIENT_PER_MINUTE: '100000' } });
    t.clock.set(MONDAY);
    world = await seedWorld(t);
    as = await signInAll(t);
    reader = await clientToken(t, await registerClient(t, as.admin, 'events-reader'));
  });
  afterAll(() => t.close());

  const feed = async (after: number, limit = 1000, bearer = reader) => (await t.http().get(`/api/events?after=${after}&limit=${limit}`).set('authorization', bearer).expect(200)).body as { items: FeedEvent[]; nextAfter: number };
  const newest = async () => {
    let after = 0;
    for (;;) {
      const page = await feed(after);
      if (page.items.length === 0) return after;
      after = page.nextAfter;
    }
  };

  describe('who may read it', () => {
    it('refuses anonymous callers (401) and every person, whatever the role (403)', async () => {
      expectProblem((await t.http().get('/api/events').expect(401)).body, 401);
      for (const user of ['admin', 'ministry', 'fj-admin', 'fz-inspector', 'agency-fj-1']) {
        expectProblem((await t.http().get('/api/events').set('authorization', as[user]).expect(403)).body, 403);
      }
      await t.http().get('/api/events').set('authorization', 'Bearer not.a.token').expect(401);
    });

    it('stops a disabled client and a rotated secret’s tokens at once (401)', async () => {
      const client = await registerClient(t, as.admin, 'short-lived-reader');
      const bearer = await clientToken(t, client);
      await feed(0, 1, bearer);
      const rotated = await t.http().post(`/api/admin/api-clients/${client.id}/rotate-secret`).set('authorization', as.admin).send({ version: client.version }).expect(200);
      await t.http().get('/api/events').set('authorization', bearer).expect(401);
      const fresh = await clientToken(t, { id: client.id, secret: rotated.body.clientSecret });
      await feed(0, 1, fresh);
      await t.http().post(`/api/admin/api-clients/${client.id}/disable`).set('authorization', as.admin).send({ version: rotated.body.version }).expect(200);
      await t.http().get('/api/events').set('authorization', fresh).expect(401);
    });

    it('refuses bad paging (400 naming the field)', async () => {
      for (const [query, field] of [['after=-1', 'after'], ['after=x', 'after'], ['limit=0', 'limit'], ['limit=1001', 'limit']]) {
        const response = await t.http().get(`/api/events?${query}`).set('authorization', reader).expect(400);
        expect(response.body.errors[0].field).toBe(field);
      }
    });

    it('holds each client to its own rate limit, with Retry-After', async () => {
      const bearer = await clientToken(t, await registerClient(t, as.admin, 'greedy-reader', { rateLimitPerMinute: 5 }));
      let status = 200;
      let response;
      for (let i = 0; i < 6 && status === 200; i += 1) {
        response = await t.http().get('/api/events?limit=1').set('authorization', bearer);
        status = response.status;
      }
      expect(status).toBe(429);
      expectProblem(response?.body, 429);
      expect(Number(response?.headers['retry-after'])).toBeGreaterThan(0);
      // Another client is not held back by it.
      await feed(0, 1);
    });
  });

  describe('what it says', () => {
    it('tells of agencies registered and renamed, licences changing status and sanctions, with public fields only', async () => {
      const start = await newest();
      const uscc = testUscc('350100');
      const created = await t.http().post('/api/agencies').set('authorization', as['fj-admin']).send({ uscc, nameZh: '事件测试公司', legalRepresentative: '王某', address: '某路 1 号', jurisdictionCode: '350100', agencyType: 'overseas_placement', contactPhone: '0591-1234567' }).expect(201);
      await t.http().patch(`/api/agencies/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: created.body.version, nameEn: 'Events Test Co.' }).expect(200);
      const licence = await insertLicence(t, { agencyId: created.body.id, bureauId: world.bureaus.fujian });
      await t.http().post(`/api/licences/${licence.id}/suspend`).set('authorization', as['fj-admin']).send({ reason: 'fees charged', until: '2026-04-01' }).expect(200);
      await t.http().post(`/api/licences/${licence.id}/reinstate`).set('authorization', as['fj-admin']).send({ reason: 'refunded' }).expect(200);
      await t.http().post(`/api/licences/${licence.id}/revoke`).set('authorization', as['fj-admin']).send({ reason: 'again' }).expect(200);
      const surrendered = await insertLicence(t, { agencyId: created.body.id, bureauId: world.bureaus.fujian, licenceType: 'human_resources_service' });
      await t.http().post(`/api/licences/${surrendered.id}/surrender`).set('authorization', as['fj-admin']).send({ reason: 'closing down' }).expect(200);
      const expiring = await insertLicence(t, { agencyId: created.body.id, bureauId: world.bureaus.fujian, licenceType: 'labour_service_cooperation', validFrom: '2021-01-01', expiresOn: '2026-03-01' });

      const sanction = await decidedSuspension(t, world, as);
      await t.http().post(`/api/cases/${sanction.caseId}/appeal`).set('authorization', as['fj-admin']).send({ version: sanction.version, body: 'reconsideration', lodgedOn: '2026-03-02', outcome: 'annulled', decidedOn: '2026-03-02' }).expect(200);

      const { JobRunner } = await import('@app/scheduler');
      await t.app.get(JobRunner).runJob('licence-expiry');

      const events = (await feed(start)).items;
      const ofAgency = events.filter((e) => e.subject.agencyUscc === uscc).map((e) => [e.type, e.subject.licenceNumber ?? null]);
      expect(ofAgency).toEqual([
        ['agency.registered', null],
        ['agency.renamed', null],
        ['licence.suspended', licence.licenceNumber],
        ['licence.reinstated', licence.licenceNumber],
        ['licence.revoked', licence.licenceNumber],
        ['licence.surrendered', surrendered.licenceNumber],
        ['licence.expired', expiring.licenceNumber],
      ]);
      const ofSanction = events.filter((e) => e.subject.agencyUscc === sanction.uscc).map((e) => e.type);
      expect(ofSanction).toEqual(['agency.registered', 'licence.suspended', 'sanction.decided', 'licence.reinstated', 'sanction.annulled'].filter((type) => type !== 'agency.registered'));
      const decided = events.find((e) => e.type === 'sanction.decided');
      expect(decided).toMatchObject({ subject: { caseNumber: sanction.caseNumber }, data: { sanction: 'suspension', suspensionDays: 30, published: true, licenceNumbers: [expect.any(String)] } });
      expect(events.find((e) => e.type === 'sanction.annulled')?.data).toMatchObject({ published: false });
      expect(events.find((e) => e.type === 'licence.suspended' && e.subject.licenceNumber === licence.licenceNumber)?.data).toMatchObject({ status: 'suspended', suspendedUntil: '2026-04-01' });
      expect(events.find((e) => e.type === 'agency.renamed')?.data).toMatchObject({ nameEn: 'Events Test Co.', previousNameEn: null });

      const keys = keysDeep(events);
      expect(PRIVATE_FIELDS.filter((field) => keys.has(field))).toEqual([]);
      const seqs = events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      // Resuming after any of them gives exactly the rest.
      const middle = seqs[Math.floor(seqs.length / 2)];
      expect((await feed(middle)).items.map((e) => e.seq)).toEqual(seqs.filter((s) => s > middle));
    });

    it('writes nothing when the change is refused (same transaction)', async () => {
      const start = await newest();
      const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou, status: 'revoked' });
      await t.http().post(`/api/licences/${licence.id}/suspend`).set('authorization', as['fj-admin']).send({ reason: 'too late' }).expect(409);
      expect((await feed(start)).items).toEqual([]);
    });

    it('cannot be changed or emptied, even by the app', async () => {
      await expect(t.db.query(`UPDATE events SET type = 'forged'`)).rejects.toThrow();
      await expect(t.db.query(`DELETE FROM events`)).rejects.toThrow();
    });
  });

  describe('order under concurrent writes', () => {
    const events = () => t.app.get(EventsService);
    const append = (runner: { manager: import('typeorm').EntityManager }, name: string) =>
      events().append(runner.manager, { type: 'agency.renamed', occurredAt: new Date(), subject: { agencyUscc: name }, data: {} });

    it('numbers an event committed while an earlier-inserted one is still open, then the other after it: a reader resuming skips neither', async () => {
      const start = await newest();
      const early = t.db.createQueryRunner();
      const late = t.db.createQueryRunner();
      try {
        await early.startTransaction();
        await late.startTransaction();
        await append(early, 'EARLY');
        await append(late, 'LATE');
        await late.commitTransaction();
        // EARLY was inserted first (the smaller bigserial) but is not committed: the feed shows LATE alone.
        const first = await feed(start);
        expect(first.items.map((e) => e.subject.agencyUscc)).toEqual(['LATE']);
        await early.commitTransaction();
        const rest = await feed(first.nextAfter);
        expect(rest.items.map((e) => e.subject.agencyUscc)).toEqual(['EARLY']);
        expect(rest.items[0].seq).toBeGreaterThan(first.items[0].seq);
        // The insert order was the other way round.
        const ids = await t.db.query(`SELECT subject->>'agencyUscc' AS name FROM events WHERE subject->>'agencyUscc' IN ('EARLY', 'LATE') ORDER BY id`);
        expect(ids.map((r: { name: string }) => r.name)).toEqual(['EARLY', 'LATE']);
        // Read from the start again: both, once each, in seq order.
        expect((await feed(start)).items.map((e) => e.subject.agencyUscc)).toEqual(['LATE', 'EARLY']);
      } finally {
        await early.release();
        await late.release();
      }
    });

    it('never numbers an event whose transaction rolls back', async () => {
      const start = await newest();
      const runner = t.db.createQueryRunner();
      try {
        await runner.startTransaction();
        await append(runner, 'ROLLED-BACK');
        await runner.rollbackTransaction();
      } finally {
        await runner.release();
      }
      expect((await feed(start)).items).toEqual([]);
    });

    it('delivers every event exactly once, in increasing seq, to a reader resuming while 8 writers commit in random order', async () => {
      const started = Date.now();
      const start = await newest();
      const WRITERS = 8;
      const EACH = 25;
      let writing = true;
      const written: string[] = [];
      const writer = async (w: number) => {
        for (let i = 0; i < EACH; i += 1) {
          const name = `W${w}-${i}`;
          await t.db.transaction(async (manager) => {
            await events().append(manager, { type: 'agency.renamed', occurredAt: new Date(), subject: { agencyUscc: name }, data: {} });
            // Commit after a random pause, so insert order and commit order differ.
            await manager.query(`SELECT pg_sleep($1)`, [Math.random() * 0.02]);
          });
          written.push(name);
        }
      };
      const seen: FeedEvent[] = [];
      const read = async () => {
        let after = start;
        const until = Date.now() + 60_000;
        // After the writers are done, until all are seen (or a minute: then the assertions say what is missing).
        while ((writing || seen.length < WRITERS * EACH) && Date.now() < until) {
          const page = await feed(after, 7);
          seen.push(...page.items);
          after = page.nextAfter;
        }
      };
      const reading = read();
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      writing = false;
      await reading;
      const seqs = seen.map((e) => e.seq);
      for (let i = 1; i < seqs.length; i += 1) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
      expect(seen.map((e) => e.subject.agencyUscc).sort()).toEqual([...written].sort());
      expect(seen).toHaveLength(WRITERS * EACH);
      console.log(`events stress: ${WRITERS * EACH} events, ${Date.now() - started} ms`);
    }, 120_000);
  });
});
