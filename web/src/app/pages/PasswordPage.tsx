// Password change, forced (first sign-in, reset, expiry) or chosen from the user menu.
// The rule is checked here as the user types and again by the server (PASSWORD_POLICY).
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Form, Input, Space, Tag } from 'antd';
import { CheckCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../api';
import { meQueryKey, needsMfaEnrolment, needsPasswordChange, useAuth, useMe, type Me } from '../auth';
import { useI18n } from '../i18n';
import { applyFieldErrors, ProblemAlert } from '../../ui/ProblemAlert';
import { checkPassword, ruleFrom } from '../../ui/validate';
import { AccountFrame } from './AccountFrame';

type PasswordForm = { currentPassword: string; newPassword: string; confirm: string };

const classChecks: { re: RegExp; zh: string; en: string }[] = [
  { re: /[A-Z]/, zh: '大写字母', en: 'upper case' },
  { re: /[a-z]/, zh: '小写字母', en: 'lower case' },
  { re: /\d/, zh: '数字', en: 'digits' },
  { re: /[^A-Za-z\d]/, zh: '符号', en: 'symbols' },
];

function RuleProgress({ password }: { password: string }) {
  const { lang } = useI18n();
  const longEnough = password.length >= 8;
  return (
    <Space size={[4, 4]} wrap style={{ marginBottom: 16 }} data-testid="password-rule-progress">
      <Tag color={longEnough ? 'success' : 'default'} icon={longEnough ? <CheckCircleOutlined /> : <MinusCircleOutlined />}>
        {lang === 'zh' ? '至少 8 位' : '8+ characters'}
      </Tag>
      {classChecks.map((check) => {
        const met = check.re.test(password);
        return (
          <Tag key={check.en} color={met ? 'success' : 'default'} icon={met ? <CheckCircleOutlined /> : <MinusCircleOutlined />}>
            {lang === 'zh' ? check.zh : check.en}
          </Tag>
        );
      })}
    </Space>
  );
}

export default function PasswordPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { forget } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PasswordForm>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [error, setError] = useState<unknown>(null);
  const forced = needsPasswordChange(me);

  const change = useMutation({
    mutationFn: (values: PasswordForm) =>
      api.post('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: async () => {
      message.success(t('passwordChanged'));
      await queryClient.refetchQueries({ queryKey: meQueryKey });
      const fresh = queryClient.getQueryData<Me | null>(meQueryKey);
      if (!fresh) navigate('/login', { replace: true });
      else if (needsMfaEnrolment(fresh)) navigate('/account/totp', { replace: true });
      else navigate('/', { replace: true });
    },
    onError: (failure) => {
      if (isApiError(failure) && failure.code === 'BAD_CREDENTIALS') {
        form.setFields([{ name: 'currentPassword', errors: [lang === 'zh' ? failure.messages.zh : failure.messages.en] }]);
      } else {
        applyFieldErrors(form, failure, lang);
      }
      setError(failure);
    },
  });

  const signOut = async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      forget();
      navigate('/login', { replace: true });
    }
  };

  return (
    <AccountFrame title={t('passwordTitle')} width={480}>
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={me.passwordExpired ? t('passwordExpired') : t('passwordForced')}
          data-testid="password-forced"
        />
      )}
      <Alert type="info" title={t('passwordRule')} style={{ marginBottom: 16 }} data-testid="password-rule" />
      <Form<PasswordForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setError(null);
          change.mutate(values);
        }}
      >
        <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('newPassword')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('passwordRequired') },
            ruleFrom(checkPassword, lang),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value === getFieldValue('currentPassword')) {
                  throw new Error(
                    lang === 'zh' ? '新密码不能与当前密码相同' : 'The new password must differ from the current one',
                  );
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <RuleProgress password={newPassword} />
        <Form.Item
          name="confirm"
          label={t('confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('passwordRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('confirmMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        {error !== null && <ProblemAlert error={error} />}
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          {forced ? (
            <Button type="link" onClick={() => void signOut()} data-testid="password-logout">
              {t('logout')}
            </Button>
          ) : (
            <Button onClick={() => navigate(-1)} data-testid="password-cancel">
              {t('cancel')}
            </Button>
          )}
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
            {t('save')}
          </Button>
        </Space>
      </Form>
    </AccountFrame>
  );
}
