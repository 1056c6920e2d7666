import { Button, Form, Input, Radio, message as antMessage } from 'antd';
import { isProblem } from '@/lib/api/problem';
import { useT } from '@/lib/i18n/use-i18n';
import { ActionProblem, fieldErrors } from '@/components/ActionProblem';
import { ACTION_FROM, useLicenceAction, type Licence, type LicenceAction } from './use-registry';

interface Values {
  action: LicenceAction;
  reason: string;
  until?: string;
}

/**
 * Suspend (until a date or open-ended), reinstate, revoke, surrender: the reason is required, the
 * version read goes along, and a refusal (illegal for the status, or someone acted first) is explained.
 */
export function LicenceActions({ licence, allowed }: { licence: Licence; allowed: LicenceAction[] }) {
  const t = useT();
  const r = t.bureau.registry;
  const [message, holder] = antMessage.useMessage();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('action', form);
  const act = useLicenceAction(licence);
  const possible = allowed.filter((action) => ACTION_FROM[action].includes(licence.status));

  return (
    <section className="panel" aria-labelledby="licence-actions">
      {holder}
      <h2 id="licence-actions">{r.actionsTitle}</h2>
      {possible.length === 0 && <p>{r.noActions(t.licenceStatus[licence.status])}</p>}
      {possible.length > 0 && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(values) =>
            act.mutate(
              { action: values.action, reason: values.reason.trim(), until: values.action === 'suspend' ? values.until || undefined : undefined },
              {
                onSuccess: () => {
                  form.resetFields();
                  void message.success(r.actionDone);
                },
                onError: (error) => form.setFields(fieldErrors(error) as never),
              },
            )
          }
        >
          <Form.Item name="action" label={r.action} rules={[{ required: true, message: r.chooseAction }]}>
            <Radio.Group>
              {possible.map((action) => (
                <Radio key={action} value={action}>
                  {r.actionName[action]}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {chosen === 'suspend' && (
            <Form.Item name="until" label={`${r.until} ${t.common.optional}`} extra={r.untilHelp}>
              <Input type="date" />
            </Form.Item>
          )}
          <Form.Item name="reason" label={r.reason} rules={[{ required: true, whitespace: true, min: 3, message: r.reasonRequired }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Button type="primary" danger={chosen === 'revoke'} htmlType="submit" loading={act.isPending}>
            {chosen ? r.actionName[chosen] : r.apply}
          </Button>
        </Form>
      )}
      {act.error && !(isProblem(act.error, 400) && act.error.errors.length > 0) && (
        <div style={{ marginTop: 12 }}>
          <ActionProblem error={act.error} />
        </div>
      )}
    </section>
  );
}
