// The seeker profile form (create and edit) and the vacancy form, shared by list and detail pages.
import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { toFen, useEmploymentCodes, type Seeker, type Vacancy } from '../api';
import { AnyDate, isoDate } from './common';
import { FormModal } from './FormModal';
import { AnyRegionSelect, EmployerPicker, OccupationSelect, PersonPicker, SkillsInput } from './Pickers';
import { employmentMessages } from '../messages';

type SeekerValues = { personId?: number; desiredOccupations: string[]; skills: string[]; desiredRegions: string[]; salaryYuan?: number | null; education: string; availableFrom?: Dayjs | null; groups: string[]; status?: string };

export function SeekerFormModal({ seeker, open, onClose, onSaved }: { seeker: Seeker | null; open: boolean; onClose: () => void; onSaved?: (s: Seeker) => void }) {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const codes = useEmploymentCodes();
  return (
    <FormModal<SeekerValues, Seeker>
      title={t('createSeeker')}
      open={open}
      onClose={onClose}
      testid="seeker-form"
      refresh={['employment-seekers']}
      refreshKeys={seeker ? [['employment', 'seeker', seeker.id]] : []}
      initialValues={
        seeker
          ? { desiredOccupations: seeker.desiredOccupations, skills: seeker.skills, desiredRegions: seeker.desiredRegions, salaryYuan: seeker.salaryMin === null ? null : seeker.salaryMin / 100, education: seeker.education, availableFrom: seeker.availableFrom ? dayjs(seeker.availableFrom) : null, groups: seeker.groups.filter((g) => g === 'graduate' || g === 'rural_migrant'), status: seeker.status }
          : { desiredOccupations: [], skills: [], desiredRegions: [], education: 'senior', groups: [] }
      }
      submit={(v) => {
        const body = { desiredOccupations: v.desiredOccupations, skills: v.skills, desiredRegions: v.desiredRegions, salaryMin: toFen(v.salaryYuan ?? null), education: v.education, availableFrom: isoDate(v.availableFrom), groups: v.groups };
        return seeker ? api.put<Seeker>(`/employment/seekers/${seeker.id}`, { ...body, status: v.status, version: seeker.version }) : api.post<Seeker>('/employment/seekers', { ...body, personId: v.personId });
      }}
      onDone={onSaved}
      width={640}
    >
      {() => (
        <>
          {!seeker && (
            <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}>
              <PersonPicker />
            </Form.Item>
          )}
          <SeekerWishFields />
          <Form.Item name="groups" label={t('groups')}>
            <Select mode="multiple" options={(codes.data?.difficultyGroups ?? []).filter((g) => g.code === 'graduate' || g.code === 'rural_migrant').map((g) => ({ value: g.code, label: g[lang] }))} />
          </Form.Item>
          {seeker && (
            <Form.Item name="status" label={t('status')}>
              <Select options={(['active', 'paused', 'closed'] as const).map((s) => ({ value: s, label: t(`ss_${s}`) }))} />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}

/** What a seeker wants (occupations, skills, places, pay, education, availability): staff's form and the seeker's own portal page. */
export function SeekerWishFields({ regionsPath = '/regions' }: { regionsPath?: '/regions' | '/portal/employment/regions' }) {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const codes = useEmploymentCodes();
  return (
    <>
      <Form.Item name="desiredOccupations" label={t('desiredOccupations')} rules={[{ required: true }]}>
        <OccupationSelect multiple />
      </Form.Item>
      <Form.Item name="skills" label={t('skills')}>
        <SkillsInput />
      </Form.Item>
      <Form.Item name="desiredRegions" label={t('desiredRegions')}>
        <AnyRegionSelect multiple path={regionsPath} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="salaryYuan" label={t('salaryMin')}>
          <InputNumber min={0} step={500} />
        </Form.Item>
        <Form.Item name="education" label={t('education')}>
          <Select style={{ width: 140 }} options={(codes.data?.educationLevels ?? []).map((e) => ({ value: e.code, label: e[lang] }))} />
        </Form.Item>
        <Form.Item name="availableFrom" label={t('availableFrom')}>
          <DatePicker />
        </Form.Item>
      </Space>
    </>
  );
}

type VacancyValues = { employerId?: number; title: string; occupationCode: string; skills: string[]; regionCode?: string; salaryMinYuan: number; salaryMaxYuan: number; education: string; headcount: number; expiresOn: Dayjs; description?: string };

/** Staff post for any employer in scope; an employer's portal account (`portal`) posts its own vacancies through /portal/recruit. */
export function VacancyFormModal({ vacancy, open, onClose, onSaved, portal = false }: { vacancy: Vacancy | null; open: boolean; onClose: () => void; onSaved?: (v: Vacancy) => void; portal?: boolean }) {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const codes = useEmploymentCodes();
  return (
    <FormModal<VacancyValues, Vacancy>
      title={t('createVacancy')}
      open={open}
      onClose={onClose}
      testid="vacancy-form"
      refresh={[portal ? 'portal-vacancies' : 'employment-vacancies']}
      refreshKeys={vacancy ? [['employment', 'vacancy', vacancy.id]] : []}
      width={640}
      initialValues={
        vacancy
          ? { title: vacancy.title, occupationCode: vacancy.occupationCode, skills: vacancy.skills, regionCode: vacancy.regionCode, salaryMinYuan: vacancy.salaryMin / 100, salaryMaxYuan: vacancy.salaryMax / 100, education: vacancy.education, headcount: vacancy.headcount, expiresOn: dayjs(vacancy.expiresOn), description: vacancy.description }
          : { skills: [], education: 'none', headcount: 1, expiresOn: dayjs().add(30, 'day') }
      }
      submit={(v) => {
        const body = { title: v.title, occupationCode: v.occupationCode, skills: v.skills, regionCode: v.regionCode || null, salaryMin: toFen(v.salaryMinYuan), salaryMax: toFen(v.salaryMaxYuan), education: v.education, headcount: v.headcount, expiresOn: isoDate(v.expiresOn), description: v.description ?? '' };
        const base = portal ? '/portal/recruit/vacancies' : '/employment/vacancies';
        return vacancy ? api.put<Vacancy>(`${base}/${vacancy.id}`, { ...body, version: vacancy.version }) : api.post<Vacancy>(base, portal ? body : { ...body, employerId: v.employerId });
      }}
      onDone={onSaved}
    >
      {() => (
        <>
          {!vacancy && !portal && (
            <Form.Item name="employerId" label={t('employer')} rules={[{ required: true }]}>
              <EmployerPicker />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('title')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="occupationCode" label={t('occupation')} rules={[{ required: true }]}>
            <OccupationSelect />
          </Form.Item>
          <Form.Item name="skills" label={t('skills')}>
            <SkillsInput />
          </Form.Item>
          <Form.Item name="regionCode" label={portal ? t('prWorkplace') : t('region')}>
            <AnyRegionSelect path={portal ? '/portal/employment/regions' : '/regions'} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="salaryMinYuan" label={t('salaryMinV')} rules={[{ required: true }]}>
              <InputNumber min={1} step={500} />
            </Form.Item>
            <Form.Item name="salaryMaxYuan" label={t('salaryMaxV')} rules={[{ required: true }]}>
              <InputNumber min={1} step={500} />
            </Form.Item>
            <Form.Item name="education" label={t('requiredEducation')}>
              <Select style={{ width: 140 }} options={(codes.data?.educationLevels ?? []).map((e) => ({ value: e.code, label: e[lang] }))} />
            </Form.Item>
            <Form.Item name="headcount" label={t('headcount')} rules={[{ required: true }]}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="expiresOn" label={t('expiresOn')} rules={[{ required: true }]}>
              <AnyDate />
            </Form.Item>
          </Space>
          <Form.Item name="description" label={t('description')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
