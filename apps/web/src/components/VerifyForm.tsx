import { Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';

export { looksLikeNumber, normaliseNumber } from '@/utils/licence-number';
import { looksLikeNumber, normaliseNumber } from '@/utils/licence-number';

/** The one field of the check: used on the home page and on /verify. */
export function VerifyForm({ initial, autoFocus }: { initial?: string; autoFocus?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ number: string }>();

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ number: initial ?? '' }}
      onFinish={({ number }) => void navigate(`/verify/${encodeURIComponent(normaliseNumber(number))}`)}
      className="verify-form"
    >
      <Form.Item
        name="number"
        label={t.verify.label}
        extra={t.verify.intro}
        validateTrigger="onSubmit"
        rules={[
          { required: true, whitespace: true, message: t.verify.required },
          { validator: (_, value: string) => (!value || looksLikeNumber(normaliseNumber(value)) ? Promise.resolve() : Promise.reject(new Error(t.verify.badFormat))) },
        ]}
      >
        <Input size="large" placeholder={t.verify.placeholder} autoComplete="off" autoCapitalize="characters" spellCheck={false} inputMode="text" autoFocus={autoFocus} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block>
        {t.verify.submit}
      </Button>
    </Form>
  );
}
