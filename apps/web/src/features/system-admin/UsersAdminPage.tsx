import { Button, Form, Input, message as antMessage } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { bureauName as bureauNameIn } from '@/utils/agency-name';
import { KeysetTable } from '@/components/KeysetTable';
import { NativeSelect } from '@/components/NativeSelect';
import { ConfirmButton } from '@/components/ConfirmButton';
import { PageHeading } from '@/components/PageHeading';
import { FormModal } from '@/components/FormModal';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useUserColumns } from '@/components/user-columns';
import { BureausSection } from './BureausSection';
import { useBureaus } from './api/get-bureaus';
import { useUsers } from './api/get-users';
import { useIssuePasswordReset } from './api/issue-password-reset';
import { useSaveUser, type SaveUser } from './api/save-user';
import { ResetLinkModal } from './ResetLinkModal';
import '@/components/styles/dashboard.css';

type User = components['schemas']['UserView'];
type Role = components['schemas']['Role'];
type NewUser = components['schemas']['CreateUserRequest'];
interface UserEdit {
  displayName: string;
  email?: string;
  role: Role;
  bureauId?: string;
}
type ResetLink = components['schemas']['PasswordResetLink'];
/** Roles that belong to a bureau (an agency user belongs to its agency, a system admin to none). */
const OFFICER_ROLES: Role[] = ['ministry_official', 'bureau_admin', 'inspector'];

const ROLES: Role[] = ['system_admin', 'ministry_official', 'bureau_admin', 'inspector', 'agency_user'];

/** The system admin's users (create, edit name and role, disable and enable) and bureaus. */
export function UsersAdminPage() {
  const t = useT();
  const [message, messageHolder] = antMessage.useMessage();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<User | 'new'>();
  const [form] = Form.useForm<NewUser & UserEdit>();
  const [resetLink, setResetLink] = useState<ResetLink>();
  const role = Form.useWatch('role', form);
  const bureaus = useBureaus();
  const language = useLanguage();
  const bureauName = (id: string | null | undefined) => {
    const bureau = id ? bureaus.data?.find((b) => b.id === id) : undefined;
    return id ? (bureau ? bureauNameIn(bureau, language) : '…') : t.usersAdmin.none;
  };

  const users = useUsers(search);
  const saveOf = (fields: NewUser & UserEdit): SaveUser => {
    if (editing && editing !== 'new') {
      const moved = fields.bureauId && fields.bureauId !== editing.bureauId ? { bureauId: fields.bureauId } : {};
      return { id: editing.id, body: { version: editing.version, displayName: fields.displayName, role: fields.role, ...(fields.email ? { email: fields.email } : {}), ...moved } };
    }
    const { username, displayName, email, password, role, bureauId } = fields;
    return { body: { username, displayName, password, role, ...(email ? { email } : {}), ...(bureauId ? { bureauId } : {}) } };
  };

  const save = useSaveUser({
    onSuccess: () => {
      setEditing(undefined);
      void message.success(t.usersAdmin.saved);
    },
    onError: (error) => {
      if (error instanceof ApiProblem) form.setFields(error.errors.map((e) => ({ name: e.field as keyof NewUser, errors: [e.message] })));
    },
  });
  const setStatus = useSaveUser();
  const issueReset = useIssuePasswordReset({ onSuccess: (link) => setResetLink(link) });

  const open = (user: User | 'new') => {
    setEditing(user);
    form.resetFields();
    if (user !== 'new') form.setFieldsValue({ displayName: user.displayName, email: user.email ?? undefined, role: user.role, bureauId: user.bureauId ?? undefined });
  };
  const required = [{ required: true, whitespace: true, message: t.usersAdmin.required }];
  const u = t.usersAdmin;
  const columns = useUserColumns(u, { header: u.bureau, cell: (user) => bureauName(user.bureauId), cellProps: { style: { whiteSpace: 'normal' } } }, {
    header: <span className="visually-hidden">{u.edit}</span>,
    cellProps: { className: 'row-actions' },
    cell: (user) => (
      <>
        <Button size="small" onClick={() => open(user)}>
          {u.edit}
        </Button>{' '}
        {user.status === 'active' ? (
          <ConfirmButton size="small" confirm={{ title: u.confirmDisable(user.displayName), description: u.confirmDisableDetail, ok: u.disable, cancel: u.confirmCancel }} onConfirm={() => setStatus.mutate({ id: user.id, body: { version: user.version, status: 'disabled' } })} loading={setStatus.isPending && setStatus.variables?.id === user.id}>
            {u.disable}
          </ConfirmButton>
        ) : (
          <Button size="small" onClick={() => setStatus.mutate({ id: user.id, body: { version: user.version, status: 'active' } })} loading={setStatus.isPending && setStatus.variables?.id === user.id}>
            {u.enable}
          </Button>
        )}{' '}
        {user.status === 'active' && (
          <Button size="small" onClick={() => issueReset.mutate(user.id)} loading={issueReset.isPending && issueReset.variables === user.id}>
            {u.resetPassword}
          </Button>
        )}
      </>
    ),
  });
  const notices = (
    <>
      {setStatus.error && <ProblemAlert error={setStatus.error} />}
      {issueReset.error && <ProblemAlert error={issueReset.error} />}
    </>
  );

  return (
    <div className="stack wide-page">
      {messageHolder}
      <PageHeading title={t.usersAdmin.title} intro={t.usersAdmin.intro} />
      <section className="panel list-panel" aria-labelledby="users">
        <div className="panel-heading">
          <h2 id="users">{t.usersAdmin.users}</h2>
          <Button type="primary" onClick={() => open('new')}>
            {t.usersAdmin.add}
          </Button>
        </div>
        <Input.Search aria-label={t.usersAdmin.search} placeholder={t.usersAdmin.search} allowClear onSearch={(value) => setSearch(value.trim())} style={{ maxWidth: 360, marginBottom: 12 }} />
        <KeysetTable list={users} notices={notices} label={u.users} testId="users-table" className="audit-table" rowKey={(user) => user.id} rowData={(user) => ({ 'data-username': user.username })} columns={columns} />
      </section>
      <BureausSection />
      {resetLink && <ResetLinkModal link={resetLink} onClose={() => setResetLink(undefined)} />}
      <FormModal open={editing !== undefined} title={editing === 'new' ? t.usersAdmin.add : t.usersAdmin.edit} texts={t.usersAdmin} saving={save.isPending} onSubmit={() => form.submit()} onClose={() => setEditing(undefined)}>
        <Form<NewUser & UserEdit> form={form} layout="vertical" onFinish={(fields) => save.mutate(saveOf(fields))}>
          {editing === 'new' && (
            <Form.Item name="username" label={t.usersAdmin.username} rules={required}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="displayName" label={t.usersAdmin.displayName} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t.usersAdmin.email} rules={[{ type: 'email' }]}>
            <Input type="email" />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item name="password" label={t.usersAdmin.password} rules={[...required, { min: 12, message: t.usersAdmin.password }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item name="role" label={t.usersAdmin.role} rules={[{ required: true, message: t.usersAdmin.required }]}>
            <NativeSelect placeholder="—" options={ROLES.map((role) => ({ value: role, label: t.roles[role] }))} />
          </Form.Item>
          {(editing === 'new' || (role && OFFICER_ROLES.includes(role))) && (
            <Form.Item name="bureauId" label={t.usersAdmin.bureau}>
              <NativeSelect
                placeholder={t.usersAdmin.none}
                options={bureaus.data?.filter((b) => b.status === 'active' || b.id === form.getFieldValue('bureauId')).map((b) => ({ value: b.id, label: bureauNameIn(b, language) })) ?? []}
              />
            </Form.Item>
          )}
        </Form>
        {save.error && !(save.error instanceof ApiProblem && save.error.errors.length > 0) && <ProblemAlert error={save.error} />}
      </FormModal>
    </div>
  );
}
