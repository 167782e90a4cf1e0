// 角色管理: a role is a set of permissions plus a data scope (RuoYi's five kinds). The
// permission catalogue comes from the server, grouped; "custom" scope takes a region list.
import { useMemo, useState } from 'react';
import { App, Button, Card, Drawer, Form, Input, Popconfirm, Select, Space, Spin, Switch, Tag, Tooltip, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { ScopeKind } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { applyFieldErrors, ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { RegionSelect } from '../../../ui/RegionSelect';
import { testId } from '../../../ui/format';
import { adminKeys, usePermissionCatalogue, type Permission, type Role, type RoleInput } from '../api';
import { adminMessages, type AdminKey } from '../messages';

const scopeKinds: ScopeKind[] = ['all', 'region_and_below', 'region', 'custom', 'self'];
const groupPrefix = 'group:';

function PermissionTree({
  catalogue,
  value = [],
  onChange,
}: {
  catalogue: Permission[];
  value?: string[];
  onChange?: (keys: string[]) => void;
}) {
  const t = useMessages(adminMessages);
  const { lang } = useI18n();
  const known = useMemo(() => new Set(catalogue.map((p) => p.key)), [catalogue]);
  const treeData = useMemo<TreeDataNode[]>(() => {
    const groups = new Map<string, Permission[]>();
    for (const permission of catalogue) {
      const list = groups.get(permission.group) ?? [];
      list.push(permission);
      groups.set(permission.group, list);
    }
    return [...groups.entries()].map(([group, permissions]) => {
      const labelKey = `group_${group}` as AdminKey;
      const label = adminMessages.zh[labelKey] ? t(labelKey) : group;
      return {
        key: `${groupPrefix}${group}`,
        title: <strong>{label}</strong>,
        children: permissions.map((p) => ({
          key: p.key,
          title: (
            <span data-testid={`permission-${p.key}`}>
              {lang === 'zh' ? p.zh : p.en}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.key}
              </Typography.Text>
            </span>
          ),
        })),
      };
    });
  }, [catalogue, lang, t]);

  return (
    <Tree
      checkable
      selectable={false}
      defaultExpandAll
      treeData={treeData}
      checkedKeys={value}
      onCheck={(checked) => {
        const keys = Array.isArray(checked) ? checked : checked.checked;
        // Group nodes only help to tick many at once; the role stores permission keys.
        onChange?.(keys.map(String).filter((key) => known.has(key)));
      }}
      data-testid="role-permissions"
    />
  );
}

type RoleFormValues = RoleInput;

function RoleDrawer({ role, onClose }: { role: Role | null; onClose: () => void }) {
  const t = useMessages(adminMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const catalogue = usePermissionCatalogue();
  const [form] = Form.useForm<RoleFormValues>();
  const dataScope = Form.useWatch('dataScope', form);

  const save = useMutation({
    mutationFn: ({ key, ...rest }: RoleInput) =>
      // The key names the role for good; an update carries everything else.
      role ? api.put(`/admin/roles/${role.id}`, rest) : api.post('/admin/roles', { key, ...rest }),
    onSuccess: async () => {
      message.success(t('saved'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dataTableKey('roles') }),
        queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
      ]);
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang)) notifyError(error);
    },
  });

  return (
    <Drawer
      open
      size={560}
      title={role ? t('roleEdit') : t('roleCreate')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="role-submit">
            {t('save')}
          </Button>
        </Space>
      }
    >
      <Form<RoleFormValues>
        form={form}
        layout="vertical"
        initialValues={
          role
            ? {
                key: role.key,
                name: role.name,
                permissions: role.permissions,
                dataScope: role.dataScope,
                customRegions: role.customRegions,
                requiresMfa: role.requiresMfa,
              }
            : { permissions: [], dataScope: 'region_and_below', customRegions: [], requiresMfa: false }
        }
        onFinish={(values) =>
          save.mutate({
            key: values.key.trim(),
            name: values.name.trim(),
            permissions: values.permissions ?? [],
            dataScope: values.dataScope,
            customRegions: values.dataScope === 'custom' ? (values.customRegions ?? []) : [],
            requiresMfa: Boolean(values.requiresMfa),
          })
        }
      >
        <Form.Item
          name="key"
          label={t('roleKey')}
          extra={role ? undefined : t('roleKeyRule')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('roleKeyRule') }]}
        >
          <Input disabled={Boolean(role)} data-testid="role-key" />
        </Form.Item>
        <Form.Item name="name" label={t('roleName')} rules={[{ required: true, whitespace: true, max: 40 }]}>
          <Input data-testid="role-name" />
        </Form.Item>
        <Form.Item name="requiresMfa" label={t('requiresMfa')} valuePropName="checked">
          <Switch data-testid="role-requires-mfa" />
        </Form.Item>
        <Form.Item name="dataScope" label={t('dataScope')} extra={t('scopeHelp')} rules={[{ required: true }]}>
          <Select
            options={scopeKinds.map((kind) => ({ value: kind, label: t(`scope_${kind}` as AdminKey) }))}
            data-testid="role-data-scope"
          />
        </Form.Item>
        {dataScope === 'custom' && (
          <Form.Item
            name="customRegions"
            label={t('customRegions')}
            rules={[{ required: true, type: 'array', min: 1, message: t('customRegionsRequired') }]}
          >
            <RegionSelect multiple data-testid="role-custom-regions" />
          </Form.Item>
        )}
        <Form.Item name="permissions" label={t('permissions')}>
          {catalogue.isPending ? (
            <Spin />
          ) : catalogue.isError ? (
            <ProblemAlert error={catalogue.error} />
          ) : (
            <PermissionTree catalogue={catalogue.data} />
          )}
        </Form.Item>
      </Form>
    </Drawer>
  );
}

export default function RolesPage() {
  const t = useMessages(adminMessages);
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ role: Role | null } | null>(null);

  const remove = useMutation({
    mutationFn: (role: Role) => api.delete(`/admin/roles/${role.id}`),
    onSuccess: async () => {
      message.success(t('deleted'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dataTableKey('roles') }),
        queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
      ]);
    },
    onError: notifyError,
  });

  return (
    <Card title={t('rolesTitle')}>
      <DataTable<Role>
        id="roles"
        path="/admin/roles"
        rowKey={(role) => role.id}
        urlState={false}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ role: null })} data-testid="roles-create">
            {t('roleCreate')}
          </Button>
        }
        columns={[
          { title: t('roleKey'), dataIndex: 'key', key: 'key' },
          {
            title: t('roleName'),
            key: 'name',
            render: (_, role) => (
              <Space>
                {role.name}
                {role.builtin && <Tag>{t('builtin')}</Tag>}
              </Space>
            ),
          },
          { title: t('dataScope'), key: 'dataScope', render: (_, role) => t(`scope_${role.dataScope}` as AdminKey) },
          {
            title: t('requiresMfa'),
            key: 'requiresMfa',
            render: (_, role) => (role.requiresMfa ? <Tag color="blue">✓</Tag> : '—'),
          },
          {
            title: t('permissions'),
            key: 'permissions',
            render: (_, role) => (
              <Tooltip title={role.permissions.join(', ')}>
                <span>{t('permissionCount', { count: role.permissions.length })}</span>
              </Tooltip>
            ),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, role) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ role })} data-testid={`role-edit-${role.id}`}>
                  {t('edit')}
                </Button>
                {role.builtin ? (
                  <Tooltip title={t('builtinNoDelete')}>
                    <Button type="link" size="small" disabled>
                      {t('delete')}
                    </Button>
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title={t('confirmDelete', { name: role.name })}
                    onConfirm={() => remove.mutateAsync(role).catch(() => undefined)}
                    okButtonProps={testId('role-delete-confirm')}
                  >
                    <Button type="link" size="small" danger data-testid={`role-delete-${role.id}`}>
                      {t('delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <RoleDrawer role={editing.role} onClose={() => setEditing(null)} />}
    </Card>
  );
}
