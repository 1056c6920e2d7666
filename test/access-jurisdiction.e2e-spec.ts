import { RoutePolicies, RouteWithPolicy } from '@app/access';
import { NotificationsService } from '@app/notifications';
import { complaintBody } from './support/complaint-fixtures';
import { expectProblem, login, seedWorld, signInAll, USERS, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { placementBody, residentId } from './support/placement-fixtures';
import { insertUser, inspect, seededTemplateId } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Every caller the matrix tries: the fixture users, plus an agency user of another agency (Xiamen). */
const CALLERS: Record<string, string> = { ...Object.fromEntries(Object.entries(USERS).map(([name, [role]]) => [name, role])), 'agency-xm-1': 'agency_user' };

/** Readers of a record of the Fuzhou agency in Fuzhou (350100): the ministry, Fujian and Fuzhou officers, and the agency itself. */
const FUZHOU_AGENCY_READERS = ['ministry', 'fj-admin', 'fj-inspector', 'fz-admin', 'fz-inspector', 'agency-fj-1'];

interface Fixture {
  /** The path of one real record. */
  path: string;
  /** The missing-record twin of `path` (a non-existent id), answered exactly like an out-of-scope record. */
  missing?: string;
  /** Callers that must read it (200); every other caller whose role the route allows gets 404, the rest 403. */
  inScope: string[] | 'everyone';
  headers?: Record<string, string>;
}

/**
 * The jurisdiction half of the access matrix. One real record of every kind a single-record GET
 * route returns, in Fuzhou (350100): every caller in scope reads it (200), every caller out of
 * scope gets the 404 a non-existent id gets, a role the route does not allow 403, anonymous 401.
 * The routes come from the application's own route table: a new single-record GET route without
 * a fixture here fails the test. List routes: a Fuzhou officer's list holds the Fuzhou record,
 * a Liaoning officer's never does.
 */
describe('access matrix: jurisdiction', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let routes: RouteWithPolicy[];
  /** "METHOD /route/:path" → the record fixture. */
  const fixtures: Record<string, Fixture> = {};
  /** A notification to fz-admin (about a Fuzhou licence). */
  let notificationId: string;
  /** List path → the id of the Fuzhou record it must (Fuzhou) or must not (Liaoning) hold. */
  const lists: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_DEFAULT_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' } });
    world = await seedWorld(t);
    await insertUser(t, 'agency-xm-1', 'agency_user', null, world.agencies.xiamen);
    as = await signInAll(t);
    as['agency-xm-1'] = `Bearer ${(await login(t, 'agency-xm-1')).accessToken}`;
    routes = t.app.get(RoutePolicies).list();

    const post = async (user: string, path: string, body: Record<string, unknown>) => {
      const response = await t.http().post(path).set('authorization', as[user]).send(body);
      if (response.status !== 201 && response.status !== 200) throw new Error(`POST ${path} as ${user}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const fuzhou = world.agencies.fuzhou;
    const [{ uscc }] = (await t.db.query(`SELECT uscc FROM agencies WHERE id = $1`, [fuzhou])) as { uscc: string }[];

    // The records, all in Fuzhou, all through the API but the licence (only an application's approval issues one).
    const licence = await insertLicence(t, { agencyId: fuzhou, bureauId: world.bureaus.fuzhou });
    const application = await post('agency-fj-1', '/api/licence-applications', {
      kind: 'new',
      licenceType: 'human_resources_service',
      scope: { activities: ['job_placement'], destinationCountries: [] },
    });
    const inspection = await inspect(t, as['fz-inspector'], fuzhou, { templateId: await seededTemplateId(t), results: { 'PRO-1': 'non_compliant' } });
    const [action] = (await t.db.query(`SELECT id FROM corrective_actions WHERE inspection_id = $1`, [inspection.id])) as { id: string }[];
    const rounds = await post('fz-admin', '/api/self-assessments', { period: 2026, dueOn: '2027-01-31', agencyId: fuzhou });
    const selfAssessment = (rounds.items as { id: string }[])[0];
    const receipt = await t.http().post('/api/public/complaints').send(complaintBody({ uscc, agencyName: undefined, jurisdictionCode: undefined })).expect(201);
    const [complaint] = (await t.db.query(`SELECT id, agency_id, jurisdiction_code FROM complaints WHERE tracking_code = $1`, [receipt.body.trackingCode])) as {
      id: string;
      agency_id: string;
      jurisdiction_code: string;
    }[];
    expect(complaint).toMatchObject({ agency_id: fuzhou, jurisdiction_code: '350100' });
    const user = await post('fz-admin', '/api/users', { username: 'fz-new-officer', displayName: 'New Officer', password: 'a-long-enough-password', role: 'inspector' });
    const templateId = await seededTemplateId(t);
    const annualReport = await post('agency-fj-1', '/api/annual-reports', { year: 2025 });
    // A case on the Fuzhou agency with its notice served (the agency reads a case from then on).
    const enforcementCase = await post('fz-inspector', '/api/cases', {
      agencyId: fuzhou,
      grounds: [{ kind: 'inspection', reference: inspection.id }],
      proposedSanction: 'warning',
      legalBasis: '人力资源市场暂行条例 第四十五条',
      facts: 'Workers were charged a placement fee.',
    });
    const served = await post('fz-admin', `/api/cases/${enforcementCase.id}/notice`, { version: enforcementCase.version });
    // A placement abroad the Fuzhou agency files under its overseas licence (Singapore: no minimum wage configured).
    const placement = await post(
      'agency-fj-1',
      '/api/placements',
      placementBody({ destinationCountry: 'SG', employer: { name: 'Lion Care Pte Ltd', country: 'SG', address: '1 Orchard Rd' }, contract: { currency: 'SGD', monthlyWage: 2200, signedOn: '2029-12-01' }, training: { completedOn: '2029-12-05' }, departureDate: '2030-06-01' }),
    );
    const notice = (served.documents as { id: string }[])[0];

    const add = (route: string, fixture: Fixture) => (fixtures[route] = fixture);
    add('GET /api/agencies/:id', { path: `/api/agencies/${fuzhou}`, missing: `/api/agencies/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/agencies/:id/profile', { path: `/api/agencies/${fuzhou}/profile`, missing: `/api/agencies/${NO_SUCH_ID}/profile`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/licences/:id', { path: `/api/licences/${licence.id}`, missing: `/api/licences/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/licence-applications/:id', { path: `/api/licence-applications/${application.id}`, missing: `/api/licence-applications/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/inspections/:id', { path: `/api/inspections/${inspection.id}`, missing: `/api/inspections/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/inspections/:id/assignees', { path: `/api/inspections/${inspection.id}/assignees`, missing: `/api/inspections/${NO_SUCH_ID}/assignees`, inScope: ['fj-admin', 'fz-admin'] });
    // A photo of the finding, stored as the upload route stores one (the inspection is already submitted, so no upload is allowed).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const [photo] = (await t.db.query(
      `INSERT INTO inspection_photos (inspection_id, item_code, content_type, size_bytes, sha256, data, uploaded_by_username, uploaded_at)
       VALUES ($1, 'PRO-1', 'image/png', $2, encode(sha256($3), 'hex'), $3, 'fz-inspector', now()) RETURNING id`,
      [inspection.id, png.length, png],
    )) as { id: string }[];
    add('GET /api/inspections/:id/photos', { path: `/api/inspections/${inspection.id}/photos`, missing: `/api/inspections/${NO_SUCH_ID}/photos`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/inspections/:id/photos/:photoId', { path: `/api/inspections/${inspection.id}/photos/${photo.id}`, missing: `/api/inspections/${inspection.id}/photos/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/inspections/:id/preview', { path: `/api/inspections/${inspection.id}/preview`, missing: `/api/inspections/${NO_SUCH_ID}/preview`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/annual-reports/:id', { path: `/api/annual-reports/${annualReport.id}`, missing: `/api/annual-reports/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/agencies/:id/reserve-fund', { path: `/api/agencies/${fuzhou}/reserve-fund`, missing: `/api/agencies/${NO_SUCH_ID}/reserve-fund`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/licences/:id/certificate.pdf', { path: `/api/licences/${licence.id}/certificate.pdf`, missing: `/api/licences/${NO_SUCH_ID}/certificate.pdf`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/cases/:id', { path: `/api/cases/${enforcementCase.id}`, missing: `/api/cases/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    add('GET /api/cases/:id/documents/:documentId', {
      path: `/api/cases/${enforcementCase.id}/documents/${notice.id}`,
      missing: `/api/cases/${enforcementCase.id}/documents/${NO_SUCH_ID}`,
      inScope: FUZHOU_AGENCY_READERS,
    });
    // The draft of a decision's published summary: for the bureau admins who may decide the case.
    add('GET /api/cases/:id/published-summary-draft', {
      path: `/api/cases/${enforcementCase.id}/published-summary-draft?sanction=revocation`,
      missing: `/api/cases/${NO_SUCH_ID}/published-summary-draft?sanction=revocation`,
      inScope: ['fj-admin', 'fz-admin'],
    });
    add('GET /api/self-assessments/:id', { path: `/api/self-assessments/${selfAssessment.id}`, missing: `/api/self-assessments/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    // The agency sees complaints about it (without the complainant's identity).
    add('GET /api/complaints/:id', { path: `/api/complaints/${complaint.id}`, missing: `/api/complaints/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    // A bureau admin manages the users of its own bureau and the bureaus below it; the system admin all.
    add('GET /api/users/:id', { path: `/api/users/${user.id}`, missing: `/api/users/${NO_SUCH_ID}`, inScope: ['admin', 'fj-admin', 'fz-admin'] });
    // Who may take a complaint: for the bureau admins whose jurisdiction covers it.
    add('GET /api/complaints/:id/assignees', { path: `/api/complaints/${complaint.id}/assignees`, missing: `/api/complaints/${NO_SUCH_ID}/assignees`, inScope: ['fj-admin', 'fz-admin'] });
    // A bureau sees its own bureau and those below it.
    add('GET /api/bureaus/:id', { path: `/api/bureaus/${world.bureaus.fuzhou}`, missing: `/api/bureaus/${NO_SUCH_ID}`, inScope: ['admin', 'ministry', 'fj-admin', 'fz-admin'] });
    // Checklist templates are national: every role the route allows reads them.
    add('GET /api/checklist-templates/:id', { path: `/api/checklist-templates/${templateId}`, missing: `/api/checklist-templates/${NO_SUCH_ID}`, inScope: ['ministry', 'fj-admin', 'fj-inspector', 'fz-admin', 'fz-inspector', 'xm-admin', 'ln-admin', 'agency-fj-1', 'agency-xm-1'] });
    // The working calendar is national: the system admin and every official read it; agencies may not.
    add('GET /api/admin/working-calendar/:year', { path: '/api/admin/working-calendar/2026', inScope: ['admin', 'ministry', 'fj-admin', 'fj-inspector', 'fz-admin', 'fz-inspector', 'xm-admin', 'ln-admin'] });
    // Public: anyone with the licence number; anyone with the tracking code and its secret.
    add('GET /api/public/licences/:number', { path: `/api/public/licences/${licence.licenceNumber}`, inScope: 'everyone' });
    add('GET /api/placements/:id', { path: `/api/placements/${placement.id}`, missing: `/api/placements/${NO_SUCH_ID}`, inScope: FUZHOU_AGENCY_READERS });
    // The worker: anyone with the check code and the last four characters of her ID number.
    add('GET /api/public/placements/:checkCode', { path: `/api/public/placements/${placement.checkCode}?idLast4=${residentId().slice(-4)}`, inScope: 'everyone' });
    // Open data: the same datasets for everyone, signed in or not.
    add('GET /api/public/datasets/:file', { path: '/api/public/datasets/licences.csv', missing: '/api/public/datasets/nothing.csv', inScope: 'everyone' });
    add('GET /api/public/complaints/:trackingCode', { path: `/api/public/complaints/${receipt.body.trackingCode}`, inScope: 'everyone', headers: { 'x-complaint-secret': receipt.body.secret } });

    await t.db.transaction((manager) =>
      t.app.get(NotificationsService).enqueueMany(manager, [
        {
          kind: 'licence.renewal_reminder',
          recipientUserId: world.users['fz-admin'],
          dedupKey: 'jurisdiction-matrix-1',
          payload: { licenceNumber: licence.licenceNumber, agencyName: '福州海峡人力资源有限公司', expiresOn: '2030-01-01', daysLeft: 30 },
          channel: 'inbox',
        },
      ]),
    );
    [{ id: notificationId }] = (await t.db.query(`SELECT id FROM notifications WHERE dedup_key = 'jurisdiction-matrix-1'`)) as { id: string }[];

    Object.assign(lists, {
      '/api/agencies': fuzhou,
      '/api/licences': licence.id,
      '/api/licence-applications': application.id,
      '/api/inspections': inspection.id,
      '/api/corrective-actions': action.id,
      '/api/self-assessments': selfAssessment.id,
      '/api/complaints': complaint.id,
      '/api/users': user.id,
      '/api/bureaus': world.bureaus.fuzhou,
      '/api/placements': placement.id,
    });
    // Records of every kind through the API: more than a minute on a busy machine.
  }, 240_000);
  afterAll(() => t.close());

  const key = (route: RouteWithPolicy) => `${route.method} ${route.path}`;
  const singleRecordRoutes = () => routes.filter((route) => route.method === 'GET' && /\/:[A-Za-z]+/.test(route.path));
  const get = (path: string, user?: string, headers: Record<string, string> = {}) => {
    const request = t.http().get(path).set(headers);
    return user ? request.set('authorization', as[user]) : request;
  };
  /** A 404 problem without what names the id asked for. */
  const shape = (body: Record<string, unknown>) => ({ type: body.type, title: body.title, status: body.status });

  it('has a record fixture for every single-record GET route of the route table', () => {
    const unmapped = singleRecordRoutes().map(key).filter((k) => !fixtures[k]);
    expect(unmapped).toEqual([]);
    expect(singleRecordRoutes().length).toBeGreaterThanOrEqual(12);
    // And no fixture for a route that no longer exists.
    expect(Object.keys(fixtures).filter((k) => !singleRecordRoutes().some((r) => key(r) === k))).toEqual([]);
  });

  it('answers every caller of every single-record route by role and jurisdiction: 200, 404 like a missing id, 403, or 401', async () => {
    const wrong: string[] = [];
    for (const route of singleRecordRoutes()) {
      const fixture = fixtures[key(route)];
      if (!fixture) continue;
      const policy = route.policy;
      const anonymous = await get(fixture.path, undefined, fixture.headers);
      const anonymousExpected = policy?.kind === 'public' ? 200 : 401;
      if (anonymous.status !== anonymousExpected) wrong.push(`${key(route)} anonymous: ${anonymous.status}, expected ${anonymousExpected}`);
      for (const [caller, role] of Object.entries(CALLERS)) {
        const allowed = policy?.kind === 'public' || (policy?.kind === 'roles' && policy.roles.includes(role as never));
        const inScope = fixture.inScope === 'everyone' || fixture.inScope.includes(caller);
        const expected = !allowed ? 403 : inScope ? 200 : 404;
        const response = await get(fixture.path, caller, fixture.headers);
        if (response.status !== expected) {
          wrong.push(`${key(route)} as ${caller}: ${response.status}, expected ${expected}`);
          continue;
        }
        if (expected === 404 && fixture.missing) {
          const missing = await get(fixture.missing, caller, fixture.headers);
          expectProblem(response.body, 404);
          if (missing.status !== 404 || JSON.stringify(shape(missing.body)) !== JSON.stringify(shape(response.body))) {
            wrong.push(`${key(route)} as ${caller}: out of scope ${JSON.stringify(shape(response.body))} differs from missing ${missing.status} ${JSON.stringify(shape(missing.body))}`);
          }
        }
        if (expected === 403) expectProblem(response.body, 403);
      }
    }
    expect(wrong).toEqual([]);
    // Some 25 routes by ten callers, each also against its missing twin: minutes on a busy machine.
  }, 240_000);

  it('never lists the Fuzhou record to a Liaoning officer, always to a Fuzhou officer', async () => {
    const wrong: string[] = [];
    const listRoutes = routes.filter((route) => route.method === 'GET' && lists[route.path] !== undefined);
    expect(listRoutes.map((r) => r.path).sort()).toEqual(Object.keys(lists).sort());
    const ids = async (path: string, user: string) => {
      const response = await get(`${path}?limit=100`, user).expect(200);
      const items = (Array.isArray(response.body) ? response.body : response.body.items) as { id: string }[];
      return items.map((item) => item.id);
    };
    for (const [path, id] of Object.entries(lists)) {
      if (!(await ids(path, 'fz-admin')).includes(id)) wrong.push(`${path}: fz-admin does not see the Fuzhou record`);
      if ((await ids(path, 'ln-admin')).includes(id)) wrong.push(`${path}: ln-admin sees the Fuzhou record`);
      if ((await ids(path, 'xm-admin')).includes(id)) wrong.push(`${path}: xm-admin sees the Fuzhou record`);
    }
    // The officer lists of records an agency reads: the agency's own user sees it, another agency's never.
    for (const path of ['/api/agencies', '/api/licences', '/api/licence-applications', '/api/inspections', '/api/corrective-actions', '/api/self-assessments', '/api/complaints']) {
      if (!(await ids(path, 'agency-fj-1')).includes(lists[path])) wrong.push(`${path}: agency-fj-1 does not see its own record`);
      if ((await ids(path, 'agency-xm-1')).includes(lists[path])) wrong.push(`${path}: agency-xm-1 sees another agency's record`);
    }
    expect(wrong).toEqual([]);
  });

  it("shows a notification in its recipient's inbox alone, and lets no one else mark it read (404)", async () => {
    const inbox = async (user: string) => ((await get('/api/me/notifications?limit=100', user).expect(200)).body.items as { id: string }[]).map((n) => n.id);
    expect(await inbox('fz-admin')).toContain(notificationId);
    for (const other of Object.keys(CALLERS).filter((caller) => caller !== 'fz-admin')) {
      expect(await inbox(other)).not.toContain(notificationId);
      expectProblem((await t.http().post(`/api/me/notifications/${notificationId}/read`).set('authorization', as[other]).expect(404)).body, 404);
    }
    await t.http().post(`/api/me/notifications/${notificationId}/read`).set('authorization', as['fz-admin']).expect(200);
  });
});
