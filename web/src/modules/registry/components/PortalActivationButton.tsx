// 发放网上账户激活码: after checking the ID card (or licence and mandate) at the window, staff
// issue a one-time code; it is shown once, to be printed or read to the holder.
import { useState } from 'react';
import { Alert, Button, Descriptions, Modal, Popconfirm, Typography } from 'antd';
import { KeyOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { registryMessages } from '../messages';

type Issued = { code: string; expiresAt: string; accountExists: boolean; displayName: string };

export function PortalActivationButton({ kind, id }: { kind: 'person' | 'employer'; id: string | number }) {
  const t = useMessages(registryMessages);
  const notifyError = useErrorNotifier();
  const [issued, setIssued] = useState<Issued | null>(null);
  const issue = useMutation({
    mutationFn: () => api.post<Issued>(`/registry/${kind === 'person' ? 'persons' : 'employers'}/${id}/portal-activation`),
    onSuccess: setIssued,
    onError: notifyError,
  });
  return (
    <>
      <Popconfirm title={t(kind === 'person' ? 'portalConfirmPerson' : 'portalConfirmEmployer')} onConfirm={() => issue.mutate()} okText={t('portalIssue')}>
        <Button icon={<KeyOutlined />} loading={issue.isPending} data-testid="portal-issue">{t('portalIssue')}</Button>
      </Popconfirm>
      <Modal
        open={issued !== null}
        title={t('portalIssued')}
        onCancel={() => setIssued(null)}
        footer={[
          <Button key="print" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('portalPrint')}</Button>,
          <Button key="close" type="primary" onClick={() => setIssued(null)}>{t('portalDone')}</Button>,
        ]}
      >
        {issued && (
          <>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('portalHolder')}>{issued.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('portalCode')}>
                <Typography.Text strong style={{ fontSize: 22, letterSpacing: 4 }} data-testid="portal-code-issued">{issued.code}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('portalExpires')}>{formatInstant(issued.expiresAt)}</Descriptions.Item>
            </Descriptions>
            <Alert style={{ marginTop: 12 }} type={issued.accountExists ? 'warning' : 'info'} showIcon title={t(issued.accountExists ? 'portalResets' : 'portalHowTo')} />
          </>
        )}
      </Modal>
    </>
  );
}
