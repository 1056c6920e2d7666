import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { NotificationsModule } from '@app/notifications';
import { EnforcementModule } from '@app/enforcement';
import { PlacementsModule } from '@app/placements';
import { AnnualReport } from './annual-report.entity';
import { AnnualReportSummaryService } from './annual-report-summary.service';
import { AnnualReportsController } from './annual-reports.controller';
import { AnnualReportsService } from './annual-reports.service';
import { AnnualReportDeadlinesJob } from './jobs/annual-report-deadlines.job';

@Module({
  imports: [TypeOrmModule.forFeature([AnnualReport]), AgenciesModule, AuditModule, NotificationsModule, EnforcementModule, PlacementsModule],
  controllers: [AnnualReportsController],
  providers: [AnnualReportsService, AnnualReportSummaryService, AnnualReportDeadlinesJob],
  exports: [AnnualReportsService, AnnualReportSummaryService],
})
export class AnnualReportsModule {}
