// 我的求职信息: the job seeker fills in their own profile (created on the first save); matches follow from it.
import { App, Alert, Button, Card, Form, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { FullPageSpin } from '../../../app/guards';
import { ProblemAlert, applyFieldErrors, useErrorNotifier } from '../../../ui/ProblemAlert';
import { toFen } from '../api';
import { isoDate } from '../components/common';
import { SeekerWishFields } from '../components/SeekerForm';
import { employmentMessages } from '../messages';
import { jobsKey, useOwnProfile, type OwnProfile } from './api';

type Values = { desiredOccupations: string[]; skills: string[]; desiredRegions: string[]; salaryYuan?: number | null; education: string; availableFrom?: Dayjs | null; status: 'active' | 'paused' };

export default function ProfilePage() {
  const t = useMessages(employmentMessages);
  const { t: shell, lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const current = useOwnProfile();
  const [form] = Form.useForm<Values>();
  const profile = current.data?.profile ?? null;
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.put<{ created: boolean; profile: OwnProfile }>('/portal/jobs/profile', {
        desiredOccupations: v.desiredOccupations,
        skills: v.skills ?? [],
        desiredRegions: v.desiredRegions ?? [],
        salaryMin: toFen(v.salaryYuan ?? null),
        education: v.education,
        availableFrom: isoDate(v.availableFrom),
        status: v.status,
        ...(profile ? { version: profile.version } : {}),
      }),
    onSuccess: async (r) => {
      message.success(r.created ? t('pjSavedCreated') : shell('saved'));
      await queryClient.invalidateQueries({ queryKey: jobsKey });
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang)) notifyError(error);
    },
  });
  if (current.isLoading) return <FullPageSpin />;
  if (current.error) return <ProblemAlert error={current.error} />;
  const initial: Values = profile
    ? { desiredOccupations: profile.desiredOccupations, skills: profile.skills, desiredRegions: profile.desiredRegions, salaryYuan: profile.salaryMin === null ? null : profile.salaryMin / 100, education: profile.education, availableFrom: profile.availableFrom ? dayjs(profile.availableFrom) : null, status: profile.status === 'paused' ? 'paused' : 'active' }
    : { desiredOccupations: [], skills: [], desiredRegions: [], education: 'senior', status: 'active' };
  return (
    <Card title={t('pjProfile')} extra={profile && <Link to="/portal/jobs/matches">{t('pjMatches')}</Link>}>
      {!profile && <Alert type="info" showIcon title={t('pjNoProfile')} style={{ marginBottom: 12 }} data-testid="profile-empty" />}
      <Form<Values> key={profile?.version ?? 0} form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="profile-form">
        <SeekerWishFields regionsPath="/portal/employment/regions" />
        <Form.Item name="status" label={t('pjProfileStatus')} extra={t('pjPausedHint')}>
          <Radio.Group options={(['active', 'paused'] as const).map((s) => ({ value: s, label: t(`ss_${s}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block data-testid="profile-save">
          {t('save')}
        </Button>
      </Form>
      {profile && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {profile.name} · {profile.regionName}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
