import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Form, Input, Modal, Select, message as antMessage } from 'antd';
import { useState } from 'react';
import { api, data } from '@/api/client';
import { isProblem } from '@/api/problem';
import type { components } from '@/api/schema';
import { useSession } from '@/app/auth/use-session';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { ActionProblem, fieldErrors } from '@/components/ActionProblem';
import { LoadMore } from '@/components/LoadMore';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { StatusTag } from '@/components/StatusTag';
import { useUrlFilters } from '@/components/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import '@/features/dashboard/dashboard.css';
import '@/components/text-table.css';

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
  const queryClient = useQueryClient();
  const { filters, setFilter } = useUrlFilters(['q', 'role', 'status'] as const);
  const [creating, setCreating] = useState<Kind>();
  const [form] = Form.useForm<NewAccount>();
  const [agencySearch, setAgencySearch] = useState('');
  const session = useSession();
  // Nobody disables themselves (the API refuses it too).
  const myId = session.status === 'signedIn' ? session.me.id : undefined;

  const bureaus = useQuery({
    queryKey: ['bureaus', 'mine'],
    queryFn: async ({ signal }) => data(await api.GET('/api/bureaus', { params: { query: { limit: 200 } }, signal })).items,
  });
  const agencies = useQuery({
    enabled: creating === 'agency',
    queryKey: ['agencies', 'pick', agencySearch],
    queryFn: async ({ signal }) => data(await api.GET('/api/agencies', { params: { query: { limit: 20, ...(agencySearch ? { name: agencySearch } : {}) } }, signal })).items,
  });
  const users = useInfiniteQuery({
    queryKey: ['bureau', 'users', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      data(
        await api.GET('/api/users', {
          params: { query: { limit: 50, ...(filters.q ? { q: filters.q } : {}), ...(filters.role ? { role: filters.role as Role } : {}), ...(filters.status ? { status: filters.status as User['status'] } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['bureau', 'users'] });
  const create = useMutation({
    mutationFn: async (fields: NewAccount) => {
      const { username, displayName, email, password, role, bureauId, agencyId } = fields;
      return data(
        await api.POST('/api/users', {
          body: { username, displayName, password, role, ...(email ? { email } : {}), ...(role !== 'agency_user' && bureauId ? { bureauId } : {}), ...(role === 'agency_user' && agencyId ? { agencyId } : {}) },
        }),
      );
    },
    onSuccess: async (user) => {
      setCreating(undefined);
      void message.success(u.created(user.username));
      await refresh();
    },
    onError: (error) => form.setFields(fieldErrors(error) as never),
  });
  const setStatus = useMutation({
    mutationFn: async (user: User) => data(await api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { version: user.version, status: user.status === 'active' ? 'disabled' : 'active' } })),
    onSettled: () => refresh(),
  });
  const bureauName = (id?: string | null) => (id ? (bureaus.data?.find((b) => b.id === id)?.name ?? '…') : '—');
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const required = [{ required: true, whitespace: true, message: t.bureau.common.required }];
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
        <div className="filter-bar" role="group" aria-label={t.bureau.common.filters} style={{ flex: 1 }}>
          <label>
            {u.search}
            <input id="filter-q" type="search" defaultValue={filters.q} onBlur={(e) => setFilter('q', e.target.value.trim() || undefined)} onKeyDown={(e) => e.key === 'Enter' && setFilter('q', (e.target as HTMLInputElement).value.trim() || undefined)} />
          </label>
          <label>
            {u.role}
            <NativeSelect id="filter-role" value={filters.role} onChange={(v) => setFilter('role', v)} placeholder={t.bureau.common.all} options={ROLES.map((r) => ({ value: r, label: t.roles[r] }))} />
          </label>
          <label>
            {u.status}
            <NativeSelect id="filter-status" value={filters.status} onChange={(v) => setFilter('status', v)} placeholder={t.bureau.common.all} options={[{ value: 'active', label: u.active }, { value: 'disabled', label: u.disabled }]} />
          </label>
        </div>
        <div style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" onClick={() => open('officer')}>
            {u.newOfficer}
          </Button>
          <Button onClick={() => open('agency')}>{u.newAgencyAccount}</Button>
        </div>
      </div>
      {users.isPending && <Loading />}
      {users.error && <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />}
      {setStatus.error && <ActionProblem error={setStatus.error} />}
      {users.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={u.none} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={u.title} style={{ maxHeight: 'none' }}>
          <table className="figures text-table" data-testid="bureau-users">
            <thead>
              <tr>
                <th scope="col">{u.username}</th>
                <th scope="col">{u.displayName}</th>
                <th scope="col">{u.role}</th>
                <th scope="col">{u.belongsTo}</th>
                <th scope="col">{u.status}</th>
                <th scope="col">{u.lastLogin}</th>
                <th scope="col">
                  <span className="visually-hidden">{u.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <tr key={user.id} data-username={user.username}>
                  <th scope="row">{user.username}</th>
                  <td>{user.displayName}</td>
                  <td>{t.roles[user.role]}</td>
                  <td style={{ whiteSpace: 'normal' }}>{user.agencyId ? u.agencyAccount : bureauName(user.bureauId)}</td>
                  <td>
                    <StatusTag tone={user.status === 'active' ? 'ok' : 'off'}>{user.status === 'active' ? u.active : u.disabled}</StatusTag>
                  </td>
                  <td>{user.lastLoginAt ? formatDate(user.lastLoginAt, language, true) : u.never}</td>
                  <td>
                    {user.id !== myId && (
                      <Button size="small" danger={user.status === 'active'} onClick={() => setStatus.mutate(user)} loading={setStatus.isPending && setStatus.variables?.id === user.id}>
                        {user.status === 'active' ? u.disable : u.enable}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={users.hasNextPage} loading={users.isFetchingNextPage} onLoad={() => void users.fetchNextPage()} />
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
        <Form<NewAccount> form={form} layout="vertical" onFinish={(fields) => create.mutate(fields)}>
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
                <NativeSelect placeholder={u.ownBureau} options={bureaus.data?.filter((b) => b.level !== 'ministry').map((b) => ({ value: b.id, label: b.name })) ?? []} />
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
