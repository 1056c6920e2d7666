import { Button } from 'antd';
import { useState } from 'react';
import { api } from '@/api/client';
import { useT } from '@/app/i18n/use-i18n';
import { saveBlob } from '@/utils/save-blob';
import { ProblemAlert } from './ProblemAlert';

/** Saves the licence's certificate (A4 PDF with the QR code to its public verification page). */
async function downloadCertificate(licenceId: string, licenceNumber: string): Promise<void> {
  const result = await api.GET('/api/licences/{id}/certificate.pdf', { params: { path: { id: licenceId } }, parseAs: 'blob' });
  saveBlob(result.data as unknown as Blob, `licence-${licenceNumber}.pdf`);
}

/** The certificate download, for the agency's own pages and the registry's licence page (signed-in: its texts are the workspace's). */
export function CertificateButton({ licenceId, licenceNumber }: { licenceId: string; licenceNumber: string }) {
  const t = useT().duties;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const onClick = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await downloadCertificate(licenceId, licenceNumber);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => void onClick()} loading={busy} data-testid={`certificate-${licenceNumber}`}>
        {t.downloadCertificate}
      </Button>
      {error ? <ProblemAlert error={error} /> : null}
    </>
  );
}
