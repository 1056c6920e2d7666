import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { WorkingCalendarModule } from '@app/calendar';
import { ComplaintsModule } from '@app/complaints';
import { LicensingModule } from '@app/licensing';
import { NotificationsModule } from '@app/notifications';
import { EnforcementModule } from '@app/enforcement';
import { ReserveFundAccount, ReserveFundEntry, ReserveFundTopUp } from './reserve-fund.entity';
import { ReserveFundsController } from './reserve-funds.controller';
import { ReserveFundsService } from './reserve-funds.service';
import { ReserveFundTopUpsJob } from './jobs/reserve-fund-top-ups.job';

@Module({
  imports: [TypeOrmModule.forFeature([ReserveFundAccount, ReserveFundEntry, ReserveFundTopUp]), AgenciesModule, AuditModule, WorkingCalendarModule, ComplaintsModule, LicensingModule, NotificationsModule, EnforcementModule],
  controllers: [ReserveFundsController],
  providers: [ReserveFundsService, ReserveFundTopUpsJob],
  exports: [ReserveFundsService],
})
export class ReserveFundsModule {}
