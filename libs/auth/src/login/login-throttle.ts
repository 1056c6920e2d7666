import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, Clock } from '@app/core';

export interface ThrottleState {
  /** Failures from this address for this username within the lock window. */
  failures: number;
  /** Whether the address must wait before its next attempt is even checked. */
  waiting: boolean;
}

/**
 * Failed sign-ins per username and client address. From LOGIN_MAX_FAILURES failures on, the
 * address waits 1 s, then 2, 4, 8 … (at most LOGIN_LOCK_MINUTES) between attempts; failures
 * older than LOGIN_LOCK_MINUTES are forgotten. Other addresses are not slowed down.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async state(manager: EntityManager, username: string, ip: string): Promise<ThrottleState> {
    const [row] = (await manager.query(`SELECT failures, last_failed_at FROM login_throttle WHERE username = $1 AND client_ip = $2`, [key(username), ip])) as {
      failures: number;
      last_failed_at: Date;
    }[];
    const now = this.clock.now().getTime();
    if (!row || row.last_failed_at.getTime() < now - this.windowMs()) return { failures: 0, waiting: false };
    return { failures: row.failures, waiting: now < row.last_failed_at.getTime() + this.delayMs(row.failures) };
  }

  async fail(manager: EntityManager, username: string, ip: string): Promise<void> {
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO login_throttle (username, client_ip, failures, last_failed_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (username, client_ip) DO UPDATE
         SET failures = CASE WHEN login_throttle.last_failed_at < $4 THEN 1 ELSE login_throttle.failures + 1 END,
             last_failed_at = $3`,
      [key(username), ip, now, new Date(now.getTime() - this.windowMs())],
    );
    // Forgotten rows go now and then, so guessed usernames do not pile up.
    if (Math.random() < 0.01) await manager.query(`DELETE FROM login_throttle WHERE last_failed_at < $1`, [new Date(now.getTime() - this.windowMs())]);
  }

  async succeed(manager: EntityManager, username: string, ip: string): Promise<void> {
    await manager.query(`DELETE FROM login_throttle WHERE username = $1 AND client_ip = $2`, [key(username), ip]);
  }

  /** An administrator's unlock forgives every address. */
  async forgive(manager: EntityManager, username: string): Promise<void> {
    await manager.query(`DELETE FROM login_throttle WHERE username = $1`, [key(username)]);
  }

  private windowMs(): number {
    return this.config.get('LOGIN_LOCK_MINUTES') * 60_000;
  }

  private delayMs(failures: number): number {
    const over = failures - this.config.get('LOGIN_MAX_FAILURES');
    return over < 0 ? 0 : Math.min(this.windowMs(), 1000 * 2 ** Math.min(over, 30));
  }
}

function key(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}
