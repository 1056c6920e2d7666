import { Alert, Button, Input, Progress, Radio, message as antMessage } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '@/lib/i18n/use-i18n';
import { ActionProblem } from '@/components/ActionProblem';
import { useSelfAssessmentActions, type AnswerInput, type AnswerValue, type SelfAssessmentDetail } from './use-self-assessments';

const ANSWERS: AnswerValue[] = ['yes', 'partly', 'no', 'not_applicable'];
type Draft = Record<string, { answer?: AnswerValue; comment?: string }>;

/** The agency's form, by section: answers and comments, saved on request and resumed from the server. */
export function AnswerForm({ assessment }: { assessment: SelfAssessmentDetail }) {
  const t = useT();
  const s = t.bureau.selfAssessments;
  const [message, holder] = antMessage.useMessage();
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(assessment.answers.map((a) => [a.itemCode, { answer: a.answer ?? undefined, comment: a.comment ?? undefined }])));
  const [dirty, setDirty] = useState(false);
  const [version, setVersion] = useState(assessment.version);
  const { save, submit } = useSelfAssessmentActions(assessment.id);
  const sections = useMemo(() => groupBySection(assessment.answers), [assessment.answers]);
  const answered = assessment.answers.filter((a) => draft[a.itemCode]?.answer).length;
  const total = assessment.answers.length;

  const change = (code: string, patch: Partial<Draft[string]>) => {
    setDraft((current) => ({ ...current, [code]: { ...current[code], ...patch } }));
    setDirty(true);
  };
  const inputs = (): AnswerInput[] =>
    assessment.answers
      .filter((a) => draft[a.itemCode]?.answer)
      .map((a) => {
        const { answer, comment } = draft[a.itemCode] ?? {};
        return { itemCode: a.itemCode, answer: answer as AnswerValue, ...(comment?.trim() ? { comment: comment.trim() } : {}) };
      });
  const onSave = () =>
    save.mutate(
      { answers: inputs(), version },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          setDirty(false);
          void message.success(s.saved);
        },
      },
    );
  const onSubmit = () => submit.mutate({ answers: inputs(), version });
  const error = save.error ?? submit.error;

  return (
    <section className="panel" aria-labelledby="answer-form">
      {holder}
      <div className="panel-heading">
        <h2 id="answer-form">{s.formTitle}</h2>
        <span data-testid="progress">{s.progress(answered, total)}</span>
      </div>
      <Progress percent={Math.round((answered / Math.max(total, 1)) * 100)} aria-label={s.progress(answered, total)} />
      <p className="page-intro">{s.formHelp}</p>
      {sections.map(([section, items]) => {
        const done = items.filter((item) => draft[item.itemCode]?.answer).length;
        return (
          <fieldset key={section} className="sa-section" data-section={section}>
            <legend>
              {(s.sections as Record<string, string>)[section] ?? section}{' '}
              <span className="agency-meta-inline">{s.progress(done, items.length)}</span>
            </legend>
            {items.map((item) => (
              <div key={item.itemCode} className="sa-item" data-item={item.itemCode}>
                <p id={`q-${item.itemCode}`} className="sa-question">
                  <strong>{item.itemCode}</strong> {t.bureau.common.pickText(item.textZh, item.textEn)}
                </p>
                <Radio.Group
                  aria-labelledby={`q-${item.itemCode}`}
                  value={draft[item.itemCode]?.answer}
                  onChange={(event) => change(item.itemCode, { answer: event.target.value as AnswerValue })}
                  options={ANSWERS.map((value) => ({ value, label: s.answer[value] }))}
                />
                <Input.TextArea
                  aria-label={s.commentOn(item.itemCode)}
                  placeholder={s.comment}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={4000}
                  value={draft[item.itemCode]?.comment}
                  onChange={(event) => change(item.itemCode, { comment: event.target.value })}
                  style={{ marginTop: 6 }}
                />
              </div>
            ))}
          </fieldset>
        );
      })}
      {dirty && <Alert type="info" showIcon title={s.unsaved} style={{ marginBottom: 12 }} />}
      {error && (
        <div style={{ marginBottom: 12 }}>
          <ActionProblem error={error} />
        </div>
      )}
      <div className="sa-actions">
        <Button onClick={onSave} loading={save.isPending} data-testid="save-answers">
          {s.save}
        </Button>
        <Button type="primary" onClick={onSubmit} loading={submit.isPending} disabled={answered < total} data-testid="submit-answers">
          {assessment.status === 'returned' ? s.resubmit : s.submit}
        </Button>
        {answered < total && <span className="agency-meta-inline">{s.missing(total - answered)}</span>}
      </div>
    </section>
  );
}

export function groupBySection<T extends { section: string }>(items: T[]): [string, T[]][] {
  const sections = new Map<string, T[]>();
  for (const item of items) sections.set(item.section, [...(sections.get(item.section) ?? []), item]);
  return [...sections.entries()];
}
