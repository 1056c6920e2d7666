import { Empty } from 'antd';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { LicenceStatusTag } from '@/components/LicenceStatusTag';
import { Loading } from '@/components/Loading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { CertificateButton } from '@/components/CertificateButton';
import { useLicences } from './use-duties';

/**
 * An agency's licences, each with its certificate (A4 PDF with the QR code to its public
 * verification page). The licence page of the registry can reuse the button.
 */
export function CertificateLinks({ agencyId }: { agencyId: string }) {
  const t = useT().duties;
  const language = useLanguage();
  const licences = useLicences(agencyId);
  return (
    <section className="panel" aria-labelledby="certificates">
      <h2 id="certificates">{t.certificatesTitle}</h2>
      {licences.isPending && <Loading />}
      {licences.error && <ProblemAlert error={licences.error} />}
      {licences.data && licences.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noLicences} />}
      <ul className="duties-licences">
        {licences.data?.items.map((licence) => (
          <li key={licence.id}>
            <span>
              <strong>{licence.licenceNumber}</strong> <LicenceStatusTag status={licence.status} /> {t.validUntil(formatDate(licence.expiresOn, language))}
            </span>
            <CertificateButton licenceId={licence.id} licenceNumber={licence.licenceNumber} />
          </li>
        ))}
      </ul>
    </section>
  );
}
