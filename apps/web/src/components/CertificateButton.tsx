import { Button } from 'antd';
import { useState } from 'react';
import { downloadCertificate } from '@/lib/api/certificate';
import { useT } from '@/lib/i18n/use-i18n';
import { ProblemAlert } from './ProblemAlert';

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
