// One modal form for the employment pages: submits through a mutation, puts the server's
// field problems on the fields, shows other problems with their request ID, and refreshes
// the named tables after a write.
import type { ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n, useMessages } from '../../../app/i18n';
import { dataTableKey } from '../../../ui/DataTable';
import { applyFieldErrors, useErrorNotifier } from '../../../ui/ProblemAlert';
import { testId } from '../../../ui/format';
import { employmentMessages } from '../messages';

export type FormModalProps<V, R> = {
  title: string;
  open: boolean;
  onClose: () => void;
  submit: (values: V) => Promise<R>;
  onDone?: (result: R) => void;
  initialValues?: Partial<V>;
  /** Tables (DataTable ids) and query keys to refresh after a write. */
  refresh?: string[];
  refreshKeys?: readonly unknown[][];
  testid: string;
  width?: number;
  children: (form: FormInstance<V>) => ReactNode;
};

export function FormModal<V extends object, R = unknown>(p: FormModalProps<V, R>) {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>();
  const save = useMutation({
    mutationFn: p.submit,
    onSuccess: async (result) => {
      message.success(t('saved'));
      await Promise.all([...(p.refresh ?? []).map((id) => queryClient.invalidateQueries({ queryKey: dataTableKey(id) })), ...(p.refreshKeys ?? []).map((k) => queryClient.invalidateQueries({ queryKey: k }))]);
      p.onDone?.(result);
      p.onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang)) notifyError(error);
    },
  });
  return (
    <Modal
      open={p.open}
      title={p.title}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      okButtonProps={testId(`${p.testid}-submit`)}
      width={p.width ?? 560}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" preserve={false} initialValues={p.initialValues} onFinish={(values) => save.mutate(values)} data-testid={p.testid}>
        {p.children(form)}
      </Form>
    </Modal>
  );
}
