import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, Clock } from '@app/core';
import { NotificationListener } from '@app/database';
import { Actor } from './actor';

/** Announced when a user's sign-ins change (ended, disabled, re-enabled); payload: the user id. */
export const SESSION_CHANGES_CHANNEL = 'session_changes';

const MAX_USERS = 50_000;
/** A safety net only: every change is announced, so entries are evicted long before this. */
const TTL_MS = 5 * 60_000;

/**
 * A user's sign-in state as its owner reads it: whether the user is active (false when there is no
 * such user), and the sign-ins (refresh-token families) ended, other than by rotation, after `since`.
 * auth owns users and refresh tokens and sits above this lib, so it registers the reader at init.
 */
export type SessionStateReader = (userId: string, since: Date) => Promise<{ active: boolean; ended: string[] }>;

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
  private readonly listener: NotificationListener;
  /** Started on the first token checked: a process that checks none (the worker) never listens. */
  private starting: Promise<void> | undefined;
  private reader: SessionStateReader | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.listener = new NotificationListener({
      url: config.appDatabaseUrl,
      channel: SESSION_CHANGES_CHANNEL,
      applicationName: 'agency-registry-session-listener',
      whileDeaf: 'Session cache off (every request reads the database)',
      logger: this.logger,
      onMessage: (payload) => {
        if (payload) this.forget(payload);
      },
      onGapInHearing: () => this.clear(),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.starting;
    await this.listener.close();
  }

  /** auth registers (in onModuleInit) how a user's state is read; until then no token is live. */
  readStatesWith(reader: SessionStateReader): void {
    this.reader = reader;
  }

  /** Whether a token's actor may still act: its user active and its sign-in not ended. */
  async isLive(actor: Actor): Promise<boolean> {
    if (!actor.sessionId) return false;
    this.starting ??= this.listener.start();
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
    if (!this.listener.hearing) return undefined;
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
    if (!this.reader) throw new Error('No SessionStateReader registered: the auth module registers it at init');
    const read = await this.reader(userId, since);
    const state: UserSessions = { active: read.active, ended: new Set(read.ended), storedAt: Date.now() };
    if (this.listener.hearing && generation === this.generation) {
      if (this.users.size >= MAX_USERS) this.users.delete(this.users.keys().next().value as string);
      this.users.set(userId, state);
    }
    return state;
  }

  private clear(): void {
    this.generation += 1;
    this.users.clear();
  }
}
