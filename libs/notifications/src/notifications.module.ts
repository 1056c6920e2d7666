import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { EmailDelivery } from './email-delivery';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The outbox (NotificationsService), the inbox routes and the `notification-delivery` job. */
@Module({
  imports: [AuditModule, SchedulerModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, EmailDelivery],
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
      description: 'Mails pending email notifications (SMTP_URL), retrying with exponential backoff, failed after 5 attempts',
      run: () => this.delivery.deliverPending(),
    });
  }
}
