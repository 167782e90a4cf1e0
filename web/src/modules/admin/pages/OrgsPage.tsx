// 机构管理: the organisation tree, each organisation placed in a region.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { applyFieldErrors, useErrorNotifier } from '../../../ui/ProblemAlert';
import { RegionSelect } from '../../../ui/RegionSelect';
import { testId } from '../../../ui/format';
import { adminKeys, orgOptions, orgTree, useOrgs, type Org, type OrgInput, type OrgTreeNode } from '../api';
import { adminMessages } from '../messages';

type OrgFormValues = { name: string; regionCode: string; parentId?: number | null };

function OrgFormModal({ org, open, onClose }: { org: Org | null; open: boolean; onClose: () => void }) {
  const t = useMessages(adminMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrgFormValues>();
  const orgs = useOrgs();

  const save = useMutation({
    mutationFn: (values: OrgInput) => (org ? api.put(`/admin/orgs/${org.id}`, values) : api.post('/admin/orgs', values)),
    onSuccess: async () => {
      message.success(t('saved'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dataTableKey('orgs') }),
        queryClient.invalidateQueries({ queryKey: adminKeys.orgs }),
      ]);
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang)) notifyError(error);
    },
  });

  return (
    <Modal
      open={open}
      title={org ? t('orgEdit') : t('orgCreate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      okButtonProps={testId('org-submit')}
      destroyOnHidden
    >
      <Form<OrgFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={org ? { name: org.name, regionCode: org.regionCode, parentId: org.parentId } : {}}
        onFinish={(values) =>
          save.mutate({ name: values.name.trim(), regionCode: values.regionCode, parentId: values.parentId ?? null })
        }
      >
        <Form.Item name="name" label={t('orgName')} rules={[{ required: true, whitespace: true, min: 2, max: 60 }]}>
          <Input data-testid="org-name" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('region')} rules={[{ required: true }]}>
          <RegionSelect data-testid="org-region" />
        </Form.Item>
        <Form.Item name="parentId" label={t('orgParent')}>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('orgNone')}
            treeData={orgOptions(orgTree(orgs.data ?? []), org?.id)}
            treeDefaultExpandAll
            data-testid="org-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function OrgsPage() {
  const t = useMessages(adminMessages);
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ org: Org | null } | null>(null);

  const remove = useMutation({
    mutationFn: (org: Org) => api.delete(`/admin/orgs/${org.id}`),
    onSuccess: async () => {
      message.success(t('deleted'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dataTableKey('orgs') }),
        queryClient.invalidateQueries({ queryKey: adminKeys.orgs }),
      ]);
    },
    onError: notifyError,
  });

  return (
    <Card title={t('orgsTitle')}>
      <DataTable<OrgTreeNode>
        id="orgs"
        path="/admin/orgs"
        rowKey={(org) => org.id}
        toRows={orgTree}
        urlState={false}
        defaultPageSize={50}
        expandable={{ defaultExpandAllRows: true }}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ org: null })} data-testid="orgs-create">
            {t('orgCreate')}
          </Button>
        }
        columns={[
          { title: t('orgName'), dataIndex: 'name', key: 'name' },
          {
            title: t('region'),
            key: 'region',
            render: (_, org) => `${org.regionName ?? ''} (${org.regionCode})`,
          },
          {
            title: t('actions'),
            key: 'actions',
            width: 160,
            render: (_, org) => (
              <Space>
                <Button type="link" size="small" onClick={() => setEditing({ org })} data-testid={`org-edit-${org.id}`}>
                  {t('edit')}
                </Button>
                <Popconfirm
                  title={t('confirmDelete', { name: org.name })}
                  onConfirm={() => remove.mutateAsync(org).catch(() => undefined)}
                  okButtonProps={testId('org-delete-confirm')}
                >
                  <Button type="link" size="small" danger data-testid={`org-delete-${org.id}`}>
                    {t('delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <OrgFormModal org={editing.org} open onClose={() => setEditing(null)} />}
    </Card>
  );
}
