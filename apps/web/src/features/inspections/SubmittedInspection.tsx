import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { formatDate, formatDeadline, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { NativeSelect } from '@/components/NativeSelect';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RESULTS } from './FindingItem';
import { type Detail, evidenceList, loadPending, savePending } from './pending-findings';
import { useAddAddendum } from './api/add-addendum';

type AddendumFields = { itemCode?: string; correctedResult?: components['schemas']['FindingResult']; note: string };

/** A submitted (or cancelled) inspection, read-only: outcome, findings, corrective actions, addenda. */
export function SubmittedInspection({ detail, mayAddAddendum }: { detail: Detail; mayAddAddendum: boolean }) {
  const t = useT();
  const language = useLanguage();
  const [form] = Form.useForm<AddendumFields>();
  const add = useAddAddendum(detail.id, {
    onSuccess: () => form.resetFields(),
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as keyof AddendumFields, errors: [e.message] })));
    },
  });
  // Changes this browser kept but could not send before the inspection was submitted: shown, never dropped silently.
  const [stranded, setStranded] = useState(() => Object.entries(loadPending(detail.id)));
  const discard = () => {
    savePending(detail.id, {});
    setStranded([]);
  };
  const sections = [...new Set(detail.findings.map((f) => f.section))];
  const submitted = detail.status === 'submitted' || detail.status === 'closed';
  return (
    <>
      <p className="muted">
        {t.inspector.inspection.meta(t.inspector.inspectionType[detail.type], formatDate(detail.inspectionDate, language))} · {t.inspector.inspectionStatus[detail.status]}
        {detail.leadInspectorName && ` · ${t.inspector.inspection.lead}: ${detail.leadInspectorName}`}
      </p>
      {detail.noteToAgency && (
        <p data-testid="note-to-agency">
          <strong>{t.inspector.plan.noteToAgency}:</strong> {detail.noteToAgency}
        </p>
      )}
      {detail.notes && (
        <p className="muted" data-testid="internal-notes">
          <strong>{t.inspector.plan.notes}:</strong> {detail.notes}
        </p>
      )}
      {stranded.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="stranded"
          title={t.inspector.inspection.stranded(stranded.length)}
          description={
            <ul className="plain-list">
              {stranded.map(([code, edit]) => (
                <li key={code}>
                  <strong>{code}</strong>: {t.inspector.result[edit.value.result]}
                  {edit.value.note.trim() && ` · ${edit.value.note}`}
                  {evidenceList(edit.value.evidence).length > 0 && ` · ${evidenceList(edit.value.evidence).join(', ')}`}
                </li>
              ))}
            </ul>
          }
          action={<Button onClick={discard}>{t.inspector.inspection.discard}</Button>}
        />
      )}
      {submitted ? <Alert type="info" showIcon title={t.inspector.inspection.readOnly} /> : <Alert type="info" showIcon title={t.inspector.inspection.notEditable} />}
      {detail.outcome && (
        <section className="panel" aria-labelledby="result-heading">
          <h2 id="result-heading">{t.inspector.inspection.result}</h2>
          <p className={`outcome-line ${detail.outcome}`} data-testid="outcome">
            <strong>{t.inspector.outcomeName[detail.outcome]}</strong> · {t.inspector.score} {detail.score} · {t.inspector.inspection.violationPoints(detail.violationPoints ?? 0)}
          </p>
          {detail.sanctionProposal && detail.sanctionProposal !== 'none' && (
            <p>
              {t.inspector.inspection.sanctionProposed}: {t.inspector.inspection.sanctionName[detail.sanctionProposal]}
              {detail.proposedFineAmount ? ` ¥${detail.proposedFineAmount}` : ''}
              {detail.proposedSuspensionDays ? ` (${detail.proposedSuspensionDays})` : ''}
            </p>
          )}
          {detail.case && (
            <p data-testid="inspection-case">
              {t.inspector.inspection.caseOpened}: <Link to={`/cases/${detail.case.id}`}>{detail.case.caseNumber}</Link>
            </p>
          )}
        </section>
      )}
      {sections.map((section) => (
        <section key={section} className="checklist-section" aria-labelledby={`heading-${section}`}>
          <h2 id={`heading-${section}`}>{t.inspector.sections[section] ?? section}</h2>
          <ul className="finding-readonly">
            {detail.findings
              .filter((f) => f.section === section)
              .map((f) => (
                <li key={f.itemCode} data-item={f.itemCode} className={`result-${f.result ?? 'not_checked'}`}>
                  <span className="finding-code">{f.itemCode}</span> <span className={`criticality ${f.criticality}`}>{t.inspector.criticality[f.criticality as 'critical' | 'major' | 'minor']}</span>{' '}
                  <strong>{t.inspector.result[f.result ?? 'not_checked']}</strong>
                  <div>{language === 'en' ? f.textEn : f.textZh}</div>
                  {f.legalBasis && (
                    <div className="muted small">
                      {t.inspector.inspection.legalBasis}: {f.legalBasis}
                    </div>
                  )}
                  {f.note && <div className="muted">{f.note}</div>}
                  {f.evidence.length > 0 && <div className="muted small">{f.evidence.join(', ')}</div>}
                </li>
              ))}
          </ul>
        </section>
      ))}
      {detail.correctiveActions.length > 0 && (
        <section className="panel" aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t.inspector.inspection.correctiveActions}</h2>
          <ul className="plain-list">
            {detail.correctiveActions.map((action) => (
              <li key={action.id}>
                <strong>{action.itemCode}</strong> · {t.inspector.actions.statusName[action.status]} · {t.inspector.actions.due} {formatDeadline(action.dueOn, language)}
              </li>
            ))}
          </ul>
          <Link to={`/corrective-actions?inspectionId=${detail.id}`}>{t.inspector.nav.correctiveActions}</Link>
        </section>
      )}
      <section className="panel" aria-labelledby="addenda-heading">
        <h2 id="addenda-heading">{t.inspector.inspection.addenda}</h2>
        {detail.addenda.length === 0 ? (
          <p className="muted">{t.inspector.inspection.noAddenda}</p>
        ) : (
          <ul className="plain-list" data-testid="addenda">
            {detail.addenda.map((a) => (
              <li key={a.id}>
                {a.itemCode && <strong>{a.itemCode} </strong>}
                {a.correctedResult && <span>→ {t.inspector.result[a.correctedResult]} </span>}
                {a.note}
                <div className="muted small">{t.inspector.inspection.by(a.authorUsername, formatDate(a.createdAt, language, true))}</div>
              </li>
            ))}
          </ul>
        )}
        {mayAddAddendum && submitted && (
          <Form<AddendumFields> form={form} layout="vertical" onFinish={(fields) => add.mutate({ note: fields.note, ...(fields.itemCode ? { itemCode: fields.itemCode } : {}), ...(fields.correctedResult ? { correctedResult: fields.correctedResult } : {}) })} className="addendum-form">
            <h3>{t.inspector.inspection.addAddendum}</h3>
            <Form.Item name="itemCode" label={t.inspector.inspection.addendumItem}>
              <NativeSelect placeholder={t.inspector.none} options={detail.findings.map((f) => ({ value: f.itemCode, label: f.itemCode }))} />
            </Form.Item>
            <Form.Item name="correctedResult" label={t.inspector.inspection.addendumResult}>
              <NativeSelect placeholder={t.inspector.none} options={RESULTS.map((r) => ({ value: r, label: t.inspector.result[r] }))} />
            </Form.Item>
            <Form.Item name="note" label={t.inspector.inspection.addendumNote} rules={[{ required: true, whitespace: true, message: t.inspector.plan.required }]}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            <Button htmlType="submit" loading={add.isPending}>
              {t.inspector.inspection.addAddendum}
            </Button>
            {add.error && !(add.error instanceof ApiProblem && add.error.errors.length > 0) && <ProblemAlert error={add.error} />}
          </Form>
        )}
      </section>
    </>
  );
}
