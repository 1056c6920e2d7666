import { useEffect, useState } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Tag, Timeline, message as antMessage } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '@/lib/api/problem';
import { useRole } from '@/lib/auth/use-session';
import { formatDate, formatDeadline, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { ConfirmButton, type Confirmation } from '@/components/ConfirmButton';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { openCaseDocument, useCase, useCaseLicences, useCaseStep, useLicencesInForce, usePublishedSummaryDraft, useSanctionText, type CaseDetail, type CaseStep } from './use-cases';

/** A text the API gives in both languages, in the reader's. */
const pick = (text: { zh: string; en: string }, language: string) => (language === 'en' ? text.en : text.zh);

const PENDING = ['notice_served', 'representations', 'hearing_requested', 'hearing_held', 'opened'];

/** One case: facts, windows counting down in working days, documents, timeline, and the steps the reader may take. */
export function CasePage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const found = useCase(id);
  const sanctionText = useSanctionText();
  const c = found.data;

  return (
    <div className="stack wide-page">
      <PageHeading title={c ? t.enforcement.caseTitle(language === 'en' ? c.caseNumberEn : c.caseNumber) : t.enforcement.casesTitle} />
      {found.isPending && <Loading />}
      {found.error && <ProblemAlert error={found.error} onRetry={() => void found.refetch()} />}
      {c && (
        <>
          <section className="panel" aria-labelledby="case-facts">
            <h2 id="case-facts">{(language === 'en' ? c.agencyNameEn : undefined) ?? c.agencyNameZh}</h2>
            <dl className="facts">
              <dt>{t.enforcement.status}</dt>
              <dd data-testid="case-status">
                {t.enforcement[`status_${c.status}`]} {c.overdue && <Tag color="#a8071a">{t.enforcement.overdue}</Tag>}
              </dd>
              <dt>{t.enforcement.proposed}</dt>
              <dd>{sanctionText(c.proposedSanction, c.proposedFineAmount, c.proposedSuspensionDays)}</dd>
              {c.decidedSanction && (
                <>
                  <dt>{t.enforcement.decided}</dt>
                  <dd data-testid="case-decision">
                    {sanctionText(c.decidedSanction, c.decidedFineAmount, c.decidedSuspensionDays)}
                    {c.appealOutcome && ` · ${t.enforcement[`outcome_${c.appealOutcome}`]}`}
                  </dd>
                </>
              )}
              <dt>{t.enforcement.licences}</dt>
              <dd data-testid="case-licences">{c.licenceNumbers.length > 0 ? c.licenceNumbers.join(', ') : t.enforcement.noLicences}</dd>
              <dt>{t.sanctions.legalBasis}</dt>
              <dd>{language === 'en' ? (c.legalBasisEn ?? c.legalBasis) : c.legalBasis}</dd>
              <dt>{t.enforcement.facts}</dt>
              <dd>{language === 'en' ? (c.factsEn ?? c.facts) : c.facts}</dd>
              <dt>{t.enforcement.grounds}</dt>
              <dd>
                <Grounds grounds={c.grounds} />
              </dd>
              {c.openedByOffice && (
                <>
                  <dt>{t.enforcement.openedBy}</dt>
                  <dd data-testid="case-opened-by">{pick(c.openedByOffice, language)}</dd>
                </>
              )}
              {c.investigatingOfficerName && (
                <>
                  <dt>{t.enforcement.investigator}</dt>
                  <dd>{c.investigatingOfficerName}</dd>
                </>
              )}
              <dt>{t.enforcement.decisionDueOn}</dt>
              <dd>{formatDeadline(c.decisionDueOn, language)}</dd>
              {c.reconsiderationDueOn && c.litigationDueOn && (
                <>
                  <dt>{t.enforcement.appealWindows}</dt>
                  <dd>{t.enforcement.appealDates(formatDeadline(c.reconsiderationDueOn, language), formatDeadline(c.litigationDueOn, language))}</dd>
                </>
              )}
            </dl>
          </section>

          {c.noticeServedAt && PENDING.includes(c.status) && <Windows c={c} />}
          <Texts c={c} />

          {c.documents.length > 0 && (
            <section className="panel" aria-labelledby="case-documents">
              <h2 id="case-documents">{t.enforcement.documents}</h2>
              <ul className="steps">
                {c.documents.map((d) => (
                  <li key={d.id}>
                    {t.enforcement[`doc_${d.kind}`]} ({formatDate(d.createdAt, language)}){' '}
                    <Button size="small" onClick={() => void openCaseDocument(c.id, d.id)}>
                      {t.enforcement.download}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <Actions c={c} />

          <section className="panel" aria-labelledby="case-timeline">
            <h2 id="case-timeline">{t.enforcement.timeline}</h2>
            <Timeline
              data-testid="case-timeline"
              items={c.events.map((e) => ({
                content: (
                  <span>
                    <strong>{(t.enforcement as Record<string, unknown>)[`event_${e.kind}`] as string ?? e.kind}</strong> · {formatDate(e.occurredAt, language, true)}
                    {e.actorOffice && ` · ${pick(e.actorOffice, language)}`}
                    {e.actorUsername && ` (${e.actorUsername})`}
                  </span>
                ),
              }))}
            />
          </section>
        </>
      )}
    </div>
  );
}

/** Each ground, the inspection first: the record by name (never its id), an inspection with its outcome and a link to it; the note as written. */
function Grounds({ grounds }: { grounds: CaseDetail['grounds'] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <ul className="steps" data-testid="case-grounds">
      {[...grounds].sort((a, b) => Number(b.kind === 'inspection') - Number(a.kind === 'inspection')).map((g) => {
        const inspectionId = g.kind === 'inspection' || g.kind === 'finding' ? g.reference.split('/')[0] : undefined;
        const text = pick(g.label, language);
        return (
          <li key={`${g.kind}:${g.reference}`}>
            {inspectionId ? <Link to={`/inspections/${inspectionId}`}>{text}</Link> : text}
            {g.inspectionOutcome && ` · ${t.enforcement.groundOutcome(t.bureau.inspectionOutcome[g.inspectionOutcome])}`}
            {g.note && t.enforcement.groundNote(g.note)}
          </li>
        );
      })}
    </ul>
  );
}

function Windows({ c }: { c: CaseDetail }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="panel" aria-labelledby="case-windows" data-testid="case-windows">
      <h2 id="case-windows">{t.enforcement.windows}</h2>
      <dl className="facts">
        <dt>{t.enforcement.representationWindow}</dt>
        <dd>
          {c.representationDueOn && t.enforcement.closesOn(formatDeadline(c.representationDueOn, language))}
          {c.representationWorkingDaysLeft !== null && c.representationWorkingDaysLeft !== undefined && ` · ${t.enforcement.workingDaysLeft(c.representationWorkingDaysLeft)}`}
        </dd>
        <dt>{t.enforcement.hearingWindow}</dt>
        <dd>
          {c.hearingEligible
            ? `${c.hearingDueOn ? t.enforcement.closesOn(formatDeadline(c.hearingDueOn, language)) : ''}${c.hearingWorkingDaysLeft !== null && c.hearingWorkingDaysLeft !== undefined ? ` · ${t.enforcement.workingDaysLeft(c.hearingWorkingDaysLeft)}` : ''}`
            : t.enforcement.noHearingRight}
        </dd>
      </dl>
      {c.waivedAt && <p>{t.enforcement.waived}</p>}
      <p data-testid="decision-opens">{c.decisionOpensOn ? t.enforcement.decisionOpens(formatDate(c.decisionOpensOn, language)) : t.enforcement.decisionOpenNow}</p>
    </section>
  );
}

function Texts({ c }: { c: CaseDetail }) {
  const t = useT();
  const blocks = [
    [t.enforcement.representationsGiven, c.representations],
    [t.enforcement.hearingRecord, c.hearingHeldOn ? `${c.hearingHeldOn} · ${c.hearingAttendees ?? ''}\n${c.hearingMinutes ?? ''}` : null],
    [t.enforcement.decisionReasons, c.decisionReasons],
  ].filter(([, text]) => text);
  if (blocks.length === 0) return null;
  return (
    <section className="panel">
      {blocks.map(([title, text]) => (
        <div key={title}>
          <h2>{title}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{text}</p>
        </div>
      ))}
    </section>
  );
}

/** The forms of the steps this reader may take now; the API decides in the end. */
function Actions({ c }: { c: CaseDetail }) {
  const t = useT();
  const role = useRole();
  const step = useCaseStep(c.id);
  const [message, holder] = antMessage.useMessage();
  const run = (name: CaseStep, body: Record<string, unknown>) =>
    step.mutate({ step: name, body: { ...body, version: c.version } }, { onSuccess: () => void message.success(t.enforcement.done) });

  const forms: { key: string; title: string; content: React.ReactNode }[] = [];
  if (role === 'bureau_admin') {
    if (c.status === 'opened') {
      forms.push({ key: 'licences', title: t.enforcement.setLicences, content: <LicencesForm c={c} /> });
      forms.push({ key: 'notice', title: t.enforcement.serveNotice, content: <SubmitOnly label={t.enforcement.serveNotice} onSubmit={() => run('notice', {})} /> });
    }
    if (c.status === 'hearing_requested') {
      forms.push({
        key: 'hearing',
        title: t.enforcement.recordHearing,
        content: (
          <StepForm onFinish={(v) => run('hearing', v)} submit={t.enforcement.recordHearing}>
            <Form.Item name="heldOn" label={t.enforcement.heldOn} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="attendees" label={t.enforcement.attendees} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="minutes" label={t.enforcement.minutes} rules={[{ required: true }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          </StepForm>
        ),
      });
    }
    if (['notice_served', 'representations', 'hearing_held'].includes(c.status)) forms.push({ key: 'decision', title: t.enforcement.decide, content: <DecisionForm c={c} onSubmit={(v) => run('decision', v)} /> });
    if (c.status === 'decided') forms.push({ key: 'appeal', title: t.enforcement.appeal, content: <AppealForm onSubmit={(v) => run('appeal', v)} /> });
    if (PENDING.includes(c.status)) {
      forms.push({
        key: 'withdraw',
        title: t.enforcement.withdraw,
        content: (
          <StepForm onFinish={(v) => run('withdraw', v)} submit={t.enforcement.withdraw} confirm={{ title: t.enforcement.confirmWithdraw, description: t.enforcement.confirmWithdrawDetail, ok: t.enforcement.withdraw, cancel: t.enforcement.confirmCancel }}>
            <Form.Item name="reason" label={t.enforcement.withdrawReason} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </StepForm>
        ),
      });
    }
  }
  if (role === 'agency_user' && (c.status === 'notice_served' || c.status === 'representations') && !c.waivedAt) {
    if (c.status === 'notice_served') {
      forms.push({
        key: 'representations',
        title: t.enforcement.representations,
        content: (
          <StepForm onFinish={(v) => run('representations', v)} submit={t.enforcement.submit}>
            <Form.Item name="text" label={t.enforcement.representationsText} rules={[{ required: true }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          </StepForm>
        ),
      });
    }
    if (c.hearingEligible) {
      forms.push({
        key: 'hearing',
        title: t.enforcement.requestHearing,
        content: (
          <StepForm onFinish={(v) => run('hearing', v)} submit={t.enforcement.requestHearing}>
            <Form.Item name="reason" label={t.enforcement.hearingReason}>
              <Input />
            </Form.Item>
          </StepForm>
        ),
      });
    }
    forms.push({
      key: 'waiver',
      title: t.enforcement.waive,
      content: (
        <StepForm onFinish={(v) => run('waiver', v)} submit={t.enforcement.waive} initialValues={{ statement: t.enforcement.waiverDefault }}>
          <Form.Item name="statement" label={t.enforcement.waiverStatement} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </StepForm>
      ),
    });
  }
  if (forms.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="case-actions" data-testid="case-actions">
      {holder}
      <h2 id="case-actions">{t.enforcement.actions}</h2>
      {step.error && <ProblemAlert error={step.error} />}
      {forms.map((f) => (
        <div key={f.key} data-testid={`action-${f.key}`} style={{ marginTop: 12 }}>
          <h3>{f.title}</h3>
          {f.content}
        </div>
      ))}
      {step.error instanceof ApiProblem && step.error.errors.length > 0 && (
        <ul>
          {step.error.errors.map((e) => (
            <li key={e.field}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SubmitOnly({ label, onSubmit }: { label: string; onSubmit: () => void }) {
  return (
    <Button type="primary" onClick={onSubmit}>
      {label}
    </Button>
  );
}

/** A step's form; a destructive step (`confirm`) is danger-styled and asks first, naming what will happen. */
function StepForm({ children, submit, onFinish, initialValues, confirm }: { children: React.ReactNode; submit: string; onFinish: (values: Record<string, unknown>) => void; initialValues?: Record<string, unknown>; confirm?: Confirmation }) {
  const [form] = Form.useForm();
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
      {children}
      {confirm ? (
        <ConfirmButton confirm={confirm} onConfirm={() => form.submit()}>
          {submit}
        </ConfirmButton>
      ) : (
        <Button type="primary" htmlType="submit">
          {submit}
        </Button>
      )}
    </Form>
  );
}

function DecisionForm({ c, onSubmit }: { c: CaseDetail; onSubmit: (values: Record<string, unknown>) => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const sanction = Form.useWatch('sanction', form) as string | undefined;
  const fineYuan = Form.useWatch('fineYuan', form) as number | undefined;
  const suspensionDays = Form.useWatch('suspensionDays', form) as number | undefined;
  const draft = usePublishedSummaryDraft(c.id, sanction, fineYuan ? Math.round(fineYuan * 100) : undefined, suspensionDays);
  const published = sanction === 'fine' || sanction === 'suspension' || sanction === 'revocation';
  // The draft follows the sanction chosen; what the official then writes over it is theirs.
  useEffect(() => {
    if (draft.data) form.setFieldsValue({ publishedSummaryZh: draft.data.zh, publishedSummaryEn: draft.data.en });
  }, [draft.data, form]);
  const options = ['none', 'warning', 'fine', 'suspension', 'revocation'].map((s) => ({ value: s, label: t.sanctions[`sanction_${s}` as 'sanction_fine'] }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ sanction: c.proposedSanction, fineYuan: c.proposedFineAmount ? c.proposedFineAmount / 100 : undefined, suspensionDays: c.proposedSuspensionDays ?? undefined }}
      onFinish={(v: { sanction: string; fineYuan?: number; suspensionDays?: number; reasons: string; publishedSummaryZh?: string; publishedSummaryEn?: string }) =>
        onSubmit({
          sanction: v.sanction,
          reasons: v.reasons,
          ...(published ? { publishedSummaryZh: v.publishedSummaryZh, publishedSummaryEn: v.publishedSummaryEn } : {}),
          ...(v.sanction === 'fine' ? { fineAmount: Math.round((v.fineYuan ?? 0) * 100) } : {}),
          ...(v.sanction === 'suspension' ? { suspensionDays: v.suspensionDays } : {}),
        })
      }
    >
      <Form.Item name="sanction" label={t.enforcement.sanction} rules={[{ required: true }]}>
        <NativeSelect placeholder={t.enforcement.sanction} options={options} />
      </Form.Item>
      {sanction === 'fine' && (
        <Form.Item name="fineYuan" label={t.enforcement.fineAmountYuan} rules={[{ required: true }]}>
          <InputNumber min={0.01} step={100} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {sanction === 'suspension' && (
        <Form.Item name="suspensionDays" label={t.enforcement.suspensionDays} rules={[{ required: true }]}>
          <InputNumber min={1} max={3650} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="reasons" label={t.enforcement.reasons} rules={[{ required: true, min: 10 }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      {published && <PublishedSummaryFields />}
      <Button type="primary" htmlType="submit">
        {t.enforcement.decide}
      </Button>
    </Form>
  );
}

/** The summary in both languages, editable, and beneath it the entry as the public list will show it in the reader's language. */
function PublishedSummaryFields() {
  const t = useT();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const zh = Form.useWatch('publishedSummaryZh', form) as string | undefined;
  const en = Form.useWatch('publishedSummaryEn', form) as string | undefined;
  return (
    <fieldset className="stack" data-testid="published-summary">
      <legend>{t.enforcement.publishedSummary}</legend>
      <p className="muted small">{t.enforcement.publishedSummaryIntro}</p>
      <Form.Item name="publishedSummaryZh" label={t.enforcement.publishedSummaryZh} rules={[{ required: true, min: 20, max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="publishedSummaryEn" label={t.enforcement.publishedSummaryEn} rules={[{ required: true, min: 20, max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <section className="panel" aria-label={t.enforcement.publishedPreview} data-testid="published-preview">
        <h4>{t.enforcement.publishedPreview}</h4>
        <p>{language === 'en' ? en : zh}</p>
      </section>
    </fieldset>
  );
}

/** The licences a case concerns, chosen among the agency's licences in force; the notice fixes them. */
function LicencesForm({ c }: { c: CaseDetail }) {
  const t = useT();
  const inForce = useLicencesInForce(c.agencyId);
  const save = useCaseLicences(c.id);
  const [chosen, setChosen] = useState<string[]>(c.licenceIds);
  const [message, holder] = antMessage.useMessage();
  if (inForce.isPending) return <Loading />;
  if (inForce.error) return <ProblemAlert error={inForce.error} onRetry={() => void inForce.refetch()} />;
  if (inForce.data.length === 0) return <p>{t.enforcement.noLicencesInForce}</p>;
  return (
    <div>
      {holder}
      {/* A fieldset of plain checkboxes: a group is named by its legend, not by aria attributes on a div. */}
      <fieldset className="plain-fieldset">
        <legend>{t.enforcement.licences}</legend>
        <p className="muted small">{t.enforcement.setLicencesHint}</p>
        <Checkbox.Group value={chosen} onChange={(values) => setChosen(values)} options={inForce.data.map((l) => ({ value: l.id, label: l.licenceNumber }))} />
      </fieldset>
      {save.error && <ProblemAlert error={save.error} />}
      <Button
        type="primary"
        disabled={chosen.length === 0}
        loading={save.isPending}
        onClick={() => save.mutate({ licenceIds: chosen, version: c.version }, { onSuccess: () => void message.success(t.enforcement.done) })}
      >
        {t.enforcement.setLicences}
      </Button>
    </div>
  );
}

function AppealForm({ onSubmit }: { onSubmit: (values: Record<string, unknown>) => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const sanction = Form.useWatch('sanction', form) as string | undefined;
  const options = ['warning', 'fine', 'suspension'].map((s) => ({ value: s, label: t.sanctions[`sanction_${s}` as 'sanction_fine'] }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ body: 'reconsideration', outcome: 'upheld' }}
      onFinish={({ fineYuan, sanction: varied, suspensionDays, ...rest }: Record<string, unknown>) =>
        onSubmit({
          ...rest,
          ...(rest.outcome === 'varied'
            ? {
                sanction: varied,
                ...(varied === 'fine' ? { fineAmount: Math.round(Number(fineYuan ?? 0) * 100) } : {}),
                ...(varied === 'suspension' ? { suspensionDays } : {}),
              }
            : {}),
        })
      }
    >
      <Form.Item name="body" label={t.enforcement.appealBody} rules={[{ required: true }]}>
        <NativeSelect placeholder={t.enforcement.appealBody} options={(['reconsideration', 'litigation'] as const).map((b) => ({ value: b, label: t.enforcement[`body_${b}`] }))} />
      </Form.Item>
      <Form.Item name="lodgedOn" label={t.enforcement.lodgedOn} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="outcome" label={t.enforcement.appealOutcome} rules={[{ required: true }]}>
        <NativeSelect placeholder={t.enforcement.appealOutcome} options={(['upheld', 'varied', 'annulled'] as const).map((o) => ({ value: o, label: t.enforcement[`outcome_${o}`] }))} />
      </Form.Item>
      <Form.Item name="decidedOn" label={t.enforcement.appealDecidedOn} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      {outcome === 'varied' && (
        <>
          <Form.Item name="sanction" label={t.enforcement.variedSanction} extra={t.enforcement.variedHint} rules={[{ required: true }]}>
            <NativeSelect placeholder={t.enforcement.variedSanction} options={options} />
          </Form.Item>
          {sanction === 'fine' && (
            <Form.Item name="fineYuan" label={t.enforcement.fineAmountYuan} rules={[{ required: true }]}>
              <InputNumber min={0.01} step={100} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {sanction === 'suspension' && (
            <Form.Item name="suspensionDays" label={t.enforcement.suspensionDays} rules={[{ required: true }]}>
              <InputNumber min={1} max={3650} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="note" label={t.enforcement.note}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t.enforcement.appeal}
      </Button>
    </Form>
  );
}
