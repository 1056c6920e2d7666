import { Alert, Button } from 'antd';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ConflictDialog } from './ConflictDialog';
import { FindingItem } from './FindingItem';
import { type Detail, serverValue } from './pending-findings';
import { SubmitPanel } from './SubmitPanel';
import { type SyncStatus, useFindingsSync } from './use-findings-sync';

/** The checklist by section, every change saved as it is made (or kept until the connection returns). */
export function ChecklistEditor({ initial }: { initial: Detail }) {
  const t = useT();
  const language = useLanguage();
  const sync = useFindingsSync(initial);
  const { detail, pending } = sync;
  const waiting = Object.keys(pending).length;
  const valueOf = (finding: Detail['findings'][number]) => pending[finding.itemCode]?.value ?? serverValue(finding);
  const sections = [...new Set(detail.findings.map((f) => f.section))].map((section) => {
    const findings = detail.findings.filter((f) => f.section === section);
    return { section, findings, done: findings.filter((f) => valueOf(f).result !== 'not_checked').length };
  });
  const done = sections.reduce((sum, s) => sum + s.done, 0);
  return (
    <>
      <p className="muted">
        {t.inspector.inspection.meta(t.inspector.inspectionType[detail.type], formatDate(detail.inspectionDate, language))} · {t.inspector.inspectionStatus[detail.status]}
        {detail.leadInspectorName && ` · ${t.inspector.inspection.lead}: ${detail.leadInspectorName}`}
      </p>
      <div className="sync-bar">
        <SyncBadge status={sync.status} waiting={waiting} />
        <span className="muted" data-testid="progress">
          {t.inspector.inspection.progress(done, detail.findings.length)}
        </span>
        <progress value={done} max={detail.findings.length} aria-label={t.inspector.inspection.progress(done, detail.findings.length)} />
      </div>
      {sync.status === 'failed' && <ProblemAlert error={sync.error} onRetry={() => void sync.retry()} />}
      <nav className="section-index" aria-label={t.inspector.inspection.progress(done, detail.findings.length)}>
        {sections.map(({ section, findings, done: sectionDone }) => (
          <a key={section} href={`#section-${section}`} className={sectionDone === findings.length ? 'complete' : ''}>
            {t.inspector.sections[section] ?? section} {t.inspector.inspection.sectionProgress(sectionDone, findings.length)}
          </a>
        ))}
      </nav>
      {sections.map(({ section, findings, done: sectionDone }) => (
        <section key={section} id={`section-${section}`} className="checklist-section" aria-labelledby={`heading-${section}`}>
          <h2 id={`heading-${section}`}>
            {t.inspector.sections[section] ?? section} <span className="muted section-progress">{t.inspector.inspection.sectionProgress(sectionDone, findings.length)}</span>
          </h2>
          {findings.map((finding) => (
            <FindingItem key={finding.itemCode} finding={finding} value={valueOf(finding)} unsaved={!!pending[finding.itemCode]} onChange={sync.edit} />
          ))}
        </section>
      ))}
      <SubmitPanel detail={detail} waiting={waiting} syncStatus={sync.status} />
      <ConflictDialog detail={detail} pending={pending} conflicts={sync.conflicts} onResolve={sync.resolve} />
      {sync.status === 'offline' && waiting > 0 && (
        <Alert type="warning" showIcon title={t.inspector.inspection.offline(waiting)} className="offline-float" />
      )}
    </>
  );
}

function SyncBadge({ status, waiting }: { status: SyncStatus; waiting: number }) {
  const t = useT();
  const text =
    status === 'conflict'
      ? t.inspector.inspection.conflict
      : status === 'offline'
        ? t.inspector.inspection.offline(waiting)
        : status === 'failed'
          ? t.inspector.inspection.failed(waiting)
          : status === 'saving' || waiting > 0
            ? t.inspector.inspection.saving
            : t.inspector.inspection.saved;
  const tone = status === 'conflict' || status === 'failed' ? 'bad' : status === 'offline' ? 'warn' : status === 'saving' || waiting > 0 ? 'busy' : 'ok';
  return (
    <span className={`sync-status ${tone}`} role="status" aria-live="polite" data-testid="sync-status" data-state={status === 'saved' && waiting > 0 ? 'saving' : status}>
      {text}
    </span>
  );
}

export function RetryButton({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return <Button onClick={onRetry}>{t.inspector.retry}</Button>;
}
