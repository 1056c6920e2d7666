import { Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';

const LICENCE_NUMBER = /^\d{6}-\d{4}-\d{6}$/;
const USCC = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** Tidies what people type (spaces, lower case, full-width digits and dashes) into the number's form. */
export function normaliseNumber(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\uFF0D]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

export function looksLikeNumber(value: string): boolean {
  return LICENCE_NUMBER.test(value) || USCC.test(value);
}

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
