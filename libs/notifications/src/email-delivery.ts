import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@app/core';
import { AuditService } from '@app/audit';
import { JobCounts, ScheduledJob } from '@app/scheduler';
import { renderNotification } from './notification-templates';

/** After this many failed attempts a notification is marked failed and no longer retried. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** Backoff before retry n (1-based): 1, 2, 4, 8 minutes. */
export const RETRY_BASE_MS = 60_000;
const BATCH_SIZE = 100;

export function retryDelayMs(attempt: number): number {
  return RETRY_BASE_MS * 2 ** (attempt - 1);
}

interface Claimed {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  email: string | null;
}

/**
 * Mails pending email notifications. A batch is first claimed in a short transaction (attempts
 * counted, next attempt pushed back by the backoff, rows locked with SKIP LOCKED so concurrent
 * senders take different rows); then each is sent and its outcome recorded. A process that dies
 * after claiming leaves the rows to be retried after the backoff: delivery is at least once,
 * the best SMTP allows.
 */
@Injectable()
export class EmailDelivery implements OnModuleDestroy {
  private transport: Transporter | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  @ScheduledJob({
    name: 'notification-delivery',
    cron: '* * * * *',
    description: {
      en: 'Mails pending email notifications (SMTP_URL), retrying with exponential backoff, failed after 5 attempts',
      zh: '发送待发的电子邮件通知(SMTP_URL),失败后按指数退避重试,5 次后标为失败',
    },
  })
  async deliverPending(): Promise<JobCounts> {
    const smtpUrl = this.config.get('SMTP_URL');
    if (!smtpUrl) return { sent: 0, retried: 0, failed: 0 };
    this.transport ??= createTransport(smtpUrl);
    const counts = { sent: 0, retried: 0, failed: 0 };
    const claimed = await this.claim();
    for (const notification of claimed) {
      const outcome = await this.send(notification);
      counts[outcome] += 1;
    }
    if (claimed.length > 0) {
      await this.dataSource.transaction((manager) => this.audit.record(manager, { action: 'notification.deliver', entityType: 'notification', after: counts }));
    }
    return counts;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.clock.now();
    // Allowed cross-domain SQL: notifications sits below auth; a recipient's address is read in the claim.
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications n
          SET attempts = n.attempts + 1,
              next_attempt_at = $1::timestamptz + make_interval(secs => $2::double precision * power(2, n.attempts) / 1000)
         FROM users u
        WHERE u.id = n.recipient_user_id
          AND n.id IN (SELECT id FROM notifications
                        WHERE status = 'pending' AND channel = 'email' AND next_attempt_at <= $1
                        ORDER BY next_attempt_at LIMIT $3
                        FOR UPDATE SKIP LOCKED)
        RETURNING n.id, n.kind, n.payload, n.attempts, u.email`,
      [now, RETRY_BASE_MS, BATCH_SIZE],
    )) as [Claimed[], number];
    return rows;
  }

  private async send(notification: Claimed): Promise<'sent' | 'retried' | 'failed'> {
    try {
      if (!notification.email) throw new Error('the recipient has no email address');
      const message = renderNotification(notification.kind, notification.payload);
      await (this.transport as Transporter).sendMail({
        from: this.config.get('SMTP_FROM'),
        to: notification.email,
        subject: message.subject,
        text: message.text,
        headers: { 'Content-Language': 'zh-CN, en' },
      });
      await this.dataSource.query(`UPDATE notifications SET status = 'sent', sent_at = $2, next_attempt_at = NULL, last_error = NULL WHERE id = $1`, [notification.id, this.clock.now()]);
      return 'sent';
    } catch (error: unknown) {
      const giveUp = notification.attempts >= MAX_DELIVERY_ATTEMPTS;
      await this.dataSource.query(
        `UPDATE notifications SET status = $2, last_error = $3, next_attempt_at = CASE WHEN $2 = 'failed' THEN NULL ELSE next_attempt_at END WHERE id = $1`,
        [notification.id, giveUp ? 'failed' : 'pending', (error instanceof Error ? error.message : String(error)).slice(0, 1000)],
      );
      return giveUp ? 'failed' : 'retried';
    }
  }
}
