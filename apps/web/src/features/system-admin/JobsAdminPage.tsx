import { Alert, Button } from 'antd';
import type { components } from '@/lib/api/schema';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useJobs } from './api/get-jobs';
import { useRunJob } from './api/run-job';
import '@/components/styles/dashboard.css';

type JobRun = components['schemas']['JobRunView'];
type RunStatus = components['schemas']['JobRunStatus'];

const STATUS_CLASSES: Record<RunStatus, string> = { running: 'info', succeeded: 'ok', failed: 'bad', abandoned: 'warn', skipped: 'off' };

/** The scheduled jobs, each with its last runs (counts, errors) and "run now". */
export function JobsAdminPage() {
  const t = useT();
  const language = useLanguage();
  const jobs = useJobs(language);
  const run = useRunJob();
  const status = (s: string) => t.jobsAdmin.statuses[s as RunStatus] ?? s;
  const when = (value: string | null | undefined) => (value ? formatDate(value, language, true) : '—');
  const counts = (r: JobRun) =>
    r.counts && Object.keys(r.counts).length
      ? Object.entries(r.counts)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')
      : '—';

  return (
    <div className="stack wide-page">
      <PageHeading title={t.jobsAdmin.title} intro={t.jobsAdmin.intro} />
      {run.data && <Alert type={run.data.status === 'failed' ? 'error' : 'success'} showIcon title={t.jobsAdmin.ran(run.data.jobName, status(run.data.status))} data-testid="run-result" />}
      {run.error && <ProblemAlert error={run.error} />}
      {jobs.isPending && <Loading />}
      {jobs.error && <ProblemAlert error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.data?.map((job) => (
        <section key={job.name} className="panel" aria-labelledby={`job-${job.name}`} data-testid={`job-${job.name}`}>
          <div className="panel-heading">
            <h2 id={`job-${job.name}`}>
              <code>{job.name}</code>
            </h2>
            <Button onClick={() => run.mutate(job.name)} loading={run.isPending && run.variables === job.name} disabled={run.isPending}>
              {t.jobsAdmin.runNow}
            </Button>
          </div>
          <p className="page-intro">{job.description}</p>
          <p>
            {t.jobsAdmin.cron}: <code>{job.cron}</code>
          </p>
          {job.recentRuns.length === 0 ? (
            <p>{t.jobsAdmin.never}</p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={`${job.name} · ${t.jobsAdmin.recentRuns}`}>
              <table className="figures audit-table" data-testid="job-runs">
                <caption className="visually-hidden">{t.jobsAdmin.recentRuns}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.jobsAdmin.startedAt}</th>
                    <th scope="col">{t.jobsAdmin.finishedAt}</th>
                    <th scope="col">{t.jobsAdmin.status}</th>
                    <th scope="col">{t.jobsAdmin.triggeredBy}</th>
                    <th scope="col">{t.jobsAdmin.counts}</th>
                    <th scope="col">{t.jobsAdmin.error}</th>
                  </tr>
                </thead>
                <tbody>
                  {job.recentRuns.map((r, index) => (
                    <tr key={r.id ?? index}>
                      <td>{when(r.startedAt)}</td>
                      <td>{when(r.finishedAt)}</td>
                      <td>
                        <span className={`status-tag ${STATUS_CLASSES[r.status]}`}>{status(r.status)}</span>
                      </td>
                      <td>{r.triggeredBy ?? '—'}</td>
                      <td style={{ whiteSpace: 'normal' }}>{counts(r)}</td>
                      <td style={{ whiteSpace: 'normal' }}>{r.error ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
