import { Button, Form, Input, Modal, Select, message as antMessage } from 'antd';
import { useState } from 'react';
import { isProblem } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { useSession } from '@/lib/auth/use-session';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { bureauName as bureauNameIn } from '@/utils/agency-name';
import { ActionProblem, fieldErrors } from '@/components/ActionProblem';
import { choices, FilterBar } from '@/components/FilterBar';
import { KeysetTable } from '@/components/KeysetTable';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { ConfirmButton } from '@/components/ConfirmButton';
import { PageHeading } from '@/components/PageHeading';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { useUserColumns } from '@/components/user-columns';
import { agencyName } from '@/utils/agency-name';
import { useCreateUser } from './api/create-user';
import { useAgencyChoices } from './api/get-agencies';
import { useMyBureaus } from './api/get-bureaus';
import { useBureauUsers } from './api/get-users';
import { useToggleUserStatus } from './api/set-user-status';
import '@/components/styles/dashboard.css';
import '@/components/styles/text-table.css';

type User = components['schemas']['UserView'];
type Role = components['schemas']['Role'];
type Kind = 'officer' | 'agency';
interface NewAccount {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  role: Role;
  bureauId?: string;
  agencyId?: string;
}
const ROLES: Role[] = ['inspector', 'bureau_admin', 'agency_user'];

/** A bureau admin's users: its bureaus' officers and the accounts of its agencies; open, disable, enable. */
export function BureauUsersPage() {
  const t = useT();
  const language = useLanguage();
  const u = t.bureau.users;
  const [message, holder] = antMessage.useMessage();
  const url = useUrlFilters(['q', 'role', 'status'] as const);
  const { filters } = url;
  const [creating, setCreating] = useState<Kind>();
  const [form] = Form.useForm<NewAccount>();
  const [agencySearch, setAgencySearch] = useState('');
  const session = useSession();
  // Nobody disables themselves (the API refuses it too).
  const myId = session.status === 'signedIn' ? session.me.id : undefined;

  const bureaus = useMyBureaus();
  const agencies = useAgencyChoices(agencySearch, creating === 'agency');
  const users = useBureauUsers(filters, {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.role ? { role: filters.role as Role } : {}),
    ...(filters.status ? { status: filters.status as User['status'] } : {}),
  });
  const create = useCreateUser({
    onSuccess: (user) => {
      setCreating(undefined);
      void message.success(u.created(user.username));
    },
    onError: (error) => form.setFields(fieldErrors(error) as never),
  });
  const createBody = ({ username, displayName, email, password, role, bureauId, agencyId }: NewAccount) => ({
    username,
    displayName,
    password,
    role,
    ...(email ? { email } : {}),
    ...(role !== 'agency_user' && bureauId ? { bureauId } : {}),
    ...(role === 'agency_user' && agencyId ? { agencyId } : {}),
  });
  const setStatus = useToggleUserStatus();
  const bureauName = (id?: string | null) => {
    const bureau = id ? bureaus.data?.find((b) => b.id === id) : undefined;
    return id ? (bureau ? bureauNameIn(bureau, language) : '…') : '—';
  };
  const required = [{ required: true, whitespace: true, message: t.bureau.common.required }];
  const columns = useUserColumns(u, { header: u.belongsTo, cell: (user) => (user.agencyId ? u.agencyAccount : bureauName(user.bureauId)), cellProps: { style: { whiteSpace: 'normal' } } }, {
    header: <span className="visually-hidden">{u.actions}</span>,
    cell: (user) =>
      user.id !== myId && (
        user.status === 'active' ? (
          <ConfirmButton size="small" confirm={{ title: u.confirmDisable(user.displayName), description: u.confirmDisableDetail, ok: u.disable, cancel: u.confirmCancel }} onConfirm={() => setStatus.mutate(user)} loading={setStatus.isPending && setStatus.variables?.id === user.id}>
            {u.disable}
          </ConfirmButton>
        ) : (
          <Button size="small" onClick={() => setStatus.mutate(user)} loading={setStatus.isPending && setStatus.variables?.id === user.id}>
            {u.enable}
          </Button>
        )
      ),
  });
  const open = (kind: Kind) => {
    form.resetFields();
    form.setFieldsValue({ role: kind === 'agency' ? 'agency_user' : 'inspector' });
    setCreating(kind);
  };

  return (
    <div className="stack wide-page">
      {holder}
      <PageHeading title={u.title} intro={u.intro} />
      <div className="panel-heading">
        <FilterBar
          label={t.bureau.common.filters}
          url={url}
          fields={[
            { name: 'q', label: u.search, type: 'search' },
            { name: 'role', label: u.role, options: choices(ROLES, t.roles) },
            { name: 'status', label: u.status, options: [{ value: 'active', label: u.active }, { value: 'disabled', label: u.disabled }] },
          ]}
        />
        <div style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" onClick={() => open('officer')}>
            {u.newOfficer}
          </Button>
          <Button onClick={() => open('agency')}>{u.newAgencyAccount}</Button>
        </div>
      </div>
      <KeysetTable list={users} empty={u.none} notices={setStatus.error && <ActionProblem error={setStatus.error} />} label={u.title} testId="bureau-users" className="text-table" rowKey={(user) => user.id} rowData={(user) => ({ 'data-username': user.username })} columns={columns} />
      <Modal
        open={creating !== undefined}
        title={creating === 'agency' ? u.newAgencyAccount : u.newOfficer}
        okText={u.create}
        cancelText={u.cancel}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(undefined)}
        destroyOnHidden
      >
        <Form<NewAccount> form={form} layout="vertical" onFinish={(fields) => create.mutate(createBody(fields))}>
          <Form.Item name="username" label={u.username} rules={required}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={u.displayName} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={`${u.email} ${t.common.optional}`} rules={[{ type: 'email', message: u.emailInvalid }]}>
            <Input type="email" />
          </Form.Item>
          <Form.Item name="password" label={u.password} extra={u.passwordHelp} rules={[...required, { min: 12, message: u.passwordHelp }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {creating === 'officer' ? (
            <>
              <Form.Item name="role" label={u.role} rules={required}>
                <NativeSelect placeholder="—" options={(['inspector', 'bureau_admin'] as Role[]).map((r) => ({ value: r, label: t.roles[r] }))} />
              </Form.Item>
              <Form.Item name="bureauId" label={u.bureau} extra={u.bureauHelp}>
                <NativeSelect placeholder={u.ownBureau} options={bureaus.data?.filter((b) => b.level !== 'ministry').map((b) => ({ value: b.id, label: bureauNameIn(b, language) })) ?? []} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="agencyId" label={u.agency} rules={[{ required: true, message: t.bureau.common.required }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: (value) => setAgencySearch(value.trim()) }}
                placeholder={u.agencySearch}
                loading={agencies.isFetching}
                options={agencies.data?.map((a) => ({ value: a.id, label: `${agencyName(a, language)} (${a.uscc})` })) ?? []}
                notFoundContent={agencies.isFetching ? <Loading /> : u.noAgency}
              />
            </Form.Item>
          )}
          {creating === 'agency' && <Form.Item name="role" hidden initialValue="agency_user" children={<Input />} />}
        </Form>
        {create.error && !(isProblem(create.error, 400) && create.error.errors.length > 0) && <ActionProblem error={create.error} />}
      </Modal>
    </div>
  );
}
