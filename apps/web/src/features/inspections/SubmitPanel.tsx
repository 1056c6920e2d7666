import { Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Detail } from './pending-findings';
import type { SyncStatus } from './use-findings-sync';
import { useInspectionPreview } from './api/get-inspection-preview';
import { useSubmitInspection } from './api/submit-inspection';

type Sanction = components['schemas']['Sanction'];
const SANCTIONS: Sanction[] = ['none', 'warning', 'fine', 'suspension', 'revocation'];

interface ProposalFields {
  sanction: Sanction;
  fineAmount?: number;
  suspensionDays?: number;
  reason?: string;
}

/** The submit route's body: the version read and the sanction proposal, only the fields its sanction takes. */
const submitBody = (fields: ProposalFields, version: number) => ({
  version,
  sanctionProposal: {
    sanction: fields.sanction,
    ...(fields.sanction === 'fine' && fields.fineAmount !== undefined ? { fineAmount: fields.fineAmount } : {}),
    ...(fields.sanction === 'suspension' && fields.suspensionDays !== undefined ? { suspensionDays: fields.suspensionDays } : {}),
    ...(fields.reason?.trim() ? { reason: fields.reason.trim() } : {}),
  },
});

/**
 * Before submitting: the outcome and score the server's scoring rules give the saved findings
 * (GET /inspections/:id/preview; the page holds no rule), the sanction proposal, then submit.
 */
export function SubmitPanel({ detail, waiting, syncStatus }: { detail: Detail; waiting: number; syncStatus: SyncStatus }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [form] = Form.useForm<ProposalFields>();
  const sanction = Form.useWatch('sanction', form) ?? 'none';
  const settled = waiting === 0 && syncStatus !== 'conflict' && syncStatus !== 'saving';
  const preview = useInspectionPreview(detail.id, detail.version, settled);
  const submit = useSubmitInspection(detail.id, {
    onSuccess: () => setConfirming(false),
    onError: (error) => {
      setConfirming(false);
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field.replace(/^sanctionProposal\./, '') as keyof ProposalFields, errors: [e.message] })));
    },
  });
  const outcome = preview.data ? t.inspector.outcomeName[preview.data.outcome] : '';
  return (
    <section className="panel submit-panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t.inspector.inspection.preview}</h2>
      {!settled && <p className="muted">{t.inspector.inspection.previewWaiting}</p>}
      {settled && preview.isPending && <Loading />}
      {preview.error && <ProblemAlert error={preview.error} onRetry={() => void preview.refetch()} />}
      {settled && preview.data && preview.data.version === detail.version && (
        <div data-testid="preview">
          {preview.data.notChecked > 0 ? (
            <p className="outcome-line not-assessed" data-outcome="not-assessed">
              <strong>{t.inspector.inspection.notYetAssessed}</strong> · {t.inspector.inspection.notYetAssessedDetail(preview.data.notChecked)}
            </p>
          ) : (
            <p className={`outcome-line ${preview.data.outcome}`} data-outcome={preview.data.outcome}>
              <strong>{outcome}</strong> · {t.inspector.score} {preview.data.score}
            </p>
          )}
          <ul className="preview-facts">
            {preview.data.criticalFailures.length > 0 && <li>{t.inspector.inspection.criticalFailures(preview.data.criticalFailures.join(', '))}</li>}
            <li>{t.inspector.inspection.violationPoints(preview.data.violationPoints)}</li>
            {preview.data.nonCompliant > 0 && <li>{t.inspector.inspection.correctiveToOpen(preview.data.nonCompliant)}</li>}
          </ul>
          <p className="muted small">{t.inspector.inspection.previewIntro.replace('{max}', String(preview.data.minorIssuesMaxPoints))}</p>
        </div>
      )}
      <Form<ProposalFields> form={form} layout="vertical" initialValues={{ sanction: 'none' }} onFinish={(fields) => submit.mutate(submitBody(fields, detail.version))}>
        <Form.Item name="sanction" label={t.inspector.inspection.sanction}>
          <NativeSelect placeholder="—" options={SANCTIONS.map((s) => ({ value: s, label: t.inspector.inspection.sanctionName[s] }))} />
        </Form.Item>
        {sanction === 'fine' && (
          <Form.Item name="fineAmount" label={t.inspector.inspection.fineAmount} rules={[{ required: true, message: t.inspector.plan.required }]}>
            <InputNumber min={1} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {sanction === 'suspension' && (
          <Form.Item name="suspensionDays" label={t.inspector.inspection.suspensionDays} rules={[{ required: true, message: t.inspector.plan.required }]}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {sanction !== 'none' && (
          <Form.Item name="reason" label={t.inspector.inspection.sanctionReason}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        )}
        <Button type="primary" disabled={!settled || !preview.data || detail.status !== 'in_progress'} onClick={() => setConfirming(true)}>
          {t.inspector.inspection.submit}
        </Button>
      </Form>
      {submit.error && !(submit.error instanceof ApiProblem && submit.error.errors.length > 0) && <ProblemAlert error={submit.error} />}
      <Modal
        open={confirming}
        title={t.inspector.inspection.confirmTitle}
        okText={t.inspector.inspection.submit}
        cancelText={t.inspector.cancel}
        confirmLoading={submit.isPending}
        onOk={() => form.submit()}
        onCancel={() => setConfirming(false)}
      >
        {preview.data && <p>{t.inspector.inspection.confirmText(outcome, preview.data.score)}</p>}
      </Modal>
    </section>
  );
}
