// Pickers used by the employment forms: a person or an employer from the registry (searched
// by name within the caller's scope), an occupation from the 职业分类大典, any Hainan region
// (desired work areas may lie outside the caller's scope), and free-text skills.
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { employmentMessages } from '../messages';



export { EmployerPicker, PersonPicker } from '../../../ui/RegistryPickers';

type Occupation = { code: string; name: string; level: string };

export function OccupationSelect({ value, onChange, multiple, id }: { value?: string | string[] | null; onChange?: (v: never) => void; multiple?: boolean; id?: string }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['employment', 'occupations', q],
    queryFn: ({ signal }) => api.get<Occupation[]>('/employment/occupations', { q: q || undefined, limit: 200 }, signal),
    staleTime: 60_000,
  });
  const options = (found.data ?? []).map((o) => ({ value: o.code, label: `${o.code} ${o.name}` }));
  // A code typed in full (e.g. 2-02-38-01) is accepted even when the occupation list is not loaded.
  if (/^[1-8](-\d{2}){0,3}$/.test(q) && !options.some((o) => o.value === q)) options.unshift({ value: q, label: q });
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v as never)}
      options={options}
      loading={found.isFetching}
      allowClear
      data-testid="occupation-select"
    />
  );
}

type RegionRow = { code: string; name: string; level: string; parentCode: string | null };

/** Any current Hainan region (GET /regions is reference data; portal accounts read /portal/employment/regions), cities and counties first. */
export function AnyRegionSelect({ value, onChange, multiple, id, path = '/regions' }: { value?: string | string[] | null; onChange?: (v: never) => void; multiple?: boolean; id?: string; path?: '/regions' | '/portal/employment/regions' }) {
  const regions = useQuery({ queryKey: ['regions', 'flat', path], queryFn: ({ signal }) => api.get<RegionRow[]>(path, undefined, signal), staleTime: 60 * 60_000 });
  const order = { province: 0, city: 1, county: 2, township: 3 } as Record<string, number>;
  const options = [...(regions.data ?? [])].sort((a, b) => (order[a.level] ?? 9) - (order[b.level] ?? 9) || a.code.localeCompare(b.code)).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v as never)}
      options={options}
      loading={regions.isLoading}
      allowClear
      data-testid="region-select"
    />
  );
}

export function SkillsInput({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const t = useMessages(employmentMessages);
  return <Select id={id} mode="tags" value={value} onChange={(v) => onChange?.(v)} tokenSeparators={[',', '，', '、']} placeholder={t('skillsHint')} open={false} />;
}
