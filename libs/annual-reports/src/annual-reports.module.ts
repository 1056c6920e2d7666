import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { NotificationsModule } from '@app/notifications';
import { AnnualReport } from './annual-report.entity';
import { AnnualReportSummaryService } from './annual-report-summary.service';
import { AnnualReportsController } from './annual-reports.controller';
import { AnnualReportsService } from './annual-reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([AnnualReport]), AgenciesModule, AuditModule, NotificationsModule],
  controllers: [AnnualReportsController],
  providers: [AnnualReportsService, AnnualReportSummaryService],
  exports: [AnnualReportsService, AnnualReportSummaryService],
})
export class AnnualReportsModule {}
