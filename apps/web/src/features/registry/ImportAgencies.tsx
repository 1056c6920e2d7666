import { Alert, Button } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '@/lib/api/problem';
import { useT } from '@/lib/i18n/use-i18n';
import { ListTable, WRAP } from '@/components/ListTable';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useImportAgencies } from './use-registry';
import '@/components/styles/text-table.css';

interface RowProblem {
  line?: number;
  field: string;
  message: string;
}

/** CSV import: all rows or none; every refused row is listed against its line of the file. */
export function ImportAgencies() {
  const t = useT();
  const r = t.bureau.registry;
  const [file, setFile] = useState<File>();
  const upload = useImportAgencies();
  const problems: RowProblem[] = upload.error instanceof ApiProblem ? (upload.error.errors as RowProblem[]) : [];

  return (
    <section className="panel" aria-labelledby="import">
      <h2 id="import">{r.importTitle}</h2>
      <p className="page-intro">{r.importHelp}</p>
      <label htmlFor="import-file">{r.importFile}</label>{' '}
      <input
        id="import-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          setFile(event.target.files?.[0]);
          upload.reset();
        }}
      />
      <div style={{ marginTop: 12 }}>
        <Button type="primary" disabled={!file} loading={upload.isPending} onClick={() => file && void file.text().then((text) => upload.mutate(text))}>
          {r.importButton}
        </Button>
      </div>
      {upload.data && <Alert style={{ marginTop: 12 }} type="success" showIcon role="status" data-testid="import-done" title={r.imported(upload.data.imported)} />}
      {upload.error && (
        <div style={{ marginTop: 12 }} data-testid="import-problems">
          <ProblemAlert error={upload.error} />
          {problems.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <ListTable
                bounded
                label={r.rowProblems}
                caption={r.rowProblems}
                testId="import-row-problems"
                className="text-table"
                items={problems.map((problem, index) => ({ ...problem, index }))}
                rowKey={(problem) => String(problem.index)}
                rowData={(problem): Record<`data-${string}`, number> => (problem.line === undefined ? {} : { 'data-line': problem.line })}
                columns={[
                  { header: r.line, cell: (problem) => problem.line ?? '—' },
                  { header: r.column, cell: (problem) => problem.field, cellProps: { style: { textAlign: 'left' } } },
                  { header: r.problem, cell: (problem) => problem.message, cellProps: WRAP },
                ]}
              />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
