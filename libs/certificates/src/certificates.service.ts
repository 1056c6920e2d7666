import { Injectable } from '@nestjs/common';
import { AgenciesService } from '@app/agencies';
import { Actor } from '@app/access';
import { AppConfig, Clock } from '@app/core';
import { PdfRenderer } from '@app/documents';
import { LicencesService } from '@app/licensing';
import { CertificateData } from './certificate';

/**
 * Licence certificates: the licence read in the caller's scope (404 outside it), rendered as a PDF
 * in a worker thread and cached per licence version and print date (and whatever else it shows:
 * the key is a hash of it all), so a second fetch the same day is a file read.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly licences: LicencesService,
    private readonly agencies: AgenciesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly pdf: PdfRenderer,
  ) {}

  async certificate(actor: Actor, licenceId: string): Promise<{ licenceNumber: string; pdf: Buffer }> {
    const licence = await this.licences.view(actor, licenceId);
    const agency = await this.agencies.get(actor, licence.agencyId);
    const data: CertificateData = {
      licenceNumber: licence.licenceNumber,
      licenceType: licence.licenceType,
      status: licence.status,
      agencyNameZh: licence.agencyNameZh,
      agencyNameEn: licence.agencyNameEn,
      uscc: agency.uscc,
      activities: licence.scope.activities,
      destinationCountries: licence.scope.destinationCountries,
      validFrom: licence.validFrom,
      expiresOn: licence.expiresOn,
      issuedByBureauName: licence.issuedByBureauName,
      conditions: licence.conditions,
      verifyUrl: verifyUrl(this.config.get('PUBLIC_BASE_URL'), licence.licenceNumber),
      printedOn: this.clock.today(),
    };
    const pdf = await this.pdf.cached('certificates', licence.id, { version: licence.version, data }, () => this.pdf.render(require.resolve('./certificate'), 'renderCertificate', data));
    return { licenceNumber: licence.licenceNumber, pdf };
  }
}

export function verifyUrl(base: string, licenceNumber: string): string {
  return `${base.replace(/\/+$/, '')}/verify/${encodeURIComponent(licenceNumber)}`;
}
