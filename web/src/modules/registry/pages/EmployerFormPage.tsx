// 登记 / 修改用人单位. The credit code is checked here against GB 32100; a failing check
// character is a warning to verify (some real early codes fail it), as on the server.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Spin } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../app/api';
import { pick, useI18n, useMessages } from '../../../app/i18n';
import { dataTableKey } from '../../../ui/DataTable';
import { applyFieldErrors, ProblemAlert } from '../../../ui/ProblemAlert';
import { RegionSelect } from '../../../ui/RegionSelect';
import { checkUscc, ruleFrom, warningRuleFrom } from '../../../ui/validate';
import {
  registryKeys,
  useEmployer,
  useRegistryCodes,
  type Employer,
  type EmployerCreate,
  type EmployerUpdate,
  type FieldWarning,
} from '../api';
import { StaleVersionAlert } from '../components/StaleVersionAlert';
import { registryMessages } from '../messages';

type EmployerFormValues = { uscc?: string; name: string; industry: string; ownership: string; size: string; regionCode: string };

function EmployerForm({ employer, onReload, reloading }: { employer: Employer | null; onReload: () => void; reloading: boolean }) {
  const t = useMessages(registryMessages);
  const { lang } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const codes = useRegistryCodes();
  const [form] = Form.useForm<EmployerFormValues>();
  const [error, setError] = useState<unknown>(null);

  const save = useMutation({
    mutationFn: (values: EmployerFormValues) => {
      const common = {
        name: values.name.trim(),
        industry: values.industry,
        ownership: values.ownership,
        size: values.size,
        regionCode: values.regionCode,
      };
      if (employer) {
        const update: EmployerUpdate = { ...common, version: employer.version };
        return api.put<Employer & { warnings?: FieldWarning[] }>(`/registry/employers/${employer.id}`, update);
      }
      const create: EmployerCreate = { ...common, uscc: (values.uscc ?? '').trim().toUpperCase() };
      return api.post<Employer & { warnings?: FieldWarning[] }>('/registry/employers', create);
    },
    onSuccess: async ({ warnings, ...saved }) => {
      queryClient.setQueryData(registryKeys.employer(saved.id), saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dataTableKey('employers') }),
        queryClient.invalidateQueries({ queryKey: registryKeys.employerHistory(saved.id) }),
      ]);
      if (warnings && warnings.length > 0) {
        modal.warning({
          title: t('warnings'),
          content: (
            <ul style={{ paddingInlineStart: 20 }}>
              {warnings.map((w) => (
                <li key={w.field}>{pick(w, lang)}</li>
              ))}
            </ul>
          ),
        });
      } else {
        message.success(employer ? t('saved') : t('created'));
      }
      navigate(`/registry/employers/${saved.id}`, { replace: Boolean(employer) });
    },
    onError: (failure) => {
      if (isApiError(failure) && failure.code === 'DUPLICATE' && !employer) {
        form.setFields([{ name: 'uscc', errors: [pick(failure.messages, lang)] }]);
      } else {
        applyFieldErrors(form, failure, lang);
      }
      setError(failure);
    },
  });

  const stale = isApiError(error) && error.code === 'STALE_VERSION';
  const select = (list: { code: string; name: string }[] | undefined, withCode = false) =>
    (list ?? []).map((c) => ({ value: c.code, label: withCode ? `${c.code} ${c.name}` : c.name }));

  return (
    <Form<EmployerFormValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 760 }}
      initialValues={
        employer
          ? {
              name: employer.name,
              industry: employer.industry,
              ownership: employer.ownership,
              size: employer.size,
              regionCode: employer.regionCode,
            }
          : {}
      }
      onFinish={(values) => {
        setError(null);
        save.mutate(values);
      }}
      data-testid="employer-form"
    >
      {stale ? (
        <StaleVersionAlert onReload={onReload} reloading={reloading} />
      ) : (
        error !== null && <ProblemAlert error={error} />
      )}
      {codes.isError && <ProblemAlert error={codes.error} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {employer ? (
            <Form.Item label={t('uscc')} extra={t('usccReadonly')}>
              <Input value={employer.uscc} disabled style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          ) : (
            <Form.Item
              name="uscc"
              label={t('uscc')}
              validateFirst
              rules={[{ required: true }, ruleFrom(checkUscc, lang), warningRuleFrom(checkUscc, lang)]}
              normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
            >
              <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} data-testid="employer-uscc" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('employerName')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}>
            <Input autoComplete="off" data-testid="employer-name" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('industry')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={codes.isLoading}
              options={select(codes.data?.industries, true)}
              data-testid="employer-industry"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="ownership" label={t('ownership')} rules={[{ required: true }]}>
            <Select loading={codes.isLoading} options={select(codes.data?.ownerships)} data-testid="employer-ownership" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="size" label={t('size')} rules={[{ required: true }]}>
            <Select loading={codes.isLoading} options={select(codes.data?.sizes)} data-testid="employer-size" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={t('region')} rules={[{ required: true }]}>
            <RegionSelect data-testid="employer-region" />
          </Form.Item>
        </Col>
      </Row>
      {!employer && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('usccReadonly')} />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={stale} data-testid="employer-submit">
          {t('save')}
        </Button>
        <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}

export default function EmployerFormPage() {
  const t = useMessages(registryMessages);
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const employer = useEmployer(id ?? 0, id !== null);

  if (id === null) {
    return (
      <Card title={t('employerCreate')}>
        <EmployerForm employer={null} onReload={() => undefined} reloading={false} />
      </Card>
    );
  }
  if (employer.isPending) return <Spin />;
  if (employer.isError) {
    return (
      <Card title={t('employerEdit')}>
        <ProblemAlert error={employer.error} />
      </Card>
    );
  }
  return (
    <Card title={`${t('employerEdit')} · ${employer.data.name}`}>
      <EmployerForm
        key={employer.data.version}
        employer={employer.data}
        onReload={() => void employer.refetch()}
        reloading={employer.isFetching}
      />
    </Card>
  );
}
