import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock } from '@app/core';
import { Actor } from './actor';

/** Announced when a user's sign-ins change (ended, disabled, re-enabled); payload: the user id. */
export const SESSION_CHANGES_CHANNEL = 'session_changes';

const MAX_USERS = 50_000;
/** A safety net only: every change is announced, so entries are evicted long before this. */
const TTL_MS = 5 * 60_000;

interface UserSessions {
  active: boolean;
  /** Sign-ins (refresh-token families) ended recently enough that their access tokens may still be unexpired. */
  ended: Set<string>;
  storedAt: number;
}

/**
 * Whether an access token's sign-in is still live: its user active and its session (the refresh
 * token family it was issued with) not ended. Each process loads a user's state once and keeps
 * it in memory, so a request costs no database round trip; a change is announced with NOTIFY in
 * the transaction that makes it, which every API process hears at commit, and is evicted locally
 * right after commit by the caller (`forget`). While the LISTEN connection is down nothing is
 * cached: every request then reads the database, as a revocation could go unheard.
 */
@Injectable()
export class LiveSessions implements OnModuleDestroy {
  private readonly logger = new Logger(LiveSessions.name);
  private readonly users = new Map<string, UserSessions>();
  private generation = 0;
  private listener: Client | undefined;
  /** Started on the first token checked: a process that checks none (the worker) never listens. */
  private starting: Promise<void> | undefined;
  private listening = false;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.starting;
    await this.listener?.end().catch(() => undefined);
  }

  /** Whether a token's actor may still act: its user active and its sign-in not ended. */
  async isLive(actor: Actor): Promise<boolean> {
    if (!actor.sessionId) return false;
    this.starting ??= this.listen();
    const state = this.cached(actor.userId) ?? (await this.load(actor.userId));
    return state.active && !state.ended.has(actor.sessionId);
  }

  /** Inside the transaction that ends sign-ins or changes the user's status: tells every process at commit. */
  async announce(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [SESSION_CHANGES_CHANNEL, userId]);
    this.forget(userId);
  }

  /** After that transaction commits: this process need not wait for its own notification. */
  forget(userId: string): void {
    this.generation += 1;
    this.users.delete(userId);
  }

  private cached(userId: string): UserSessions | undefined {
    if (!this.listening) return undefined;
    const state = this.users.get(userId);
    if (state && Date.now() - state.storedAt > TTL_MS) {
      this.users.delete(userId);
      return undefined;
    }
    return state;
  }

  private async load(userId: string): Promise<UserSessions> {
    const generation = this.generation;
    // An access token outlives the end of its session by at most its lifetime (plus clock skew).
    const since = new Date(this.clock.now().getTime() - (this.config.get('JWT_ACCESS_TTL_SECONDS') + 300) * 1000);
    const rows = (await this.dataSource.query(
      `SELECT u.status, coalesce(array_agg(r.family_id) FILTER (WHERE r.family_id IS NOT NULL), '{}') AS ended
         FROM users u
         LEFT JOIN refresh_tokens r ON r.user_id = u.id AND r.revoked_reason <> 'rotated' AND r.revoked_at > $2
        WHERE u.id = $1
        GROUP BY u.status`,
      [userId, since],
    )) as { status: string; ended: string[] }[];
    const state: UserSessions = { active: rows[0]?.status === 'active', ended: new Set(rows[0]?.ended ?? []), storedAt: Date.now() };
    if (this.listening && generation === this.generation) {
      if (this.users.size >= MAX_USERS) this.users.delete(this.users.keys().next().value as string);
      this.users.set(userId, state);
    }
    return state;
  }

  private async listen(): Promise<void> {
    const url = this.config.appDatabaseUrl;
    if (!url || this.closed) return;
    const client = new Client({ connectionString: url, application_name: 'agency-registry-session-listener' });
    client.on('notification', (message) => {
      if (message.payload) this.forget(message.payload);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANGES_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.listener = client;
      this.listening = true;
      // Anything cached before (re)connecting may have missed a notification.
      this.clear();
    } catch (error) {
      this.logger.warn(`Session cache off (every request reads the database) until it answers: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.retryLater();
    }
  }

  private clear(): void {
    this.generation += 1;
    this.users.clear();
  }

  private lost(client: Client): void {
    if (this.listener !== client) return;
    this.listening = false;
    this.listener = undefined;
    this.clear();
    this.retryLater();
  }

  private retryLater(): void {
    if (!this.closed) {
      setTimeout(() => {
        this.starting = this.listen();
      }, 2_000).unref();
    }
  }
}
