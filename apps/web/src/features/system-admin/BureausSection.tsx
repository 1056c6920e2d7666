import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, message as antMessage } from 'antd';
import { useState } from 'react';
import { api, data } from '@/api/client';
import { ApiProblem } from '@/api/problem';
import type { components } from '@/api/schema';
import { useT } from '@/app/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { ProblemAlert } from '@/components/ProblemAlert';

type NewBureau = components['schemas']['CreateBureauRequest'];
type Level = components['schemas']['BureauLevel'];
const LEVELS: Level[] = ['ministry', 'province', 'city'];

/** Every bureau (a few dozen: one page of the API's largest). */
export function useBureaus() {
  return useQuery({
    queryKey: ['admin', 'bureaus'],
    queryFn: async ({ signal }) => data(await api.GET('/api/bureaus', { params: { query: { limit: 200 } }, signal })).items,
  });
}

export function BureausSection() {
  const t = useT();
  const [message, messageHolder] = antMessage.useMessage();
  const queryClient = useQueryClient();
  const bureaus = useBureaus();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewBureau>();
  const create = useMutation({
    mutationFn: async (fields: NewBureau) => data(await api.POST('/api/bureaus', { body: { ...fields, ...(fields.jurisdictionCode ? {} : { jurisdictionCode: undefined }), ...(fields.email ? {} : { email: undefined }) } })),
    onSuccess: async () => {
      setCreating(false);
      void message.success(t.usersAdmin.saved);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'bureaus'] });
    },
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as keyof NewBureau, errors: [e.message] })));
    },
  });

  return (
    <section className="panel" aria-labelledby="bureaus">
      {messageHolder}
      <div className="panel-heading">
        <h2 id="bureaus">{t.usersAdmin.bureaus}</h2>
        <Button
          onClick={() => {
            form.resetFields();
            setCreating(true);
          }}
        >
          {t.usersAdmin.addBureau}
        </Button>
      </div>
      {bureaus.isPending && <Loading />}
      {bureaus.error && <ProblemAlert error={bureaus.error} onRetry={() => void bureaus.refetch()} />}
      {bureaus.data && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.usersAdmin.bureaus}>
          <table className="figures audit-table" data-testid="bureaus-table">
            <thead>
              <tr>
                <th scope="col">{t.usersAdmin.bureauName}</th>
                <th scope="col">{t.usersAdmin.level}</th>
                <th scope="col">{t.usersAdmin.jurisdictionCode}</th>
                <th scope="col">{t.usersAdmin.email}</th>
              </tr>
            </thead>
            <tbody>
              {bureaus.data.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{b.name}</th>
                  <td>{t.usersAdmin.levels[b.level]}</td>
                  <td>{b.jurisdictionCode ?? '—'}</td>
                  <td>{b.email ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Modal
        open={creating}
        title={t.usersAdmin.addBureau}
        okText={t.usersAdmin.save}
        cancelText={t.usersAdmin.cancel}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<NewBureau> form={form} layout="vertical" onFinish={(fields) => create.mutate(fields)}>
          <Form.Item name="name" label={t.usersAdmin.bureauName} rules={[{ required: true, whitespace: true, message: t.usersAdmin.required }]}>
            <Input />
          </Form.Item>
          <Form.Item name="level" label={t.usersAdmin.level} rules={[{ required: true, message: t.usersAdmin.required }]}>
            <NativeSelect placeholder="—" options={LEVELS.map((level) => ({ value: level, label: t.usersAdmin.levels[level] }))} />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={t.usersAdmin.jurisdictionCode} rules={[{ pattern: /^\d{6}$/, message: t.usersAdmin.jurisdictionCode }]}>
            <Input inputMode="numeric" maxLength={6} />
          </Form.Item>
          <Form.Item name="email" label={t.usersAdmin.email} rules={[{ type: 'email' }]}>
            <Input type="email" />
          </Form.Item>
        </Form>
        {create.error && !(create.error instanceof ApiProblem && create.error.errors.length > 0) && <ProblemAlert error={create.error} />}
      </Modal>
    </section>
  );
}
