/**
 * `npm run test:production`: the production topology started from the built entry points on this
 * machine's PostgreSQL 15 (127.0.0.1:5432, the `postgres` superuser over trust), walked through a
 * journey and broken on purpose, then torn down. See docs/operations.md, "The production rehearsal".
 *
 * - a database, its owner and the app role; migrations as the owner (`migrate.js`);
 * - a streaming replica by `pg_basebackup -R` (as the `postgres` system user) in a temp directory;
 * - NODE_ENV=production: `cluster.js` with two API processes, one worker, a Redis of its own (so
 *   that stopping it disturbs nobody else on the machine);
 * - journey: sign in, approve a licence, verify it publicly (read on the replica: pg_stat_activity
 *   there names the connection), renewal reminders sent by the worker on its JOB_CRON_OVERRIDES
 *   schedule, /metrics showing the job's success;
 * - breaks: kill -9 an API process under load, kill -9 the worker mid-job, stop the replica, stop Redis;
 * - teardown: no process, directory, database or role left behind (checked).
 */
import * as argon2 from 'argon2';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { withUsccCheck } from '../../libs/agencies/src/uscc';
import { REHEARSAL_COMMANDS, REHEARSAL_VARIABLES } from './topology';

const ROOT = join(__dirname, '..', '..');
const PG_BIN = '/usr/lib/postgresql/15/bin';
const SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'rehearsal-password-Correct-Horse-9';
const RUN = randomBytes(4).toString('hex');
const DB = `rehearsal_${RUN}`;
const OWNER = `rehearsal_owner_${RUN}`;
const APP = `rehearsal_app_${RUN}`;
const ROLE_PASSWORD = randomBytes(12).toString('hex');
const METRICS_TOKEN = randomBytes(16).toString('hex');
const REMINDER_LICENCES = 30;
const started = Date.now();

const processes = new Map<string, ChildProcess>();
let tmp = '';
let replicaDir = '';
let failures = 0;

function log(line: string): void {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
}

function check(condition: boolean, what: string, detail = ''): void {
  if (condition) {
    log(`ok   ${what}${detail ? ` (${detail})` : ''}`);
    return;
  }
  failures += 1;
  log(`FAIL ${what}${detail ? ` (${detail})` : ''}`);
  throw new Error(`rehearsal failed: ${what} ${detail}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function asPostgres(command: string, args: string[]): string {
  return execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, command), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function url(role: string, password: string, port = 5432): string {
  return `postgres://${role}:${password}@127.0.0.1:${port}/${DB}`;
}

/** Starts one of the registry's processes exactly as deploy/ does (REHEARSAL_COMMANDS), logging to a file. */
function start(name: string, command: readonly string[], env: Record<string, string>): ChildProcess {
  const unknown = Object.keys(env).filter((key) => !(REHEARSAL_VARIABLES as readonly string[]).includes(key));
  if (unknown.length > 0) throw new Error(`variables not in topology.ts: ${unknown.join(', ')}`);
  const out = openSync(join(tmp, `${name}.log`), 'a');
  const child = spawn(command[0] === 'node' ? process.execPath : command[0], command.slice(1), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', out, out],
  });
  processes.set(name, child);
  child.once('exit', () => processes.delete(name));
  return child;
}

async function stop(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = processes.get(name);
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function childPids(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).trim();
  return out === '' ? [] : out.split(/\s+/).map(Number);
}

function tail(name: string, lines = 30): string {
  const file = join(tmp, `${name}.log`);
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n') : '';
}

async function main(): Promise<void> {
  log(`run ${RUN}: database ${DB}`);
  execFileSync(process.execPath, ['scripts/build-if-needed.js'], { cwd: ROOT, stdio: 'inherit' });

  tmp = mkdtempSync(join(tmpdir(), 'registry-rehearsal-'));
  const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const postgresGid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(tmp, postgresUid, postgresGid);

  // 1. Database, owner and app role; migrations as the owner.
  await sql(SERVER, `CREATE ROLE ${OWNER} LOGIN PASSWORD '${ROLE_PASSWORD}'`);
  await sql(SERVER, `CREATE ROLE ${APP} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${ROLE_PASSWORD}'`);
  await sql(SERVER, `CREATE DATABASE ${DB} OWNER ${OWNER}`);
  const ownerUrl = url(OWNER, ROLE_PASSWORD);
  const appUrl = url(APP, ROLE_PASSWORD);
  const [apiPort, workerMetricsPort, replicaPort, redisPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const common: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATABASE_URL: ownerUrl,
    DATABASE_APP_URL: appUrl,
    JWT_SECRET: randomBytes(32).toString('base64'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_BASE_URL: 'https://registry.rehearsal.example',
    TRUST_PROXY: 'true',
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    RATE_LIMIT_KEY_PREFIX: `rehearsal-${RUN}:`,
    METRICS_TOKEN,
    DATA_DIR: join(tmp, 'data'),
    LOG_LEVEL: 'warn',
    // The load of the API-kill break comes from one address.
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
  };
  const migrate = start('migrate', REHEARSAL_COMMANDS.migrate, common);
  const migrated = await new Promise<number | null>((resolve) => migrate.once('exit', resolve));
  check(migrated === 0, 'migrations run as the owner (migrate.js)', migrated === 0 ? '' : tail('migrate'));
  const [{ tables }] = await sql<{ tables: number }>(ownerUrl, `SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [OWNER]);
  check(tables > 20, 'the schema belongs to the owner, not the app role', `${tables} tables`);

  // Data the journey needs: a provincial bureau and its admin, an agency, licences nearing expiry.
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const [{ bureau }] = await sql<{ bureau: string }>(ownerUrl, `INSERT INTO bureaus (name, level, jurisdiction_code) VALUES ('Fujian HRSS', 'province', '350000') RETURNING id AS bureau`);
  await sql(ownerUrl, `INSERT INTO users (username, display_name, password_hash, role, bureau_id) VALUES ('fj-admin', 'Fujian admin', $1, 'bureau_admin', $2)`, [hash, bureau]);
  const uscc = withUsccCheck(`91350100${String(Date.now() % 1e9).padStart(9, '0')}`);
  const [{ agency }] = await sql<{ agency: string }>(
    ownerUrl,
    `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type, contact_email)
     VALUES ($1, '福州海峡人力资源有限公司', 'Strait HR', '张三', '某路1号', '350100', 'overseas_placement', 'office@example.cn') RETURNING id AS agency`,
    [uscc],
  );
  // The agency's user, whom each renewal reminder is for (the bureau's admin gets the digest).
  await sql(ownerUrl, `INSERT INTO users (username, display_name, password_hash, role, agency_id) VALUES ('strait-hr', 'Strait HR staff', $1, 'agency_user', $2)`, [hash, agency]);
  await sql(
    ownerUrl,
    `INSERT INTO licences (licence_number, agency_id, jurisdiction_code, licence_type, scope, issued_by_bureau_id, status, valid_from, expires_on)
     SELECT '350000-2020-' || lpad(n::text, 6, '0'), $1, '350100', 'human_resources_service', '{"activities":["job_placement"],"destinationCountries":[]}', $2, 'active',
            (now() AT TIME ZONE 'Asia/Shanghai')::date - 1000, (now() AT TIME ZONE 'Asia/Shanghai')::date + 10 + n
       FROM generate_series(1, $3::int) n`,
    [agency, bureau, REMINDER_LICENCES],
  );
  // Each reminder slowed down, so that the worker can be killed in the middle of the job.
  await sql(ownerUrl, `CREATE FUNCTION rehearsal_slow_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$`);
  await sql(ownerUrl, `CREATE TRIGGER rehearsal_slow_reminders BEFORE INSERT ON licence_reminders FOR EACH ROW EXECUTE FUNCTION rehearsal_slow_down()`);

  // 2. A streaming replica of the machine's server, by pg_basebackup, on a port of its own.
  const hbaFile = (await sql<{ hba_file: string }>(SERVER, 'SHOW hba_file'))[0].hba_file;
  if (!/^\s*(host|local)\s+replication\s/m.test(readFileSync(hbaFile, 'utf8'))) {
    log(`${hbaFile} allows no replication connection: adding "host replication all 127.0.0.1/32 trust" and reloading`);
    appendFileSync(hbaFile, '\n# Added by npm run test:production: pg_basebackup and the streaming replica of the rehearsal\nhost replication all 127.0.0.1/32 trust\n');
    await sql(SERVER, 'SELECT pg_reload_conf()');
  }
  replicaDir = join(tmp, 'replica');
  const backupStarted = Date.now();
  asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
  // Debian keeps the configuration outside the data directory: the replica gets a minimal one.
  // Throwaway data: no fsync (also spares the start its sync of the whole copied directory).
  writeFileSync(
    join(tmp, 'replica.conf'),
    `hot_standby = on\nfsync = off\nshared_buffers = 32MB\nhba_file = '${join(tmp, 'replica-hba.conf')}'\nident_file = '${join(tmp, 'replica-ident.conf')}'\n`,
  );
  writeFileSync(join(tmp, 'replica-hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  writeFileSync(join(tmp, 'replica-ident.conf'), '');
  asPostgres('pg_ctl', [
    '-D', replicaDir, '-l', join(tmp, 'replica.log'), '-w', '-t', '120',
    '-o', `-p ${replicaPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${tmp} -c config_file=${join(tmp, 'replica.conf')}`,
    'start',
  ]);
  const replicaUrl = url(APP, ROLE_PASSWORD, replicaPort);
  const [standby] = await sql<{ recovery: boolean; streaming: number }>(
    `postgres://postgres@127.0.0.1:${replicaPort}/${DB}`,
    `SELECT pg_is_in_recovery() AS recovery, (SELECT count(*)::int FROM pg_stat_wal_receiver WHERE status = 'streaming') AS streaming`,
  );
  check(standby.recovery && standby.streaming === 1, 'a streaming replica made by pg_basebackup -R', `port ${replicaPort}, ${((Date.now() - backupStarted) / 1000).toFixed(1)} s`);

  // 3. Redis, two API processes under cluster.js, one worker.
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  processes.set('redis', redis);
  redis.once('exit', () => processes.delete('redis'));
  const apiEnv = { ...common, PORT: String(apiPort), API_PROCESSES: '2', DATABASE_REPLICA_URLS: replicaUrl, REPLICA_MAX_LAG_SECONDS: '20', REPLICA_CHECK_INTERVAL_SECONDS: '1' };
  const api = start('api', REHEARSAL_COMMANDS.api, apiEnv);
  const workerEnv = {
    ...common,
    WORKER_METRICS_PORT: String(workerMetricsPort),
    BACKUP_DIR: join(tmp, 'backups'),
    REMINDER_BATCH_SIZE: '1',
    JOB_CRON_OVERRIDES: 'licence-renewal-reminders=*/5 * * * * *',
  };
  const base = `http://127.0.0.1:${apiPort}`;
  const http = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(base + path, {
      ...init,
      headers: { 'x-forwarded-proto': 'https', 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers as Record<string, string>) },
    });
  await waitFor('both API processes to answer', async () => (await http('/health')).ok && childPids(api.pid as number).length === 2, 120_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${tail('api')}`);
  });
  check(childPids(api.pid as number).length === 2, 'cluster.js runs two API processes', `pids ${childPids(api.pid as number).join(', ')}`);

  // 4. The journey.
  const signIn = () => http('/api/auth/login', { method: 'POST', body: JSON.stringify({ username: 'fj-admin', password: PASSWORD }) });
  const login = await signIn();
  const { accessToken: token } = (await login.json()) as { accessToken: string };
  check(login.status === 200 && !!token, 'sign in as the provincial bureau admin', `status ${login.status}`);
  const applied = await http('/api/licence-applications', { method: 'POST', token, body: JSON.stringify({ agencyId: agency, kind: 'new', licenceType: 'overseas_employment', scope: { activities: ['overseas_placement'], destinationCountries: ['SG'] } }) });
  const application = (await applied.json()) as { id: string; status: string };
  check(applied.status === 201, 'the bureau files a licence application', `status ${applied.status}`);
  const reviewed = await http(`/api/licence-applications/${application.id}/start-review`, { method: 'POST', token, body: '{}' });
  const decided = await http(`/api/licence-applications/${application.id}/decision`, { method: 'POST', token, body: JSON.stringify({ decision: 'approve' }) });
  const approved = (await decided.json()) as { status: string; resultingLicenceId: string };
  check(reviewed.status === 200 && decided.status === 200 && approved.status === 'approved', 'and approves it', `review ${reviewed.status}, decision ${decided.status}`);
  const [{ licence_number: licenceNumber }] = await sql<{ licence_number: string }>(ownerUrl, 'SELECT licence_number FROM licences WHERE id = $1', [approved.resultingLicenceId]);

  // Right after the change its look-ups read the primary (for at most REPLICA_MAX_LAG_SECONDS); then the replica.
  const approvedAt = Date.now();
  await waitFor('the replica to be read', async () => /^registry_db_replica_usable\{replica="replica-1"\} 1$/m.test(await (await http('/metrics', { token: METRICS_TOKEN })).text()), 60_000);
  await sleep(Math.max(0, approvedAt + 21_000 - Date.now()));
  const verified = await http(`/api/public/licences/${licenceNumber}`);
  const verification = (await verified.json()) as { valid: boolean; licenceNumber: string };
  check(verified.status === 200 && verification.valid, 'the public verifies the new licence', licenceNumber);
  const [{ served }] = await sql<{ served: number }>(
    `postgres://postgres@127.0.0.1:${replicaPort}/${DB}`,
    // By the statement's start: pg_stat_activity keeps only its first 1024 bytes (track_activity_query_size).
    `SELECT count(*)::int AS served FROM pg_stat_activity WHERE usename = $1 AND application_name = 'agency-registry-api-replica-read' AND query LIKE 'SELECT l.licence_number, l.status, l.licence_type%'`,
    [APP],
  );
  check(served >= 1, 'the verification was read on the replica (pg_stat_activity of the replica names the connection)', `${served} connection(s)`);

  // The worker's reminder job on its overridden schedule; killed in the middle, restarted, completed.
  mkdirSync(workerEnv.BACKUP_DIR, { mode: 0o700 });
  start('worker', REHEARSAL_COMMANDS.worker, workerEnv);
  const count = async (text: string) => Number((await sql<{ n: string }>(ownerUrl, text))[0].n);
  const partial = await waitFor('the reminder job to be half-way', async () => {
    const n = await count('SELECT count(*) AS n FROM licence_reminders');
    return n >= 3 ? n : undefined;
  }, 120_000);
  const worker = processes.get('worker') as ChildProcess;
  const killed = new Promise((resolve) => worker.once('exit', (_code, signal) => resolve(signal)));
  process.kill(worker.pid as number, 'SIGKILL');
  check((await killed) === 'SIGKILL' && partial < REMINDER_LICENCES, 'kill -9 the worker in the middle of licence-renewal-reminders', `${partial} of ${REMINDER_LICENCES} licences reminded`);
  check((await count(`SELECT count(*) AS n FROM job_runs WHERE job_name = 'licence-renewal-reminders' AND status = 'running'`)) === 1, 'its run is left "running"');
  await sql(ownerUrl, 'DROP TRIGGER rehearsal_slow_reminders ON licence_reminders');
  start('worker', REHEARSAL_COMMANDS.worker, workerEnv);
  await waitFor('the restarted worker to complete the job', async () => (await count(`SELECT count(*) AS n FROM job_runs WHERE job_name = 'licence-renewal-reminders' AND status = 'succeeded'`)) >= 1, 90_000);
  check((await count(`SELECT count(*) AS n FROM job_runs WHERE job_name = 'licence-renewal-reminders' AND status = 'abandoned'`)) === 1, 'the restarted worker marks the dead run abandoned and completes the job');
  const reminders = await count('SELECT count(*) AS n FROM licence_reminders');
  const reminded = await count('SELECT count(DISTINCT licence_id) AS n FROM licence_reminders');
  const [{ total, distinct }] = await sql<{ total: number; distinct: number }>(ownerUrl, `SELECT count(*)::int AS total, count(DISTINCT dedup_key)::int AS distinct FROM notifications WHERE dedup_key LIKE 'licence.renewal_reminder:%'`);
  check(reminders === REMINDER_LICENCES && reminded === REMINDER_LICENCES && total === REMINDER_LICENCES && distinct === total, 'every licence reminded once, no reminder or notification doubled', `${reminders} reminders, ${total} notifications`);
  const workerMetrics = await waitFor('the worker metrics', async () => {
    const answer = await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    return answer.ok ? answer.text() : undefined;
  });
  const success = /^registry_job_last_success_timestamp_seconds\{job="licence-renewal-reminders"\} (\d+(\.\d+)?)/m.exec(workerMetrics);
  check(!!success && Number(success[1]) * 1000 > started, "the worker's /metrics (WORKER_METRICS_PORT) shows the job's success", success?.[0]);
  const apiMetrics = await (await http('/metrics', { token: METRICS_TOKEN })).text();
  check(/^registry_job_last_success_timestamp_seconds\{job="licence-renewal-reminders"\} /m.test(apiMetrics) && /^registry_db_replica_usable\{replica="replica-1"\} 1$/m.test(apiMetrics), "the API's /metrics (METRICS_TOKEN) too, and the replica usable");
  check((await http('/metrics')).status === 401, '/metrics without the token is refused in production');

  // 5. Breaks. kill -9 one API process under load: the other answers, the cluster replaces it.
  const [victim] = childPids(api.pid as number);
  // By the order sent, not the order answered: a request caught on a connection node:cluster had
  // just handed to the killed process may hang rather than fail fast, so each gets 15 s (a proxy's
  // upstream timeout) and counts as one of the few in flight.
  const statuses: (number | string)[] = [];
  let sent = 0;
  const load = async () => {
    while (sent < 400) {
      const index = sent;
      sent += 1;
      if (sent === 100) process.kill(victim, 'SIGKILL');
      try {
        statuses[index] = (await http(`/api/public/licences/${licenceNumber}`, { signal: AbortSignal.timeout(15_000) })).status;
      } catch (error) {
        statuses[index] = (error as Error).name === 'TimeoutError' ? 'no answer in 15 s' : (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, load));
  const failed = statuses.filter((s) => s !== 200);
  check(failed.length <= 8 && statuses.slice(-200).every((s) => s === 200), 'kill -9 one API process mid-load: requests keep succeeding on the other', `${statuses.length - failed.length} of ${statuses.length} answered 200, ${failed.length} in flight on the killed process failed${failed.length ? `: ${[...new Set(failed)].join(', ')}` : ''}`);
  const replaced = await waitFor('the cluster to start another API process', async () => {
    const pids = childPids(api.pid as number);
    return pids.length === 2 && !pids.includes(victim) ? pids : undefined;
  });
  await waitFor('the new API process to serve', async () => (await Promise.all([0, 1, 2, 3].map(() => http('/health')))).every((r) => r.ok));
  check(true, 'cluster.js replaced the killed process', `pids ${replaced.join(', ')}`);

  // /metrics is the cluster's, whichever process answers: requests on connections of their own (so
  // that node:cluster deals them to both processes) all counted in every scrape, the restart too.
  const SERIES = 'registry_http_request_duration_seconds_count{route="/api/public/licences/:number",method="GET",status="200"}';
  const scrapeCount = async () => {
    const text = await (await http('/metrics', { token: METRICS_TOKEN })).text();
    const line = text.split('\n').find((l) => l.startsWith(`${SERIES} `));
    return { count: Number(line?.slice(SERIES.length + 1)), text };
  };
  // The replacement answers the primary once its start-up lets its event loop go (up to 5 s, else a 503).
  const before = await waitFor('a scrape of the whole cluster', async () => {
    const { count } = await scrapeCount();
    return Number.isFinite(count) ? count : undefined;
  });
  const ownConnection = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest(base + path, { agent: false, headers: { connection: 'close', 'x-forwarded-proto': 'https' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
  const answered = [];
  for (let i = 0; i < 20; i++) answered.push(await ownConnection(`/api/public/licences/${licenceNumber}`));
  const after = await Promise.all([0, 1, 2, 3].map(() => scrapeCount()));
  check(
    answered.every((status) => status === 200) && after.every(({ count }) => count === before + 20) && after.every(({ text }) => /^registry_api_processes 2$/m.test(text) && /^registry_api_process_restarts_total 1$/m.test(text)),
    "/metrics adds up both API processes' requests (and shows the restart), whichever process answers",
    `${before} then ${after.map(({ count }) => count).join(', ')}`,
  );

  // Stop the replica: public reads fall back to the primary, readiness says degraded.
  asPostgres('pg_ctl', ['-D', replicaDir, '-w', '-m', 'immediate', 'stop']);
  const fallback = await http(`/api/public/licences/${licenceNumber}`);
  check(fallback.status === 200, 'replica stopped: public verification answers from the primary', `status ${fallback.status}`);
  const degraded = await waitFor('readiness to say degraded on both processes', async () => {
    const answers = await Promise.all([0, 1, 2, 3].map(async () => (await (await http('/health/ready')).json()) as { status: string; problems: string[] }));
    return answers.every((a) => a.status === 'degraded' && a.problems.some((p) => p.includes('replica-1'))) ? answers[0] : undefined;
  }, 20_000);
  check(true, '/health/ready says degraded, naming the replica', degraded.problems.find((p) => p.includes('replica-1')));
  const registerRead = await http('/api/public/agencies');
  check(registerRead.status === 200, 'the public register still answers', `status ${registerRead.status}`);

  // Stop Redis: sign-in fails closed, the rest keeps working.
  await stop('redis');
  await sleep(500);
  const refused = await signIn();
  check(refused.status !== 200 && refused.status >= 429, 'Redis stopped: sign-in fails closed', `status ${refused.status}`);
  const stillVerifies = await http(`/api/public/licences/${licenceNumber}`);
  const stillReads = await http(`/api/licences/${approved.resultingLicenceId}`, { token });
  check(stillVerifies.status === 200 && stillReads.status === 200, 'public verification and signed-in reads keep working', `${stillVerifies.status}, ${stillReads.status}`);
}

async function teardown(): Promise<void> {
  for (const name of ['api', 'worker', 'migrate', 'redis']) await stop(name).catch(() => undefined);
  if (replicaDir && existsSync(join(replicaDir, 'postmaster.pid'))) {
    try {
      asPostgres('pg_ctl', ['-D', replicaDir, '-w', '-m', 'immediate', 'stop']);
    } catch {
      // Already stopped.
    }
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  await sql(SERVER, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch((error: Error) => log(`drop database: ${error.message}`));
  for (const role of [OWNER, APP]) await sql(SERVER, `DROP ROLE IF EXISTS ${role}`).catch((error: Error) => log(`drop role: ${error.message}`));
  const [{ left }] = await sql<{ left: number }>(SERVER, `SELECT ((SELECT count(*) FROM pg_database WHERE datname = $1) + (SELECT count(*) FROM pg_roles WHERE rolname IN ($2, $3)))::int AS left`, [DB, OWNER, APP]);
  const running = [...processes.keys()];
  if (left === 0 && running.length === 0 && !existsSync(tmp)) log('teardown: no process, directory, database or role left behind');
  else {
    failures += 1;
    log(`FAIL teardown: ${left} database/roles, processes ${running.join(', ') || 'none'}, directory ${existsSync(tmp) ? tmp : 'removed'}`);
  }
}

void main()
  .catch((error: Error) => {
    failures += 1;
    log(`FAIL ${error.message}`);
    for (const name of ['api', 'worker', 'replica']) if (tmp && existsSync(join(tmp, `${name}.log`))) console.log(`--- ${name}.log (last lines)\n${tail(name)}`);
  })
  .then(teardown)
  .then(() => {
    log(failures === 0 ? `production rehearsal passed in ${((Date.now() - started) / 1000).toFixed(0)} s` : `production rehearsal FAILED (${failures})`);
    process.exit(failures === 0 ? 0 : 1);
  });
