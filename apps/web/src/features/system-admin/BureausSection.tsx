import { Button, Form, Input, message as antMessage } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { bureauName } from '@/utils/agency-name';
import { ListTable, type Column } from '@/components/ListTable';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { FormModal } from '@/components/FormModal';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useBureaus } from './api/get-bureaus';
import { useSaveBureau, type SaveBureau } from './api/save-bureau';

type NewBureau = components['schemas']['CreateBureauRequest'];
type Bureau = components['schemas']['BureauView'];
type BureauStatus = components['schemas']['BureauStatus'];
type BureauFields = NewBureau & { status?: BureauStatus };
type Level = components['schemas']['BureauLevel'];
const LEVELS: Level[] = ['ministry', 'province', 'city'];

export function BureausSection() {
  const t = useT();
  const language = useLanguage();
  const [message, messageHolder] = antMessage.useMessage();
  const bureaus = useBureaus();
  const [editing, setEditing] = useState<Bureau | 'new'>();
  const [form] = Form.useForm<BureauFields>();
  const save = useSaveBureau({
    onSuccess: () => {
      setEditing(undefined);
      void message.success(t.usersAdmin.saved);
    },
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as keyof BureauFields, errors: [e.message] })));
    },
  });
  const saveOf = (fields: BureauFields): SaveBureau => {
    if (editing && editing !== 'new') {
      return { id: editing.id, body: { version: editing.version, name: fields.name, email: fields.email ? fields.email : null, ...(fields.status ? { status: fields.status } : {}) } };
    }
    const { name, level, jurisdictionCode, email } = fields;
    return { body: { name, level, ...(jurisdictionCode ? { jurisdictionCode } : {}), ...(email ? { email } : {}) } };
  };
  const u = t.usersAdmin;
  const open = (bureau: Bureau | 'new') => {
    form.resetFields();
    if (bureau !== 'new') form.setFieldsValue({ name: bureau.name, level: bureau.level, jurisdictionCode: bureau.jurisdictionCode ?? undefined, email: bureau.email ?? undefined, status: bureau.status });
    save.reset();
    setEditing(bureau);
  };
  const columns: Column<Bureau>[] = [
    { header: u.bureauName, cell: (b) => bureauName(b, language) },
    { header: u.level, cell: (b) => u.levels[b.level] },
    { header: u.jurisdictionCode, cell: (b) => b.jurisdictionCode ?? '—' },
    { header: u.email, cell: (b) => b.email ?? '—' },
    { header: u.bureauStatus, cell: (b) => <span className={`status-tag ${b.status === 'active' ? 'ok' : 'off'}`}>{b.status === 'active' ? u.active : u.disabled}</span> },
    {
      header: <span className="visually-hidden">{u.edit}</span>,
      cellProps: { className: 'row-actions' },
      cell: (b) => (
        <Button size="small" onClick={() => open(b)} aria-label={`${u.edit} ${bureauName(b, language)}`}>
          {u.edit}
        </Button>
      ),
    },
  ];

  return (
    <section className="panel" aria-labelledby="bureaus">
      {messageHolder}
      <div className="panel-heading">
        <h2 id="bureaus">{t.usersAdmin.bureaus}</h2>
        <Button onClick={() => open('new')}>{t.usersAdmin.addBureau}</Button>
      </div>
      {bureaus.isPending && <Loading />}
      {bureaus.error && <ProblemAlert error={bureaus.error} onRetry={() => void bureaus.refetch()} />}
      {bureaus.data && <ListTable label={u.bureaus} testId="bureaus-table" className="audit-table" bounded items={bureaus.data} rowKey={(b) => b.id} rowData={(b) => ({ 'data-bureau': b.name })} columns={columns} />}
      <FormModal open={editing !== undefined} title={editing === 'new' ? t.usersAdmin.addBureau : t.usersAdmin.editBureau} texts={t.usersAdmin} saving={save.isPending} onSubmit={() => form.submit()} onClose={() => setEditing(undefined)}>
        <Form<BureauFields> form={form} layout="vertical" onFinish={(fields) => save.mutate(saveOf(fields))}>
          <Form.Item name="name" label={t.usersAdmin.bureauName} rules={[{ required: true, whitespace: true, message: t.usersAdmin.required }]}>
            <Input />
          </Form.Item>
          <Form.Item name="level" label={t.usersAdmin.level} rules={[{ required: true, message: t.usersAdmin.required }]}>
            <NativeSelect placeholder="—" disabled={editing !== 'new'} options={LEVELS.map((level) => ({ value: level, label: t.usersAdmin.levels[level] }))} />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={t.usersAdmin.jurisdictionCode} rules={[{ pattern: /^\d{6}$/, message: t.usersAdmin.jurisdictionCode }]}>
            <Input inputMode="numeric" maxLength={6} disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="email" label={t.usersAdmin.email} rules={[{ type: 'email' }]}>
            <Input type="email" />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="status" label={t.usersAdmin.bureauStatus} extra={t.usersAdmin.bureauDisabledHint}>
              <NativeSelect placeholder="—" options={[{ value: 'active', label: t.usersAdmin.active }, { value: 'disabled', label: t.usersAdmin.disabled }]} />
            </Form.Item>
          )}
        </Form>
        {save.error && !(save.error instanceof ApiProblem && save.error.errors.length > 0) && <ProblemAlert error={save.error} />}
      </FormModal>
    </section>
  );
}
