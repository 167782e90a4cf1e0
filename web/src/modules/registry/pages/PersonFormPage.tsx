// 登记 / 修改人员. The resident ID is checked here (GB 11643 check digit, real birth date)
// and gives gender and birth date; the server checks again. Edits carry `version`.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Space, Spin } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { dataTableKey } from '../../../ui/DataTable';
import { applyFieldErrors, ProblemAlert } from '../../../ui/ProblemAlert';
import { RegionSelect } from '../../../ui/RegionSelect';
import { checkPhone, checkResidentId, normalisePhone, ruleFrom } from '../../../ui/validate';
import {
  flagKeys,
  registryKeys,
  usePerson,
  type HukouType,
  type Person,
  type PersonCreate,
  type PersonFlags,
  type PersonUpdate,
} from '../api';
import { StaleVersionAlert } from '../components/StaleVersionAlert';
import { registryMessages } from '../messages';

type PersonFormValues = {
  idNumber?: string;
  name: string;
  hukouType: HukouType;
  regionCode: string;
  phone?: string;
  clearPhone?: boolean;
  householdId?: string;
  flags: PersonFlags;
};

const noFlags: PersonFlags = { disability: false, veteran: false, zeroEmploymentHousehold: false, lowIncomeHousehold: false };

function DerivedFacts({ idNumber }: { idNumber: string | undefined }) {
  const t = useMessages(registryMessages);
  if (!idNumber) return null;
  const result = checkResidentId(idNumber);
  if (!result.ok) return null;
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('derived', { gender: t(`gender_${result.gender}`), birthDate: result.birthDate })}
      data-testid="person-derived"
    />
  );
}

function PersonForm({ person, onReload, reloading }: { person: Person | null; onReload: () => void; reloading: boolean }) {
  const t = useMessages(registryMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PersonFormValues>();
  const idNumber = Form.useWatch('idNumber', form);
  const clearPhone = Form.useWatch('clearPhone', form);
  const [error, setError] = useState<unknown>(null);

  const save = useMutation({
    mutationFn: (values: PersonFormValues) => {
      const phone = values.phone ? normalisePhone(values.phone) : undefined;
      const common = {
        name: values.name.trim(),
        hukouType: values.hukouType,
        regionCode: values.regionCode,
        householdId: values.householdId?.trim() || null,
        flags: { ...noFlags, ...values.flags },
      };
      if (person) {
        const update: PersonUpdate = {
          ...common,
          version: person.version,
          // Left empty: keep the stored number (the form never holds it in clear).
          ...(values.clearPhone ? { phone: null } : phone ? { phone } : {}),
        };
        return api.put<Person>(`/registry/persons/${person.id}`, update);
      }
      const create: PersonCreate = { ...common, idNumber: (values.idNumber ?? '').trim().toUpperCase(), phone: phone ?? null };
      return api.post<Person>('/registry/persons', create);
    },
    onSuccess: async (saved) => {
      message.success(person ? t('saved') : t('created'));
      queryClient.setQueryData(registryKeys.person(saved.id), saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dataTableKey('persons') }),
        queryClient.invalidateQueries({ queryKey: registryKeys.personHistory(saved.id) }),
      ]);
      navigate(`/registry/persons/${saved.id}`, { replace: Boolean(person) });
    },
    onError: (failure) => {
      if (isApiError(failure) && failure.code === 'DUPLICATE' && !person) {
        form.setFields([{ name: 'idNumber', errors: [lang === 'zh' ? failure.messages.zh : failure.messages.en] }]);
      } else {
        applyFieldErrors(form, failure, lang);
      }
      setError(failure);
    },
  });

  const stale = isApiError(error) && error.code === 'STALE_VERSION';

  return (
    <Form<PersonFormValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 760 }}
      initialValues={
        person
          ? {
              name: person.name,
              hukouType: person.hukouType,
              regionCode: person.regionCode,
              householdId: person.householdId ?? undefined,
              flags: person.flags,
            }
          : { hukouType: 'urban', flags: noFlags }
      }
      onFinish={(values) => {
        setError(null);
        save.mutate(values);
      }}
      data-testid="person-form"
    >
      {stale ? (
        <StaleVersionAlert onReload={onReload} reloading={reloading} />
      ) : (
        error !== null && <ProblemAlert error={error} />
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {person ? (
            <Form.Item label={t('idNumber')} extra={t('idReadonly')}>
              <Input value={person.idNumberMasked} disabled />
            </Form.Item>
          ) : (
            <Form.Item
              name="idNumber"
              label={t('idNumber')}
              validateFirst
              rules={[{ required: true }, ruleFrom(checkResidentId, lang)]}
              normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
            >
              <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} data-testid="person-id-number-input" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input autoComplete="off" data-testid="person-name" />
          </Form.Item>
        </Col>
      </Row>
      {!person && <DerivedFacts idNumber={idNumber} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="hukouType" label={t('hukouType')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'urban', label: t('hukou_urban') },
                { value: 'rural', label: t('hukou_rural') },
              ]}
              data-testid="person-hukou"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={t('region')} rules={[{ required: true }]}>
            <RegionSelect data-testid="person-region" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="phone"
            label={t('phone')}
            rules={[ruleFrom(checkPhone, lang)]}
            extra={person?.phoneMasked ? t('phoneKeep', { masked: person.phoneMasked }) : undefined}
          >
            <Input inputMode="tel" maxLength={16} autoComplete="off" disabled={Boolean(clearPhone)} data-testid="person-phone-input" />
          </Form.Item>
          {person?.phoneMasked && (
            <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
              <Checkbox data-testid="person-clear-phone">{t('phoneClear')}</Checkbox>
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="householdId" label={t('householdId')} rules={[{ max: 40 }]}>
            <Input autoComplete="off" data-testid="person-household" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('flags')}>
        <Space wrap size="large">
          {flagKeys.map((key) => (
            <Form.Item key={key} name={['flags', key]} valuePropName="checked" noStyle>
              <Checkbox data-testid={`person-flag-${key}`}>{t(`flag_${key}`)}</Checkbox>
            </Form.Item>
          ))}
        </Space>
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={stale} data-testid="person-submit">
          {t('save')}
        </Button>
        <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}

export default function PersonFormPage() {
  const t = useMessages(registryMessages);
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const person = usePerson(id ?? 0, id !== null);

  if (id === null) {
    return (
      <Card title={t('personCreate')}>
        <PersonForm person={null} onReload={() => undefined} reloading={false} />
      </Card>
    );
  }
  if (person.isPending) return <Spin />;
  if (person.isError) {
    return (
      <Card title={t('personEdit')}>
        <ProblemAlert error={person.error} />
      </Card>
    );
  }
  return (
    <Card title={`${t('personEdit')} · ${person.data.name}`}>
      {/* A new version remounts the form with the latest values. */}
      <PersonForm
        key={person.data.version}
        person={person.data}
        onReload={() => void person.refetch()}
        reloading={person.isFetching}
      />
    </Card>
  );
}
