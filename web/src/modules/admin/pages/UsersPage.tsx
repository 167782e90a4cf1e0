// 用户管理: accounts, their organisation and roles; disable, reset password, unlock.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Tag, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { applyFieldErrors, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant, testId } from '../../../ui/format';
import { orgOptions, orgTree, useOrgs, useRoles, type AdminUser, type UserCreate, type UserUpdate } from '../api';
import { InitialPasswordModal } from '../components/InitialPasswordModal';
import { adminMessages } from '../messages';

type UserFormValues = { username: string; displayName: string; orgId: number; roleIds: number[] };

const usersTable = dataTableKey('users');

function UserFormModal({
  user,
  onClose,
  onCreated,
}: {
  user: AdminUser | null;
  onClose: () => void;
  onCreated: (name: string, password: string) => void;
}) {
  const t = useMessages(adminMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserFormValues>();
  const orgs = useOrgs();
  const roles = useRoles();

  const save = useMutation({
    mutationFn: async (values: UserFormValues) => {
      if (user) {
        const update: UserUpdate = { displayName: values.displayName.trim(), orgId: values.orgId, roleIds: values.roleIds };
        await api.put(`/admin/users/${user.id}`, update);
        return null;
      }
      const create: UserCreate = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        orgId: values.orgId,
        roleIds: values.roleIds,
      };
      return api.post<{ user: AdminUser; initialPassword: string }>('/admin/users', create);
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: usersTable });
      onClose();
      if (created) onCreated(created.user.displayName || created.user.username, created.initialPassword);
      else message.success(t('saved'));
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang)) notifyError(error);
    },
  });

  return (
    <Modal
      open
      title={user ? t('userEdit') : t('userCreate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      okButtonProps={testId('user-submit')}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={
          user
            ? { username: user.username, displayName: user.displayName, orgId: user.orgId, roleIds: user.roles.map((r) => r.id) }
            : { roleIds: [] }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="username"
          label={t('username')}
          extra={user ? undefined : t('usernameRule')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('usernameRule') }]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="orgId" label={t('org')} rules={[{ required: true }]}>
          <TreeSelect
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            loading={orgs.isLoading}
            treeData={orgOptions(orgTree(orgs.data ?? []))}
            data-testid="user-org"
          />
        </Form.Item>
        <Form.Item name="roleIds" label={t('roles')}>
          <Select
            mode="multiple"
            loading={roles.isLoading}
            optionFilterProp="label"
            options={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
            data-testid="user-roles"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function isLocked(user: AdminUser): boolean {
  return Boolean(user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs()));
}

export default function UsersPage() {
  const t = useMessages(adminMessages);
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const { regionCode } = useRegion();
  const [editing, setEditing] = useState<{ user: AdminUser | null } | null>(null);
  const [shownPassword, setShownPassword] = useState<{ name: string; password: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: usersTable });

  const resetPassword = useMutation({
    mutationFn: (user: AdminUser) => api.post<{ initialPassword: string }>(`/admin/users/${user.id}/reset-password`),
    onSuccess: (result, user) => setShownPassword({ name: user.displayName || user.username, password: result.initialPassword }),
    onError: notifyError,
  });
  const unlock = useMutation({
    mutationFn: (user: AdminUser) => api.post(`/admin/users/${user.id}/unlock`),
    onSuccess: async () => {
      message.success(t('unlocked'));
      await refresh();
    },
    onError: notifyError,
  });
  const setStatus = useMutation({
    mutationFn: ({ user, status }: { user: AdminUser; status: AdminUser['status'] }) =>
      api.put(`/admin/users/${user.id}`, { status } satisfies UserUpdate),
    onSuccess: async () => {
      message.success(t('saved'));
      await refresh();
    },
    onError: notifyError,
  });

  return (
    <Card title={t('usersTitle')}>
      <DataTable<AdminUser>
        id="users"
        path="/admin/users"
        rowKey={(user) => user.id}
        params={{ regionCode }}
        filters={[
          { kind: 'text', name: 'q', label: t('username'), placeholder: t('searchUser') },
          { kind: 'region', name: 'regionCode', label: t('region') },
          {
            kind: 'select',
            name: 'status',
            label: t('status'),
            options: [
              { value: 'active', label: t('statusActive') },
              { value: 'disabled', label: t('statusDisabled') },
            ],
          },
        ]}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })} data-testid="users-create">
            {t('userCreate')}
          </Button>
        }
        columns={[
          { title: t('username'), dataIndex: 'username', key: 'username' },
          { title: t('displayName'), dataIndex: 'displayName', key: 'displayName' },
          { title: t('org'), dataIndex: 'orgName', key: 'orgName' },
          { title: t('region'), key: 'region', render: (_, user) => user.regionName ?? user.regionCode },
          {
            title: t('roles'),
            key: 'roles',
            render: (_, user) => (
              <Space size={[4, 4]} wrap>
                {user.roles.map((role) => (
                  <Tag key={role.id}>{role.name}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('status'),
            key: 'status',
            render: (_, user) => (
              <Space size={[4, 4]} wrap>
                {user.status === 'active' ? (
                  <Tag color="success">{t('statusActive')}</Tag>
                ) : (
                  <Tag color="default">{t('statusDisabled')}</Tag>
                )}
                {isLocked(user) && <Tag color="warning">{t('locked', { time: formatInstant(user.lockedUntil) })}</Tag>}
              </Space>
            ),
          },
          {
            title: t('mfa'),
            key: 'mfa',
            render: (_, user) => (user.mfaEnabled ? <Tag color="blue">{t('mfaOn')}</Tag> : <Tag>{t('mfaOff')}</Tag>),
          },
          {
            title: t('lastLogin'),
            dataIndex: 'lastLoginAt',
            key: 'lastLoginAt',
            render: (value: string | null) => formatInstant(value),
          },
          {
            title: t('actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, user) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing({ user })} data-testid={`user-edit-${user.id}`}>
                  {t('edit')}
                </Button>
                <Popconfirm
                  title={t('confirmReset', { name: user.displayName || user.username })}
                  onConfirm={() => resetPassword.mutateAsync(user).catch(() => undefined)}
                  okButtonProps={testId('user-reset-confirm')}
                >
                  <Button type="link" size="small" data-testid={`user-reset-${user.id}`}>
                    {t('resetPassword')}
                  </Button>
                </Popconfirm>
                {isLocked(user) && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => unlock.mutate(user)}
                    loading={unlock.isPending && unlock.variables?.id === user.id}
                    data-testid={`user-unlock-${user.id}`}
                  >
                    {t('unlock')}
                  </Button>
                )}
                <Popconfirm
                  title={
                    user.status === 'active'
                      ? t('confirmDisable', { name: user.displayName || user.username })
                      : t('confirmEnable', { name: user.displayName || user.username })
                  }
                  onConfirm={() =>
                    setStatus
                      .mutateAsync({ user, status: user.status === 'active' ? 'disabled' : 'active' })
                      .catch(() => undefined)
                  }
                  okButtonProps={testId('user-status-confirm')}
                >
                  <Button type="link" size="small" danger={user.status === 'active'} data-testid={`user-status-${user.id}`}>
                    {user.status === 'active' ? t('disable') : t('enable')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserFormModal
          user={editing.user}
          onClose={() => setEditing(null)}
          onCreated={(name, password) => setShownPassword({ name, password })}
        />
      )}
      {shownPassword && (
        <InitialPasswordModal
          name={shownPassword.name}
          password={shownPassword.password}
          onClose={() => setShownPassword(null)}
        />
      )}
    </Card>
  );
}
