import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiProblem } from '@/lib/api/problem';
import { signIn } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';
import type { Messages } from '@/lib/i18n/messages';
import { useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';

interface Credentials {
  username: string;
  password: string;
}

/**
 * Refusals told in words a person acts on. The API gives one answer for a wrong password, an
 * unknown user and a paused account (so it reveals which accounts exist): the text covers all three.
 */
function refusal(error: unknown, t: Messages): string {
  if (!(error instanceof ApiProblem)) return t.common.unexpectedError;
  if (error.isNetwork) return t.common.networkError;
  if (error.status === 429) return t.auth.rateLimited(error.retryAfter ?? 60);
  if (error.slug === 'account-disabled') return t.auth.disabled;
  if (error.status === 401) return t.auth.invalid;
  return error.detail ?? t.common.unexpectedError;
}

/** Only paths inside the app (no `//evil.example`) are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/home';
}

export function SignInPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [form] = Form.useForm<Credentials>();
  const attempt = useMutation({
    mutationFn: ({ username, password }: Credentials) => signIn(username.trim(), password),
    onSuccess: () => void navigate(next, { replace: true }),
    onError: () => form.setFieldValue('password', ''),
  });

  if (session.status === 'signedIn' && !attempt.isPending) return <Navigate to={next} replace />;
  const notice = params.get('signedOut') ? t.auth.signedOut : session.status === 'signedOut' && session.reason === 'expired' ? t.auth.sessionExpired : undefined;

  return (
    <div className="stack narrow">
      <PageHeading title={t.auth.title} intro={t.auth.intro} />
      {notice && !attempt.error && <Alert type="info" showIcon role="note" title={notice} />}
      {attempt.error && <Alert type="error" showIcon role="alert" title={refusal(attempt.error, t)} data-testid="sign-in-error" />}
      <Form<Credentials> form={form} layout="vertical" className="panel" onFinish={(values) => attempt.mutate(values)} requiredMark={false}>
        <Form.Item name="username" label={t.auth.username} rules={[{ required: true, whitespace: true, message: t.auth.usernameRequired }]}>
          <Input autoComplete="username" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item name="password" label={t.auth.password} rules={[{ required: true, message: t.auth.passwordRequired }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={attempt.isPending}>
          {t.auth.submit}
        </Button>
      </Form>
    </div>
  );
}
