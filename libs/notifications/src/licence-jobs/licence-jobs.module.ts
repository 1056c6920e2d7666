import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { LicensingModule } from '@app/licensing';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { NotificationsModule } from '../notifications.module';
import { LicenceExpiryJob } from './licence-expiry.job';
import { LicenceRenewalRemindersJob } from './licence-renewal-reminders.job';

/**
 * The licence jobs: renewal reminders and expiry. Kept apart from NotificationsModule (and
 * imported from '@app/notifications/licence-jobs') so that licensing can itself use the outbox
 * one day without an import cycle.
 */
@Module({
  imports: [LicensingModule, NotificationsModule, SchedulerModule, AuditModule],
  providers: [LicenceRenewalRemindersJob, LicenceExpiryJob],
  exports: [LicenceRenewalRemindersJob, LicenceExpiryJob],
})
export class LicenceJobsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly reminders: LicenceRenewalRemindersJob,
    private readonly expiry: LicenceExpiryJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.reminders.definition);
    this.jobs.register(this.expiry.definition);
  }
}
