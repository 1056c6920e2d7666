import { Button, Form, Input, InputNumber, message as antMessage } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { FormModal } from '@/components/FormModal';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loading } from '@/components/Loading';
import { useAdminHelpLines } from './api/get-help-lines';
import { useSaveHelpLine } from './api/save-help-line';

type HelpLine = components['schemas']['AdminHelpLine'];
type HelpLineFields = components['schemas']['HelpLineRequest'];

/** The system admin keeps the public help lines (reference data) in both languages. */
export function HelpLinesAdminPage() {
  const t = useT();
  const [message, messageHolder] = antMessage.useMessage();
  const lines = useAdminHelpLines();
  const [editing, setEditing] = useState<HelpLine | 'new'>();
  const [form] = Form.useForm<HelpLineFields>();

  const save = useSaveHelpLine({
    onSuccess: () => {
      setEditing(undefined);
      void message.success(t.helpLinesAdmin.saved);
    },
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as keyof HelpLineFields, errors: [e.message] })));
    },
  });

  const open = (line: HelpLine | 'new') => {
    setEditing(line);
    form.resetFields();
    if (line !== 'new') form.setFieldsValue(line);
  };
  const required = [{ required: true, whitespace: true, message: t.helpLinesAdmin.required }];

  return (
    <div className="stack">
      {messageHolder}
      <PageHeading title={t.helpLinesAdmin.title} intro={t.helpLinesAdmin.intro} />
      <div>
        <Button type="primary" onClick={() => open('new')}>
          {t.helpLinesAdmin.add}
        </Button>
      </div>
      {lines.isPending && <Loading />}
      {lines.error && <ProblemAlert error={lines.error} onRetry={() => void lines.refetch()} />}
      <ul className="result-list">
        {lines.data?.map((line) => (
          <li key={line.id} className="panel">
            <span className="help-line-number">{line.number}</span> <strong>{line.nameZh}</strong> · {line.nameEn}
            <span className="agency-meta">{line.descriptionZh}</span>
            <span className="agency-meta">{line.descriptionEn}</span>
            <Button size="small" onClick={() => open(line)} style={{ marginTop: 8 }}>
              {t.helpLinesAdmin.edit}
            </Button>
          </li>
        ))}
      </ul>
      <FormModal open={editing !== undefined} title={editing === 'new' ? t.helpLinesAdmin.add : t.helpLinesAdmin.edit} texts={t.helpLinesAdmin} saving={save.isPending} onSubmit={() => form.submit()} onClose={() => setEditing(undefined)}>
        <Form<HelpLineFields> form={form} layout="vertical" onFinish={(fields) => save.mutate(editing && editing !== 'new' ? { id: editing.id, body: { ...fields, version: editing.version } } : { body: fields })}>
          <Form.Item name="number" label={t.helpLinesAdmin.number} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="nameZh" label={t.helpLinesAdmin.nameZh} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t.helpLinesAdmin.nameEn} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="descriptionZh" label={t.helpLinesAdmin.descriptionZh} rules={required}>
            <Input.TextArea autoSize />
          </Form.Item>
          <Form.Item name="descriptionEn" label={t.helpLinesAdmin.descriptionEn} rules={required}>
            <Input.TextArea autoSize />
          </Form.Item>
          <Form.Item name="sourceUrl" label={t.helpLinesAdmin.sourceUrl} rules={[...required, { type: 'url' }]}>
            <Input inputMode="url" />
          </Form.Item>
          <Form.Item name="sortOrder" label={t.helpLinesAdmin.sortOrder} initialValue={0}>
            <InputNumber min={0} />
          </Form.Item>
        </Form>
        {save.error && !(save.error instanceof ApiProblem && save.error.errors.length > 0) && <ProblemAlert error={save.error} />}
      </FormModal>
    </div>
  );
}
