import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** A whole-number setting from `min` (to `max`): the environment gives text, read as a number first. */
function WholeNumber(min: number, max?: number): PropertyDecorator {
  return applyDecorators(Type(() => Number), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)]));
}

/** An on/off setting: 1, true, yes or on (any case) mean on. */
function Flag(): PropertyDecorator {
  return applyDecorators(Transform(toBoolean), IsBoolean());
}

/** Every setting the registry reads from the environment, with its default. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '0.0.0.0';

  @WholeNumber(0, 65535)
  PORT = 3000;

  /** postgres://user:pass@host:port/db. Without it, an embedded PostgreSQL is started under DATA_DIR. */
  @IsOptional() @IsString()
  DATABASE_URL?: string;

  /**
   * The same database as a least-privilege role (no superuser, createdb or createrole; owns no
   * table) for the API and the worker; DATABASE_URL, the owner, then only migrates and grants.
   * Embedded: a role created at start. Without it beside DATABASE_URL, the app connects as the owner.
   */
  @IsOptional() @IsString()
  DATABASE_APP_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @WholeNumber(1024, 65535)
  EMBEDDED_PG_PORT = 54329;

  /**
   * Streaming replicas (postgres://… of the app role, comma-separated) for what the public and the
   * reports read: public verification, register and sanctions, complaint trends, the reports
   * overview. Writes, and an official's reads soon after their own writes, stay on the primary.
   */
  @IsOptional() @Matches(/^\s*postgres(ql)?:\/\/[^,\s]+(\s*,\s*postgres(ql)?:\/\/[^,\s]+)*\s*$/, { message: 'DATABASE_REPLICA_URLS must be postgres:// addresses separated by commas' })
  DATABASE_REPLICA_URLS?: string;

  /** A replica further behind the primary than this (or not answering) is not read; the primary serves instead. */
  @WholeNumber(1, 3600)
  REPLICA_MAX_LAG_SECONDS = 30;

  /** How often each replica's lag is measured. */
  @WholeNumber(1, 300)
  REPLICA_CHECK_INTERVAL_SECONDS = 5;

  @WholeNumber(1, 200)
  DB_POOL_SIZE = 10;

  @WholeNumber(100, 600_000)
  DB_STATEMENT_TIMEOUT_MS = 15_000;

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 bytes long' })
  JWT_SECRET?: string;

  /**
   * The key that encrypts personal data at rest (workers' ID numbers and phones, AES-256-GCM) and
   * keys their lookup hashes: 32 bytes as 64 hex digits or base64 (`openssl rand -base64 32`).
   * Required in production; elsewhere generated once into DATA_DIR/data-encryption-key (0600).
   * Lost, the encrypted data cannot be read: keep it apart from the backups.
   */
  @IsOptional() @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, { message: 'DATA_ENCRYPTION_KEY must be 32 bytes as 64 hex digits or base64' })
  DATA_ENCRYPTION_KEY?: string;

  /** The fewest hours of pre-departure training a placement abroad may be filed with. */
  @WholeNumber(1, 1000)
  PREDEPARTURE_TRAINING_MIN_HOURS = 24;

  @WholeNumber(60, 3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @WholeNumber(1, 90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  @WholeNumber(1, 100)
  LOGIN_MAX_FAILURES = 5;

  @WholeNumber(1, 1440)
  LOGIN_LOCK_MINUTES = 15;

  @WholeNumber(1)
  RATE_LIMIT_LOGIN_PER_MINUTE = 20;

  @WholeNumber(1)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 120;

  @WholeNumber(1)
  RATE_LIMIT_DEFAULT_PER_MINUTE = 6000;

  /** Open dataset downloads (and their catalogue) per IP a minute: few, large answers, counted apart from the public lists. */
  @Type(() => Number) @IsInt() @Min(1)
  RATE_LIMIT_DATASETS_PER_MINUTE = 30;

  /** The licence of reuse the open datasets are published under, named in their catalogue. */
  @IsString() @MinLength(1)
  OPEN_DATA_LICENCE = 'CC BY 4.0';

  /** PDFs (certificates, case documents) one signed-in user may fetch a minute, whichever address they come from. */
  @WholeNumber(1)
  RATE_LIMIT_PDF_PER_USER_PER_MINUTE = 30;

  /**
   * The hot lists (licences, agencies, complaints) written by serializers compiled from their
   * published response schemas. Off only to measure the difference (`npm run bench`).
   */
  @Flag()
  COMPILED_RESPONSES = true;

  /** Worker threads rendering PDFs (one keeps the other core for the event loop and PostgreSQL). */
  @WholeNumber(1, 16)
  PDF_WORKERS = 1;
  /** Requests a minute per API client (machine clients of the events feed), whatever address they come from. */
  @WholeNumber(1)
  RATE_LIMIT_CLIENT_PER_MINUTE = 600;

  /** Lifetime of an API client's access token (OAuth 2.0 client credentials). */
  @WholeNumber(60, 86400)
  CLIENT_TOKEN_TTL_SECONDS = 3600;

  /** redis://[user:pass@]host:port[/db]. Rate-limit counters are shared there by every API process; without it each process counts alone, in memory. */
  @IsOptional() @IsString()
  REDIS_URL?: string;

  /** Prefix of the rate-limit keys in Redis, so several deployments (or test runs) can share one server. */
  @IsString()
  RATE_LIMIT_KEY_PREFIX = 'agency-registry:rate:';

  /** `npm run start:cluster` only: API processes answering on one port (default: one per core). */
  @IsOptional() @WholeNumber(1, 64)
  API_PROCESSES?: number;

  @WholeNumber(1024, 100 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Larger limit for CSV imports only. */
  @WholeNumber(1024, 500 * 1024 * 1024)
  IMPORT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional() @Flag()
  DEMO_SEED?: boolean;

  /** Run the scheduled jobs inside the API process (the default in embedded mode). */
  @IsOptional() @Flag()
  RUN_JOBS?: boolean;

  /**
   * Tests and operations only: `job-name=cron;other-job=cron` replaces those jobs' crons (Asia/Shanghai,
   * seconds field optional). The crons in code stay the defaults; unknown job names stop the start.
   */
  @Matches(/^(\s*[a-z][a-z0-9-]*\s*=[^;=]*[^;=\s][^;=]*(;|$))*\s*$/, { message: 'JOB_CRON_OVERRIDES must look like job-name=cron;other-job=cron' })
  JOB_CRON_OVERRIDES = '';

  /**
   * The API runs behind a reverse proxy that terminates TLS: client addresses and the scheme come
   * from X-Forwarded-For and X-Forwarded-Proto, so the refresh cookie is marked Secure. Required
   * in production, with an https PUBLIC_BASE_URL (the API itself serves plain HTTP only).
   */
  @Flag()
  TRUST_PROXY = false;

  /** Serve the OpenAPI document and Swagger UI at /api/docs (default: on, except in production). */
  @IsOptional() @Flag()
  DOCS_ENABLED?: boolean;

  /** The built web app (Vite's output), served at `/`; relative paths are from the repository root. */
  @IsString()
  WEB_DIST_DIR = 'dist/web';

  /**
   * The public web address of the registry (scheme and host, no trailing slash): a licence
   * certificate's QR code points to `<PUBLIC_BASE_URL>/verify/<licence number>`.
   */
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*$/, { message: 'PUBLIC_BASE_URL must be an http(s) address without a trailing slash, e.g. https://registry.mohrss.gov.cn' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Days before `expiresOn` at which renewal reminders go out, e.g. '90,60,30,7,1'. */
  @Matches(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, { message: 'REMINDER_OFFSETS must be a comma-separated list of day counts, e.g. 90,60,30,7,1' })
  REMINDER_OFFSETS = '90,60,30,7,1';

  /** Licences the reminder job handles per transaction: a failed batch is retried on the next run, earlier ones stay done. */
  @WholeNumber(1, 100_000)
  REMINDER_BATCH_SIZE = 5000;

  /** smtp://user:pass@host:port (or smtps://). Without it notifications stay in the inbox alone. */
  @IsOptional() @IsString()
  SMTP_URL?: string;

  /** Sender of notification emails. */
  @IsString()
  SMTP_FROM = 'Agency Registry <no-reply@agency-registry.example>';

  /** Validity of a new licence, and the extension a renewal grants, per licence type. */
  @WholeNumber(1, 20)
  LICENCE_VALIDITY_YEARS_HUMAN_RESOURCES_SERVICE = 5;

  @WholeNumber(1, 20)
  LICENCE_VALIDITY_YEARS_OVERSEAS_EMPLOYMENT = 5;

  @WholeNumber(1, 20)
  LICENCE_VALIDITY_YEARS_LABOUR_SERVICE_COOPERATION = 5;

  /** Complaint deadlines in working days (China's labour-inspection rules) and the urgent acknowledgement in hours. */
  @WholeNumber(1, 365)
  COMPLAINT_ACK_WORKING_DAYS = 5;

  @WholeNumber(1, 365)
  COMPLAINT_RESOLVE_WORKING_DAYS = 60;

  @WholeNumber(1, 365)
  COMPLAINT_EXTENSION_WORKING_DAYS = 30;

  @WholeNumber(1, 720)
  COMPLAINT_URGENT_ACK_HOURS = 24;

  @WholeNumber(1, 365)
  COMPLAINT_URGENT_RESOLVE_WORKING_DAYS = 15;

  /**
   * Where `npm run backup` and the daily `backup` job write. The job runs only when this is set;
   * with the embedded database it defaults to DATA_DIR/backups (on the database's disk: fine for
   * development, not for production).
   */
  @IsOptional() @IsString()
  BACKUP_DIR?: string;

  /**
   * Backups kept in BACKUP_DIR after a successful one: the newest BACKUP_KEEP, every one of the
   * last BACKUP_KEEP_DAYS days, and the newest of each week for 13 weeks; the rest are deleted.
   */
  @WholeNumber(1, 10_000)
  BACKUP_KEEP = 14;

  @WholeNumber(0, 3650)
  BACKUP_KEEP_DAYS = 14;

  /** A system admin may start the backup job by hand at most once in this many minutes (429 otherwise). */
  @WholeNumber(0, 1440)
  BACKUP_MANUAL_INTERVAL_MINUTES = 10;

  /**
   * Bearer token for GET /metrics. In production /metrics is served on the API's port only with it
   * (or on METRICS_PORT); elsewhere it is open unless this is set.
   */
  @IsOptional() @IsString() @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters long' })
  METRICS_TOKEN?: string;

  /** A separate port (e.g. reachable only from the monitoring network) where each API process serves /metrics. */
  @IsOptional() @WholeNumber(1, 65535)
  METRICS_PORT?: number;

  /** Port where the worker serves /metrics and /health; without it the worker serves none. */
  @IsOptional() @WholeNumber(1, 65535)
  WORKER_METRICS_PORT?: number;

  /**
   * OTLP address of the trace collector (e.g. `http://otel-collector:4318`): with it each process
   * sends OpenTelemetry traces of requests and SQL statements (apps/api/src/tracing.ts starts them
   * before this environment is read; here it is only checked). Without it nothing is traced.
   */
  @IsOptional() @IsString() @Matches(/^(https?:\/\/\S+)?$/, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// address' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The traces' service name; by default agency-registry-api for the API and agency-registry-worker for the worker. */
  @IsOptional() @IsString()
  OTEL_SERVICE_NAME?: string;

  /** Directory of the pg_dump and pg_restore to use, instead of choosing one by the server's version. */
  @IsOptional() @IsString()
  PG_BIN_DIR?: string;
}

export class ConfigurationError extends Error {}

/**
 * Validates the raw environment into an Environment, or throws a ConfigurationError that
 * names every bad variable. Production refuses to start without a real database and secret;
 * elsewhere a JWT secret is generated once and kept under DATA_DIR so tokens survive restarts.
 */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: false }).map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  // Retired rather than ignored: holidays set there would silently stop counting.
  if (typeof raw.HOLIDAYS === 'string' && raw.HOLIDAYS.trim() !== '') {
    problems.push('HOLIDAYS: retired; holidays and working weekend days are the working calendar now (GET/PUT /api/admin/working-calendar/:year)');
  }
  if (env.NODE_ENV === 'production') {
    if (!env.DATABASE_URL) problems.push('DATABASE_URL: required when NODE_ENV=production');
    if (!env.JWT_SECRET) problems.push('JWT_SECRET: required (at least 32 bytes) when NODE_ENV=production');
    if (!env.DATA_ENCRYPTION_KEY) problems.push('DATA_ENCRYPTION_KEY: required (32 bytes, hex or base64) when NODE_ENV=production');
    // The API serves plain HTTP: in production it must sit behind a TLS proxy it trusts, or the
    // refresh cookie goes out without Secure and sign-ins travel in clear.
    if (!env.PUBLIC_BASE_URL.startsWith('https://')) problems.push('PUBLIC_BASE_URL: must be an https address when NODE_ENV=production (the address users reach through the TLS proxy)');
    if (!env.TRUST_PROXY) problems.push('TRUST_PROXY: must be true when NODE_ENV=production: put the API behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto (see docs/security.md)');
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const embedded = !env.DATABASE_URL;
  env.DEMO_SEED ??= embedded && env.NODE_ENV !== 'production';
  env.RUN_JOBS ??= embedded;
  env.BACKUP_DIR ??= embedded ? join(env.DATA_DIR, 'backups') : undefined;
  env.DOCS_ENABLED ??= env.NODE_ENV !== 'production';
  env.JWT_SECRET ??= developmentJwtSecret(env.DATA_DIR);
  env.DATA_ENCRYPTION_KEY ??= developmentDataKey(env.DATA_DIR);
  return env;
}

/** Outside production, the data key is generated once into DATA_DIR (0600), as the embedded database's passwords are. */
function developmentDataKey(dataDir: string): string {
  const file = join(resolve(dataDir), 'data-encryption-key');
  if (existsSync(file)) {
    if (statSync(file).mode & 0o077) chmodSync(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
  const key = randomBytes(32).toString('base64');
  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function developmentJwtSecret(dataDir: string): string {
  const file = join(resolve(dataDir), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
