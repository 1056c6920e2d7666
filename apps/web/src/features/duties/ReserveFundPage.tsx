import { Alert, Button, Form, Input, InputNumber, Radio, Tag, message as antMessage } from 'antd';
import { useParams } from 'react-router';
import { ApiProblem } from '@/lib/api/problem';
import { useRole } from '@/lib/auth/use-session';
import { formatDate, formatDeadline, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ListTable, WRAP } from '@/components/ListTable';
import { ProblemAlert } from '@/components/ProblemAlert';
import '@/components/styles/dashboard.css';
import { toFen } from './ReportForm';
import { useAddReserveFundEntry, useReserveFund, useVerifyReserveFundEntry, yuan } from './use-duties';
import './duties.css';

interface EntryFields {
  kind: 'deposit' | 'draw';
  amount: string;
  occurredOn: string;
  evidence: string;
  reason: string;
  complaintId?: string;
}

/** A labour service cooperation agency's reserve fund: balance against the required amount, the running top-up, the ledger. */
export function ReserveFundPage() {
  const { agencyId = '' } = useParams();
  const t = useT().duties;
  const language = useLanguage();
  const fund = useReserveFund(agencyId);
  const add = useAddReserveFundEntry(agencyId);
  const verify = useVerifyReserveFundEntry(agencyId);
  const [form] = Form.useForm<EntryFields>();
  const [message, messageHolder] = antMessage.useMessage();
  const role = useRole();
  const f = fund.data;
  const mayWrite = (role === 'agency_user' || role === 'bureau_admin') && !!f?.fundRequired;
  const mayVerify = role === 'bureau_admin';
  if (fund.isPending) return <Loading />;
  if (fund.error) return <ProblemAlert error={fund.error} onRetry={() => void fund.refetch()} />;
  if (!f) return null;
  const onVerify = (entryId: string) =>
    verify.mutate({ entryId, version: f.version }, { onSuccess: () => void message.success(t.verified), onError: () => void fund.refetch() });
  const name = language === 'en' && f.agencyNameEn ? f.agencyNameEn : f.agencyNameZh;

  const onFinish = (fields: EntryFields) =>
    add.mutate(
      {
        kind: fields.kind,
        amount: toFen(fields.amount) ?? 0,
        occurredOn: fields.occurredOn,
        evidence: fields.evidence.trim(),
        reason: fields.reason.trim(),
        ...(fields.complaintId?.trim() ? { complaintId: fields.complaintId.trim() } : {}),
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t.entryRecorded);
        },
        onError: (error) => {
          if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as keyof EntryFields, errors: [e.message] })));
        },
      },
    );

  return (
    <div className="stack wide-page">
      {messageHolder}
      <PageHeading title={t.fundTitle(name)} intro={t.fundIntro} />
      <section className="panel" aria-labelledby="balance">
        <h2 id="balance">{t.balanceTitle}</h2>
        {!f.fundRequired && <Alert type="info" showIcon data-testid="fund-not-required" title={t.notRequired} style={{ marginBottom: 12 }} />}
        <dl className="facts" data-testid="fund-facts">
          <dt>{t.balance}</dt>
          <dd data-testid="fund-balance">{yuan(f.balanceFen)}</dd>
          <dt>{t.verifiedBalance}</dt>
          <dd data-testid="fund-verified-balance">
            {yuan(f.verifiedBalanceFen)} <span className="duties-muted">{t.verifiedBalanceHint}</span>
          </dd>
          {f.fundRequired && (
            <>
              <dt>{t.required}</dt>
              <dd>
                {yuan(f.requiredFen)} {f.licenceNumber && <span className="duties-muted">({f.licenceNumber})</span>}
              </dd>
              <dt>{t.shortfall}</dt>
              <dd data-testid="fund-shortfall">{f.shortfallFen > 0 ? <strong className="duties-flag">{yuan(f.shortfallFen)}</strong> : t.noShortfall}</dd>
            </>
          )}
        </dl>
        {f.topUp && (
          <Alert
            style={{ marginTop: 12 }}
            type={f.topUp.overdueAt ? 'error' : 'warning'}
            showIcon
            data-testid="top-up"
            title={f.topUp.overdueAt ? t.topUpOverdue(formatDeadline(f.topUp.dueOn, language)) : t.topUpRunning(formatDeadline(f.topUp.dueOn, language))}
            description={t.topUpStarted(formatDate(f.topUp.startedOn, language))}
          />
        )}
      </section>
      {mayWrite && (
        <section className="panel" aria-labelledby="new-entry">
          <h2 id="new-entry">{t.newEntry}</h2>
          <p className="page-intro">{t.appendOnly}</p>
          <Form<EntryFields> form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'deposit' }}>
            <div className="duties-grid">
              <Form.Item name="kind" label={t.kind}>
                <Radio.Group>
                  <Radio value="deposit">{t.kinds.deposit}</Radio>
                  <Radio value="draw">{t.kinds.draw}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="amount" label={t.amount} rules={[{ required: true, message: t.required_ }]}>
                <InputNumber<string> min="0.01" precision={2} stringMode prefix="¥" style={{ width: '100%' }} id="amount" />
              </Form.Item>
              <Form.Item name="occurredOn" label={t.occurredOn} rules={[{ required: true, message: t.required_ }]}>
                <Input type="date" id="occurredOn" />
              </Form.Item>
              <Form.Item name="evidence" label={t.evidence} rules={[{ required: true, min: 3, message: t.required_ }]}>
                <Input id="evidence" maxLength={200} />
              </Form.Item>
              <Form.Item name="reason" label={t.reason} rules={[{ required: true, min: 3, message: t.required_ }]}>
                <Input id="reason" maxLength={2000} />
              </Form.Item>
              <Form.Item name="complaintId" label={t.complaintId}>
                <Input id="complaintId" />
              </Form.Item>
            </div>
            {add.error && !(add.error instanceof ApiProblem && add.error.errors.length) && <ProblemAlert error={add.error} />}
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="add-entry">
              {t.record}
            </Button>
          </Form>
        </section>
      )}
      <section className="panel" aria-labelledby="ledger">
        <h2 id="ledger">{t.ledgerTitle}</h2>
        {verify.error && <ProblemAlert error={verify.error} />}
        <ListTable
          bounded
          label={t.ledgerTitle}
          testId="ledger"
          items={f.entries}
          rowKey={(entry) => entry.id}
          columns={[
            { header: '#', cell: (entry) => entry.sequence },
            { header: t.occurredOn, cell: (entry) => formatDate(entry.occurredOn, language) },
            { header: t.kind, cell: (entry) => <Tag variant="solid" color={entry.kind === 'deposit' ? '#1f6b06' : '#a64300'}>{t.kinds[entry.kind]}</Tag> },
            { header: t.amount, cell: (entry) => yuan(entry.kind === 'deposit' ? entry.amountFen : -entry.amountFen) },
            { header: t.balanceAfter, cell: (entry) => yuan(entry.balanceAfterFen) },
            { header: t.evidence, cell: (entry) => entry.evidence, cellProps: WRAP },
            {
              header: t.reason,
              cell: (entry) => (
                <>
                  {entry.reason}
                  {entry.correctsEntryId && <span className="duties-muted"> {t.correction}</span>}
                </>
              ),
              cellProps: WRAP,
            },
            {
              header: t.entryState,
              cell: (entry) => (
                <span data-testid={`entry-status-${entry.sequence}`}>
                  <Tag variant="solid" color={entry.status === 'verified' ? '#1f6b06' : '#7a4a00'}>{t.entryStatus[entry.status]}</Tag>
                  {mayVerify && entry.status === 'declared' && (
                    <Button size="small" onClick={() => onVerify(entry.id)} loading={verify.isPending} data-testid={`verify-${entry.sequence}`}>
                      {t.verify}
                    </Button>
                  )}
                </span>
              ),
            },
          ]}
        />
      </section>
    </div>
  );
}
