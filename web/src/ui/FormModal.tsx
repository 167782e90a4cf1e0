// One modal form for every module: submits through a mutation, puts the server's field
// problems on the fields, shows other problems with their request ID, and refreshes the named
// tables and queries after a write.
import type { ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../app/i18n';
import { dataTableKey } from './DataTable';
import { applyFieldErrors, useErrorNotifier } from './ProblemAlert';
import { testId } from './format';

export type FormModalProps<V, R> = {
  title: string;
  open: boolean;
  onClose: () => void;
  submit: (values: V) => Promise<R>;
  onDone?: (result: R) => void;
  initialValues?: Partial<V>;
  refresh?: string[];
  refreshKeys?: readonly unknown[][];
  testid: string;
  width?: number;
  okText?: string;
  children: (form: FormInstance<V>) => ReactNode;
};

/** A modal form: submits through a mutation, puts field problems on fields, refreshes tables after a write. */
export function FormModal<V extends object, R = unknown>(p: FormModalProps<V, R>) {
  const { t, lang } = useI18n();
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
      okText={p.okText ?? t('save')}
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

