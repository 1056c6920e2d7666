import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { EmailDelivery } from './email-delivery';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxMetrics } from './outbox-metrics';

/** The outbox (NotificationsService), the inbox routes and the `notification-delivery` job. */
@Module({
  imports: [AuditModule, SchedulerModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, EmailDelivery, OutboxMetrics],
  exports: [NotificationsService, EmailDelivery],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly delivery: EmailDelivery,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'notification-delivery',
      cron: '* * * * *',
      description: {
      en: 'Mails pending email notifications (SMTP_URL), retrying with exponential backoff, failed after 5 attempts',
      zh: '发送待发的电子邮件通知(SMTP_URL),失败后按指数退避重试,5 次后标为失败',
    },
      run: () => this.delivery.deliverPending(),
    });
  }
}
