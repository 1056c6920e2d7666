import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { WorkingCalendarModule } from '@app/calendar';
import { ComplaintsModule } from '@app/complaints';
import { LicensingModule } from '@app/licensing';
import { NotificationsModule } from '@app/notifications';
import { ReserveFundAccount, ReserveFundEntry, ReserveFundTopUp, ReserveFundVerification } from './reserve-fund.entity';
import { ReserveFundsController } from './reserve-funds.controller';
import { ReserveFundsService } from './reserve-funds.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReserveFundAccount, ReserveFundEntry, ReserveFundTopUp, ReserveFundVerification]), AgenciesModule, AuditModule, WorkingCalendarModule, ComplaintsModule, LicensingModule, NotificationsModule],
  controllers: [ReserveFundsController],
  providers: [ReserveFundsService],
  exports: [ReserveFundsService],
})
export class ReserveFundsModule {}
