import { Module } from '@nestjs/common';
import { AgenciesModule } from '@app/agencies';
import { DocumentsModule } from '@app/documents';
import { LicensingModule } from '@app/licensing';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [AgenciesModule, DocumentsModule, LicensingModule],
  controllers: [CertificatesController],
  providers: [CertificatesService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
