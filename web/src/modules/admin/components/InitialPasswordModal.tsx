// Shows a generated initial password exactly once. The server keeps only its hash, so once
// this modal closes the password cannot be shown again (only reset).
import { useRef } from 'react';
import { Alert, App, Button, Input, Modal, Space, type InputRef } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useMessages } from '../../../app/i18n';
import { testId } from '../../../ui/format';
import { adminMessages } from '../messages';

export function InitialPasswordModal({ name, password, onClose }: { name: string; password: string; onClose: () => void }) {
  const t = useMessages(adminMessages);
  const { message } = App.useApp();
  const inputRef = useRef<InputRef>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      message.success(t('copied'));
    } catch {
      // Clipboard API needs a secure context; intranet deployments may be plain HTTP.
      inputRef.current?.select();
      const ok = document.execCommand?.('copy') ?? false;
      if (ok) message.success(t('copied'));
      else message.warning(t('copyFailed'));
    }
  };

  return (
    <Modal
      open
      title={t('initialPasswordTitle')}
      closable={false}
      mask={{ closable: false }}
      onOk={onClose}
      okText={t('done')}
      okButtonProps={testId('initial-password-done')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert type="warning" showIcon title={t('initialPasswordText', { name })} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={inputRef}
          readOnly
          value={password}
          style={{ fontFamily: 'monospace', fontSize: 18 }}
          data-testid="initial-password"
          onFocus={(event) => event.target.select()}
        />
        <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="initial-password-copy">
          {t('copyPassword')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
