/**
 * The processes of the production rehearsal (`npm run test:production`) and the variables each
 * is started with. test/deploy-files.spec.ts checks that deploy/compose.yaml and deploy/k8s run
 * the same commands (package.json's scripts) and set variables of the same validated environment.
 */
export const REHEARSAL_COMMANDS = {
  migrate: ['node', 'dist/apps/api/src/migrate.js'],
  api: ['node', '--max-old-space-size=192', 'dist/apps/api/src/cluster.js'],
  worker: ['node', '--max-old-space-size=192', 'dist/apps/worker/src/main.js'],
} as const;

/** Every variable the rehearsal sets on the registry's processes (values are the rehearsal's own). */
export const REHEARSAL_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'DATABASE_REPLICA_URLS',
  'REPLICA_MAX_LAG_SECONDS',
  'REPLICA_CHECK_INTERVAL_SECONDS',
  'REDIS_URL',
  'RATE_LIMIT_KEY_PREFIX',
  'API_PROCESSES',
  'JWT_SECRET',
  'DATA_ENCRYPTION_KEY',
  'PUBLIC_BASE_URL',
  'TRUST_PROXY',
  'METRICS_TOKEN',
  'WORKER_METRICS_PORT',
  'DATA_DIR',
  'BACKUP_DIR',
  'LOG_LEVEL',
  'JOB_CRON_OVERRIDES',
  'REMINDER_BATCH_SIZE',
  'RATE_LIMIT_PUBLIC_PER_MINUTE',
] as const;

/** The variables that compose.yaml and the k8s manifests must set too (the rest are the rehearsal's tuning). */
export const DEPLOYMENT_MUST_SET = ['NODE_ENV', 'DATABASE_URL', 'DATABASE_APP_URL', 'DATABASE_REPLICA_URLS', 'REDIS_URL', 'JWT_SECRET', 'PUBLIC_BASE_URL', 'TRUST_PROXY', 'WORKER_METRICS_PORT', 'BACKUP_DIR'] as const;
