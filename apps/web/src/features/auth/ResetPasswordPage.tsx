import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useResetPassword } from './api/reset-password';
import { ApiProblem } from '@/lib/api/problem';
import { useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';

interface NewPassword {
  newPassword: string;
  confirm: string;
}

/**
 * Where an administrator's one-time reset link lands. The code is in the fragment (#…), which the
 * browser never sends to a server, so it stays out of access logs; it is read here and posted once.
 */
export function ResetPasswordPage() {
  const t = useT();
  const { hash } = useLocation();
  const [token] = useState(() => hash.slice(1));
  const [form] = Form.useForm<NewPassword>();
  const reset = useResetPassword({
    onSuccess: () => window.history.replaceState(null, '', window.location.pathname),
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as keyof NewPassword, errors: [e.message] })));
    },
  });
  const fieldErrors = reset.error instanceof ApiProblem && reset.error.errors.length > 0;

  return (
    <div className="stack narrow">
      <PageHeading title={t.resetPassword.title} intro={t.resetPassword.intro} />
      {!token && <Alert type="warning" showIcon role="alert" title={t.resetPassword.noToken} />}
      {reset.isSuccess ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t.resetPassword.done}
          description={<Link to="/sign-in">{t.resetPassword.signIn}</Link>}
          data-testid="reset-done"
        />
      ) : (
        token && (
          <Form<NewPassword> form={form} layout="vertical" className="panel" onFinish={(values) => reset.mutate({ token, newPassword: values.newPassword })} requiredMark={false}>
            {reset.error && !fieldErrors && <ProblemAlert error={reset.error} />}
            <Form.Item name="newPassword" label={t.resetPassword.newPassword} extra={t.resetPassword.hint} rules={[{ required: true, message: t.resetPassword.required }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t.resetPassword.confirm}
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t.resetPassword.required },
                ({ getFieldValue }) => ({
                  validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t.resetPassword.mismatch))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={reset.isPending}>
              {t.resetPassword.submit}
            </Button>
          </Form>
        )
      )}
    </div>
  );
}
