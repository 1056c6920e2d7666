import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { useRole } from '@/lib/auth/use-session';
import { formatDeadline, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { choices, FilterBar } from '@/components/FilterBar';
import { KeysetList } from '@/components/KeysetList';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import { useCorrectiveActions } from './api/get-corrective-actions';
import { useUpdateCorrectiveAction } from './api/update-corrective-action';
import '@/components/styles/dashboard.css';
import '@/components/styles/inspector.css';

type Action = components['schemas']['CorrectiveActionView'];
type Status = components['schemas']['CorrectiveActionStatus'];
type Command = components['schemas']['CorrectiveActionCommand'];
const STATUSES: Status[] = ['open', 'submitted', 'verified', 'overdue'];

/** Corrective actions by role: the agency answers its own; an inspector or bureau admin verifies or reopens. */
export function CorrectiveActionsPage() {
  const t = useT();
  const language = useLanguage();
  const role = useRole();
  const isAgency = role === 'agency_user';
  const judges = role === 'inspector' || role === 'bureau_admin';
  const url = useUrlFilters(['status', 'inspectionId'] as const);
  const status = url.filters.status as Status | undefined;
  const list = useCorrectiveActions({ ...url.filters, status });
  return (
    <div className="stack wide-page inspector-page">
      <PageHeading title={t.inspector.actions.title} intro={isAgency ? t.inspector.actions.introAgency : t.inspector.actions.introOfficer} />
      <FilterBar url={url} clear={{ link: '/corrective-actions' }} fields={[{ name: 'status', label: t.inspector.status, options: choices(STATUSES, t.inspector.actions.statusName) }]} />
      <KeysetList list={list} empty={t.inspector.actions.empty}>
        {(items) => (
          <ul className="action-list" data-testid="corrective-actions">
            {items.map((action) => (
              <li key={action.id} className="panel action-card" data-action-id={action.id} data-item={action.itemCode}>
                <div className="action-head">
                  <strong>{action.itemCode}</strong>
                  <span className={`status-tag ${action.status === 'verified' ? 'ok' : action.status === 'overdue' ? 'bad' : action.status === 'submitted' ? 'warn' : ''}`}>{t.inspector.actions.statusName[action.status]}</span>
                  <span>
                    {t.inspector.actions.due} {formatDeadline(action.dueOn, language)}
                  </span>
                </div>
                <p className="muted">
                  {agencyName(action, language)} · <Link to={`/inspections/${action.inspectionId}`}>{t.inspector.actions.inspection}</Link>
                </p>
                <p>{action.description}</p>
                {action.agencyResponse && (
                  <p>
                    <strong>{t.inspector.actions.answer}:</strong> {action.agencyResponse}
                  </p>
                )}
                {action.inspectorNote && (
                  <p>
                    <strong>{t.inspector.actions.inspectorNote}:</strong> {action.inspectorNote}
                  </p>
                )}
                {isAgency && (action.status === 'open' || action.status === 'overdue') && <ActionForm action={action} command="submit" />}
                {judges && action.status === 'submitted' && (
                  <div className="action-buttons">
                    <ActionForm action={action} command="verify" />
                    <ActionForm action={action} command="reopen" />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </KeysetList>
    </div>
  );
}

interface Fields {
  text?: string;
  dueOn?: string;
}

/** One command on one action, opened by its button: the agency's answer, or the inspector's verification or reopening. */
function ActionForm({ action, command }: { action: Action; command: Command }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Fields>();
  const field = command === 'submit' ? 'response' : 'note';
  const label = command === 'submit' ? t.inspector.actions.response : command === 'reopen' ? t.inspector.actions.reopenNote : t.inspector.actions.verifyNote;
  const button = command === 'submit' ? t.inspector.actions.respond : command === 'verify' ? t.inspector.actions.verify : t.inspector.actions.reopen;
  const send = useUpdateCorrectiveAction(action.id, {
    onSuccess: () => setOpen(false),
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field === field ? 'text' : (e.field as keyof Fields), errors: [e.message] })));
    },
  });
  const commandBody = (fields: Fields) => {
    const text = fields.text?.trim();
    return { action: command, version: action.version, ...(text ? { [field]: text } : {}), ...(command === 'reopen' && fields.dueOn ? { dueOn: fields.dueOn } : {}) };
  };
  if (!open) {
    return (
      <Button type={command === 'reopen' ? 'default' : 'primary'} onClick={() => setOpen(true)} aria-label={`${button}: ${action.itemCode}`}>
        {button}
      </Button>
    );
  }
  const required = command !== 'verify';
  return (
    <Form<Fields> form={form} layout="vertical" className="action-form" onFinish={(fields) => send.mutate(commandBody(fields))}>
      <Form.Item name="text" label={label} rules={required ? [{ required: true, whitespace: true, message: t.inspector.plan.required }] : []}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      {command === 'reopen' && (
        <Form.Item name="dueOn" label={t.inspector.actions.newDue}>
          <Input type="date" />
        </Form.Item>
      )}
      <div className="action-buttons">
        <Button type="primary" htmlType="submit" loading={send.isPending}>
          {command === 'submit' ? t.inspector.actions.send : button}
        </Button>
        <Button onClick={() => setOpen(false)}>{t.inspector.cancel}</Button>
      </div>
      {send.error && !(send.error instanceof ApiProblem && send.error.errors.length > 0) && <ProblemAlert error={send.error} />}
    </Form>
  );
}
