import { Button } from 'antd';
import { useState } from 'react';
import { downloadListCsv, type ExportableList } from '@/lib/api/download-csv';
import { ProblemAlert } from './ProblemAlert';

/** "Download CSV" on an officials' list: every row of the list's filters, not just the page shown. */
export function CsvDownloadButton({ path, query, label }: { path: ExportableList; query: Record<string, unknown>; label: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const onClick = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await downloadListCsv(path, query);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="no-print">
      <Button onClick={() => void onClick()} loading={busy} data-testid={`download-csv-${path.slice(5)}`}>
        {label}
      </Button>
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
}
