import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { EmailDelivery } from './email-delivery';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxMetrics } from './outbox-metrics';

/** The outbox (NotificationsService), the inbox routes and the `notification-delivery` job (EmailDelivery). */
@Module({
  imports: [AuditModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, EmailDelivery, OutboxMetrics],
  exports: [NotificationsService, EmailDelivery],
})
export class NotificationsModule {}
